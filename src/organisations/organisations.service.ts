import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertVersion,
  ORGANISATION_FORM_CODES,
  type OrganisationForm,
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
import {
  ORGANISATION_REGISTER,
  RegisterUnavailableError,
  type OrganisationRegister,
  type RegisterLookup,
  type RegisterUnit,
} from '../register';
import { OrganisationMember } from './organisation-member.entity';
import { Organisation } from './organisation.entity';
import {
  OrganisationDto,
  OrganisationPageDto,
  REGISTER_FIELDS,
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
  registerCheckedAt: o.registerCheckedAt?.toISOString() ?? null,
  bankrupt: o.bankrupt,
  underLiquidation: o.underLiquidation,
  underForcedDissolution: o.underForcedDissolution,
  deletedOn: o.deletedOn,
  countyId: o.countyId,
  payoutAccount: o.payoutAccount,
  version: o.version,
});

const deleted = (organisationNumber: string) =>
  new DomainError(
    'unprocessable',
    'organisation_deleted',
    `Organisation ${organisationNumber} is deleted from the Brønnøysund register (Enhetsregisteret)`,
  );

/** What the service keeps of a live unit; a form it does not serve or a missing value is refused. */
function registerValues(unit: RegisterUnit) {
  if (!(ORGANISATION_FORM_CODES as readonly string[]).includes(unit.form)) {
    throw new DomainError(
      'unprocessable',
      'organisation_form_not_supported',
      `Organisations of the form ${unit.form || '(none)'} cannot apply here`,
      { form: unit.form },
    );
  }
  if (
    !unit.municipalityNumber ||
    !/^\d{4}$/.test(unit.municipalityNumber) ||
    !unit.industryCode ||
    !/^\d{2}(\.\d{1,3})?$/.test(unit.industryCode)
  ) {
    throw new DomainError(
      'unprocessable',
      'organisation_incomplete_in_register',
      `The register has no business address municipality or industry code for ${unit.organisationNumber}`,
    );
  }
  return {
    name: unit.name,
    form: unit.form as OrganisationForm,
    municipalityNumber: unit.municipalityNumber,
    industryCode: unit.industryCode,
    employeeCount: unit.employeeCount,
    bankrupt: unit.bankrupt,
    underLiquidation: unit.underLiquidation,
    underForcedDissolution: unit.underForcedDissolution,
  };
}

/** The register values of a row, for the audit record of a refresh. */
const snapshot = (o: Organisation): Record<string, unknown> => ({
  name: o.name,
  form: o.form,
  municipalityNumber: o.municipalityNumber,
  industryCode: o.industryCode,
  employeeCount: o.employeeCount,
  bankrupt: o.bankrupt,
  underLiquidation: o.underLiquidation,
  underForcedDissolution: o.underForcedDissolution,
  deletedOn: o.deletedOn,
  countyId: o.countyId,
});

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly audit: PaymentAuditRepository,
    private readonly clock: Clock,
    @Inject(ORGANISATION_REGISTER) private readonly unitRegister: OrganisationRegister,
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

  /**
   * An applicant registers an organisation it acts for and becomes its member. Only the number is
   * given: the name, form, municipality, industry, employees and status are the register's. A number
   * the register does not know is refused (422 `organisation_not_in_register`), a deleted or removed
   * unit too (422 `organisation_deleted`); a register that does not answer is a 503.
   */
  async register(
    actor: Extract<Actor, { kind: 'applicant' }>,
    dto: RegisterOrganisationDto,
    key?: IdempotencyKey,
  ): Promise<OrganisationDto> {
    const organisationNumber = parseOrganisationNumber(dto.organisationNumber);
    const unit = await this.lookup(organisationNumber, false);
    if (unit === 'removed' || unit.deletedOn) throw deleted(organisationNumber);
    const values = registerValues(unit);
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
          ...values,
          registerCheckedAt: this.clock.now(),
          countyId: await this.countyOf(tx, values.municipalityNumber),
        }),
      );
      await tx.save(tx.create(OrganisationMember, { userId: actor.userId, organisationId: organisation.id }));
      return toDto(organisation);
    });
  }

  /**
   * Reads the organisation's values from the register again (its members, or staff of its county):
   * the values and status are replaced, the county follows the municipality, and the change is
   * audited in the same transaction. A unit deleted since keeps its last address and industry.
   */
  async refreshFromRegister(actor: Actor, id: string, key?: IdempotencyKey): Promise<OrganisationDto> {
    const seen = await this.dataSource.manager.findOneBy(Organisation, { id });
    const { organisationNumber } = visibleOrNotFound(actor, seen, ownership, 'Organisation');
    const unit = await this.lookup(organisationNumber, true);
    const now = this.clock.now();
    return this.idempotency.transaction(key, async (tx) => {
      const found = await tx.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const organisation = visibleOrNotFound(actor, found, ownership, 'Organisation');
      const before = snapshot(organisation);
      if (unit === 'removed') {
        // Removed for legal reasons (410): the register says nothing more about it.
        organisation.deletedOn ??= now.toISOString().slice(0, 10);
      } else if (unit.deletedOn) {
        organisation.name = unit.name === unit.organisationNumber ? organisation.name : unit.name;
        organisation.deletedOn = unit.deletedOn;
        organisation.bankrupt = unit.bankrupt;
        organisation.underLiquidation = unit.underLiquidation;
        organisation.underForcedDissolution = unit.underForcedDissolution;
      } else {
        const values = registerValues(unit);
        Object.assign(organisation, values, { deletedOn: null });
        organisation.countyId = await this.countyOf(tx, values.municipalityNumber);
      }
      organisation.registerCheckedAt = now;
      const saved = await tx.save(organisation);
      const after = snapshot(saved);
      const changes = Object.fromEntries(
        Object.keys(after)
          .filter((field) => before[field] !== after[field])
          .map((field) => [field, { from: before[field], to: after[field] }]),
      );
      await this.audit.append(tx, {
        subjectKind: 'organisation',
        subjectId: organisation.id,
        actorUserId: actor.userId,
        action: 'register_refreshed',
        changes,
        occurredAt: now.toISOString(),
      });
      return toDto(saved);
    });
  }

  /**
   * Members change their organisation's details; the change must be based on the current version.
   * The values that come from the register are not theirs to change (422 `register_value`).
   */
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
      const fromRegister = REGISTER_FIELDS.filter((field) => dto[field] !== undefined);
      if (fromRegister.length) {
        throw new DomainError(
          'unprocessable',
          'register_value',
          `${fromRegister.join(', ')} come from the Brønnøysund register and cannot be changed here; refresh them from the register instead`,
          { errors: fromRegister.map((field) => ({ field, code: 'register_value' })) },
        );
      }
      assertVersion('organisation', organisation.version, dto.version);
      return toDto(organisation);
    });
  }

  /** The register's unit, `removed`, or a refusal: unknown (422), not answering (503). */
  private async lookup(organisationNumber: string, fresh: boolean): Promise<RegisterUnit | 'removed'> {
    let answer: RegisterLookup;
    try {
      answer = await this.unitRegister.lookup(organisationNumber, { fresh });
    } catch (error) {
      if (!(error instanceof RegisterUnavailableError)) throw error;
      throw new DomainError(
        'unavailable',
        'register_unavailable',
        'The Brønnøysund register (Enhetsregisteret) did not answer; try again in a little while',
      );
    }
    if (answer === 'unknown') {
      throw new DomainError(
        'unprocessable',
        'organisation_not_in_register',
        `Organisation ${organisationNumber} is not in the Brønnøysund register (Enhetsregisteret)`,
      );
    }
    return answer;
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
