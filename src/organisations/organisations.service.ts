import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertVersion,
  decodeCursor,
  DomainError,
  encodeCursor,
  parseNorwegianAccountNumber,
  parseOrganisationNumber,
  visibleOrNotFound,
} from '@lib/common';
import { DataSource, EntityManager } from 'typeorm';
import { PaymentAuditRepository } from '../audit/payment-audit.repository';
import { Clock } from '@lib/common';
import { County } from '../counties/county.entity';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { OrganisationMember } from './organisation-member.entity';
import { Organisation } from './organisation.entity';
import {
  OrganisationDto,
  OrganisationPageDto,
  RegisterOrganisationDto,
  SetPayoutAccountDto,
  UpdateOrganisationDto,
} from './organisation.dto';

const ownership = (o: Organisation) => ({ organisationId: o.id, countyId: o.countyId });

const toDto = (o: Organisation): OrganisationDto => ({
  id: o.id,
  organisationNumber: o.organisationNumber,
  name: o.name,
  form: o.form,
  municipalityNumber: o.municipalityNumber,
  industryCode: o.industryCode,
  employeeCount: o.employeeCount,
  countyId: o.countyId,
  payoutAccount: o.payoutAccount,
  version: o.version,
});

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly audit: PaymentAuditRepository,
    private readonly clock: Clock,
  ) {}

  /** An applicant's own organisations, or the organisations in a staff member's county. */
  async list(actor: Actor, limit = 50, after?: string): Promise<OrganisationPageDto> {
    const query = this.dataSource.manager.createQueryBuilder(Organisation, 'o');
    if (actor.kind === 'applicant') {
      if (!actor.organisationIds.length) return { items: [], nextCursor: null };
      query.where('o.id IN (:...ids)', { ids: actor.organisationIds });
    } else if (actor.kind === 'staff') {
      query.where('o.countyId = :countyId', { countyId: actor.countyId });
    }
    if (after) {
      const [name, id] = decodeCursor(after, ['text', 'uuid']);
      query.andWhere('(o.name, o.id) > (:name, :id)', { name, id });
    }
    const rows = await query
      .orderBy('o.name')
      .addOrderBy('o.id')
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toDto),
      nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<OrganisationDto> {
    const organisation = await this.dataSource.manager.findOneBy(Organisation, { id });
    return toDto(visibleOrNotFound(actor, organisation, ownership, 'Organisation'));
  }

  /** An applicant registers an organisation it acts for and becomes its member. */
  async register(
    actor: Extract<Actor, { kind: 'applicant' }>,
    dto: RegisterOrganisationDto,
    key?: IdempotencyKey,
  ): Promise<OrganisationDto> {
    const organisationNumber = parseOrganisationNumber(dto.organisationNumber);
    return this.idempotency.transaction(key, async (tx) => {
      const existing = await tx.findOneBy(Organisation, { organisationNumber });
      if (existing) {
        throw new DomainError(
          'conflict',
          'organisation_already_registered',
          `Organisation ${organisationNumber} is already registered; ask one of its users to add you`,
        );
      }
      const organisation = await tx.save(
        tx.create(Organisation, {
          organisationNumber,
          name: dto.name.trim(),
          form: dto.form,
          municipalityNumber: dto.municipalityNumber,
          industryCode: dto.industryCode,
          employeeCount: dto.employeeCount,
          countyId: await this.countyOf(tx, dto.municipalityNumber),
        }),
      );
      await tx.save(tx.create(OrganisationMember, { userId: actor.userId, organisationId: organisation.id }));
      return toDto(organisation);
    });
  }

  /** Members change their organisation's details; the change must be based on the current version. */
  async update(
    actor: Actor,
    id: string,
    dto: UpdateOrganisationDto,
    key?: IdempotencyKey,
  ): Promise<OrganisationDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const found = await tx.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const organisation = visibleOrNotFound(actor, found, ownership, 'Organisation');
      if (actor.kind !== 'applicant') {
        throw new DomainError(
          'forbidden',
          'forbidden',
          "Only the organisation's own users change its details",
        );
      }
      assertVersion('organisation', organisation.version, dto.version);
      const { version: _version, ...changes } = dto;
      Object.assign(organisation, changes);
      if (changes.municipalityNumber)
        organisation.countyId = await this.countyOf(tx, changes.municipalityNumber);
      return toDto(await tx.save(organisation));
    });
  }

  /**
   * The organisation's users set the account its grants are paid to. A number that fails the MOD11
   * check is refused (422 `invalid_account_number`) before anything is read or changed; the change is
   * audited with the old and new number in the same transaction.
   */
  async setPayoutAccount(
    actor: Actor,
    id: string,
    dto: SetPayoutAccountDto,
    key?: IdempotencyKey,
  ): Promise<OrganisationDto> {
    const account = parseNorwegianAccountNumber(dto.accountNumber, 'accountNumber');
    return this.idempotency.transaction(key, async (tx) => {
      const found = await tx.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const organisation = visibleOrNotFound(actor, found, ownership, 'Organisation');
      if (actor.kind !== 'applicant') {
        throw new DomainError(
          'forbidden',
          'forbidden',
          "Only the organisation's own users set its payout account",
        );
      }
      if (organisation.payoutAccount === account) return toDto(organisation);
      const before = organisation.payoutAccount;
      organisation.payoutAccount = account;
      const saved = await tx.save(organisation);
      await this.audit.append(tx, {
        subjectKind: 'organisation',
        subjectId: organisation.id,
        actorUserId: actor.userId,
        action: 'payout_account_set',
        changes: { payoutAccount: { from: before, to: account } },
        occurredAt: this.clock.now().toISOString(),
      });
      return toDto(saved);
    });
  }

  /** The county whose number prefixes the municipality number (5001 Trondheim → 50 Trøndelag). */
  private async countyOf(tx: EntityManager, municipalityNumber: string): Promise<string | null> {
    const county = await tx.findOneBy(County, { code: municipalityNumber.slice(0, 2) });
    return county?.id ?? null;
  }
}
