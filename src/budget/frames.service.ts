import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertVersion,
  Clock,
  DAY_MS,
  decodeCursor,
  DomainError,
  encodeCursor,
  formatNorwegianDate,
  norwegianDate,
  oreAsKroner,
  parseOrganisationNumber,
  toCsv,
  visibleOrNotFound,
} from '@lib/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { describeState } from '@lib/engine';
import { Application } from '../applications/application.entity';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { SchemeRegistry } from '../schemes/scheme-registry';
import {
  AllocationDto,
  BurnDownMonthDto,
  PipelineDto,
  AlertDto,
  CarryOverDto,
  CreateFrameDto,
  DirectAllocationDto,
  DirectAllocationResultDto,
  EntryDto,
  EntryFilter,
  EntryPageDto,
  EntryQuery,
  FrameDto,
  FramePairDto,
  FrameStatusDto,
  GrantMoneyDto,
  PIPELINE_STAGES,
  type PipelineStage,
  RebuildDto,
  ReallocationDto,
} from './budget.dto';
import { BudgetFrame } from './budget-frame.entity';
import { FrameAlert } from './frame-alert.entity';
import { FrameAuditRepository } from './frame-audit.repository';
import type { EntryDirection, EntryKind } from './ledger-entry.entity';
import { Balances, LedgerService, requireCaseReference } from './ledger.service';

type Staff = Extract<Actor, { kind: 'staff' }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ownership = (f: BudgetFrame) => ({ countyId: f.countyId });

/** An entry's kind in words, as the CSV download names it (movements by their direction). */
const KIND_WORDS: Record<EntryKind, string | Record<EntryDirection, string>> = {
  allocation: 'Tildeling',
  top_up: 'Tilleggsbevilgning',
  reallocation: { in: 'Omdisponering inn', out: 'Omdisponering ut' },
  commitment: 'Tilsagn',
  release: 'Frigjort tilsagn',
  disbursement: 'Utbetaling',
  repayment: 'Tilbakebetaling',
  carry_over: { in: 'Overføring inn', out: 'Overføring ut' },
};

const kindInWords = (kind: EntryKind, direction: EntryDirection | null): string => {
  const words = KIND_WORDS[kind];
  return typeof words === 'string' ? words : words[direction ?? 'in'];
};

/** A ledger entry with whom it concerns: the application and its organisation, or a direct recipient. */
interface EntryRow {
  id: string;
  kind: EntryKind;
  direction: EntryDirection | null;
  amount: string;
  currency: string;
  movement_id: string;
  grant_key: string | null;
  application_id: string | null;
  case_reference: string | null;
  reason: string;
  actor_user_id: string | null;
  created_at: Date;
  application_reference: string | null;
  recipient_name: string | null;
  organisation_number: string | null;
}

const entryOf = (e: EntryRow): EntryDto => ({
  id: e.id,
  kind: e.kind,
  direction: e.direction,
  amount: Number(e.amount),
  currency: e.currency,
  movementId: e.movement_id,
  grantKey: e.grant_key,
  applicationId: e.application_id,
  applicationReference: e.application_reference,
  recipientName: e.recipient_name,
  organisationNumber: e.organisation_number,
  caseReference: e.case_reference,
  reason: e.reason,
  actorUserId: e.actor_user_id,
  createdAt: e.created_at.toISOString(),
});

const likePattern = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A frame with its balances, as the API shows it. */
export const toFrameDto = (f: BudgetFrame): FrameDto => ({
  id: f.id,
  schemeId: f.schemeId,
  year: f.year,
  name: f.name,
  currency: f.currency,
  status: f.status,
  allocated: f.allocated,
  committed: f.committed,
  disbursed: f.disbursed,
  available: f.allocated - f.committed - f.disbursed,
  version: f.version,
});

/** Finance's view of and commands on the county's frames; the money itself moves in `LedgerService`. */
@Injectable()
export class FramesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: LedgerService,
    private readonly schemes: SchemeRegistry,
    private readonly clock: Clock,
    private readonly frameAudit: FrameAuditRepository,
  ) {}

  async list(actor: Staff): Promise<FrameDto[]> {
    const frames = await this.dataSource.manager.find(BudgetFrame, {
      where: { countyId: actor.countyId },
      order: { year: 'DESC', schemeId: 'ASC', name: 'ASC' },
    });
    return frames.map(toFrameDto);
  }

  async get(actor: Staff, id: string): Promise<FrameDto> {
    return toFrameDto(await this.visible(this.dataSource.manager, actor, id));
  }

  async create(actor: Staff, dto: CreateFrameDto, key?: IdempotencyKey): Promise<FrameDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const frame = await tx.save(
        tx.create(BudgetFrame, {
          countyId: actor.countyId,
          schemeId: dto.schemeId,
          year: dto.year,
          name: dto.name.trim(),
          currency: dto.currency ?? 'NOK',
          status: 'open',
        }),
      );
      return toFrameDto(frame);
    });
  }

  /** Opens or closes the frame for new commitments, based on the version the caller read. */
  async setStatus(actor: Staff, id: string, dto: FrameStatusDto, key?: IdempotencyKey): Promise<FrameDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const frame = await this.visible(tx, actor, id, true);
      assertVersion('frame', frame.version, dto.version);
      frame.status = dto.status;
      return toFrameDto(await tx.save(frame));
    });
  }

  async allocate(actor: Staff, id: string, dto: AllocationDto, key?: IdempotencyKey): Promise<FrameDto> {
    return this.inFrame(actor, id, key, async (tx) => {
      const at = this.clock.now();
      await this.ledger.allocate(tx, {
        frameId: id,
        kind: dto.kind,
        amount: dto.amount,
        caseReference: dto.caseReference,
        actorUserId: actor.userId,
        actorRole: 'finance',
        at,
        reason: dto.reason,
      });
      await this.frameAudit.append(tx, {
        frameId: id,
        actorUserId: actor.userId,
        action: dto.kind,
        changes: {
          amount: dto.amount,
          caseReference: dto.caseReference ?? null,
          reason: dto.reason,
        },
        occurredAt: at.toISOString(),
      });
    });
  }

  async reallocate(
    actor: Staff,
    id: string,
    dto: ReallocationDto,
    key?: IdempotencyKey,
  ): Promise<FramePairDto> {
    return this.betweenFrames(actor, id, dto.toFrameId, key, async (tx) => {
      const at = this.clock.now();
      await this.ledger.reallocate(tx, {
        fromFrameId: id,
        toFrameId: dto.toFrameId,
        amount: dto.amount,
        caseReference: dto.caseReference,
        actorUserId: actor.userId,
        actorRole: 'finance',
        at,
        reason: dto.reason,
      });
      await this.frameAudit.append(tx, {
        frameId: id,
        actorUserId: actor.userId,
        action: 'reallocation',
        changes: {
          amount: dto.amount,
          toFrameId: dto.toFrameId,
          caseReference: dto.caseReference,
          reason: dto.reason,
        },
        occurredAt: at.toISOString(),
      });
    });
  }

  /** Overføring: a grant's open commitment, and its money, to a later year's frame by a recorded decision. */
  async carryOver(actor: Staff, id: string, dto: CarryOverDto, key?: IdempotencyKey): Promise<FramePairDto> {
    return this.betweenFrames(actor, id, dto.toFrameId, key, async (tx) => {
      const at = this.clock.now();
      const grant = await this.grantOf(tx, actor, dto.grantKey);
      await this.ledger.carryOver(tx, {
        fromFrameId: id,
        toFrameId: dto.toFrameId,
        grantKey: grant.key,
        amount: dto.amount,
        caseReference: dto.caseReference,
        actorUserId: actor.userId,
        actorRole: 'finance',
        at,
        reason: dto.reason,
      });
      await this.frameAudit.append(tx, {
        frameId: id,
        actorUserId: actor.userId,
        action: 'carry_over',
        changes: {
          amount: dto.amount,
          toFrameId: dto.toFrameId,
          grantKey: grant.key,
          applicationReference: grant.application?.reference ?? null,
          caseReference: dto.caseReference,
          reason: dto.reason,
        },
        occurredAt: at.toISOString(),
      });
    });
  }

  /** A commitment without an application: money straight to a named recipient by a recorded decision. */
  async directAllocation(
    actor: Staff,
    id: string,
    dto: DirectAllocationDto,
    key?: IdempotencyKey,
  ): Promise<DirectAllocationResultDto> {
    // The new grant's key is part of the answer, so it is made inside the command: a repeat gets the same.
    requireCaseReference(dto.decisionReference, 'decisionReference', 'A direct allocation');
    const organisationNumber = parseOrganisationNumber(dto.organisationNumber);
    return this.idempotency.transaction(key, async (tx) => {
      await this.visible(tx, actor, id);
      const grantKey = `direct:${randomUUID()}`;
      const at = this.clock.now();
      await this.ledger.commit(tx, {
        frameId: id,
        grantKey,
        applicationId: null,
        recipient: dto.recipient.trim(),
        recipientOrganisationNumber: organisationNumber,
        amount: dto.amount,
        caseReference: dto.decisionReference,
        actorUserId: actor.userId,
        actorRole: 'finance',
        at,
        reason: dto.reason,
      });
      await this.frameAudit.append(tx, {
        frameId: id,
        actorUserId: actor.userId,
        action: 'direct_allocation',
        changes: {
          amount: dto.amount,
          grantKey,
          recipient: dto.recipient.trim(),
          organisationNumber,
          caseReference: dto.decisionReference,
          reason: dto.reason,
        },
        occurredAt: at.toISOString(),
      });
      return { ...toFrameDto(await tx.findOneByOrFail(BudgetFrame, { id })), grantKey };
    });
  }

  /** Pays out committed money of a grant that the lifecycle says is payable. */
  async disburse(actor: Staff, id: string, dto: GrantMoneyDto, key?: IdempotencyKey): Promise<FrameDto> {
    return this.inFrame(actor, id, key, async (tx) => {
      const { key: grantKey, application } = await this.grantOf(tx, actor, dto.grantKey);
      if (application) {
        const scheme = this.schemes.forStored(application.schemeId);
        const { tags } = describeState(scheme.lifecycle, application.snapshot);
        if (!tags.includes('payable')) {
          throw new DomainError(
            'conflict',
            'not_payable',
            `The grant cannot be paid while the application is ${application.state}`,
            {
              currentState: application.state,
            },
          );
        }
      }
      return this.ledger.disburse(tx, {
        frameId: id,
        grantKey,
        amount: dto.amount,
        actorUserId: actor.userId,
        actorRole: 'finance',
        at: this.clock.now(),
        reason: dto.reason,
      });
    });
  }

  async repay(actor: Staff, id: string, dto: GrantMoneyDto, key?: IdempotencyKey): Promise<FrameDto> {
    return this.inFrame(actor, id, key, async (tx) =>
      this.ledger.repay(tx, {
        frameId: id,
        grantKey: (await this.grantOf(tx, actor, dto.grantKey)).key,
        amount: dto.amount,
        actorUserId: actor.userId,
        actorRole: 'finance',
        at: this.clock.now(),
        reason: dto.reason,
      }),
    );
  }

  /** The frame's entries, newest first, filtered, one keyset page at a time. */
  async entries(actor: Staff, id: string, query: EntryQuery): Promise<EntryPageDto> {
    await this.visible(this.dataSource.manager, actor, id);
    const limit = query.limit ?? 100;
    const after = query.after ? decodeCursor(query.after, ['bigint'])[0] : undefined;
    const rows = await this.findEntries(id, query, 'DESC', { after, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(entryOf),
      nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
    };
  }

  /**
   * The entries of a frame that match the filter, with the application's case reference and whom the
   * money concerns: the application's organisation, or a direct allocation's recipient.
   */
  private async findEntries(
    frameId: string,
    filter: EntryFilter,
    order: 'ASC' | 'DESC',
    page: { after?: string | number; limit?: number } = {},
  ): Promise<EntryRow[]> {
    const params: unknown[] = [frameId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['e.frame_id = $1'];
    if (filter.kind) where.push(`e.kind = ${param(filter.kind)}`);
    // Days as Norwegians count them: from midnight in Oslo, to the next midnight.
    if (filter.from)
      where.push(`e.created_at >= (${param(filter.from)}::date::timestamp AT TIME ZONE 'Europe/Oslo')`);
    if (filter.to)
      where.push(`e.created_at < ((${param(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo')`);
    const search = filter.search?.trim();
    if (search) {
      const digits = search.replace(/\s/g, '');
      const alternatives = [
        `e.case_reference ILIKE ${param(`%${likePattern(search)}%`)}`,
        `a.reference LIKE ${param(`${likePattern(search.toUpperCase())}%`)}`,
      ];
      if (/^\d{9}$/.test(digits))
        alternatives.push(
          `coalesce(o.organisation_number, gp.recipient_organisation_number) = ${param(digits)}`,
        );
      where.push(`(${alternatives.join(' OR ')})`);
    }
    if (page.after !== undefined) where.push(`e.id < ${param(page.after)}`);
    const limit = page.limit !== undefined ? `LIMIT ${param(page.limit)}` : '';
    return this.dataSource.query<EntryRow[]>(
      `SELECT e.id::text AS id, e.kind, e.direction, e.amount, e.currency, e.movement_id, e.grant_key,
              e.application_id, e.case_reference, e.reason, e.actor_user_id, e.created_at,
              a.reference AS application_reference,
              coalesce(o.name, gp.recipient) AS recipient_name,
              coalesce(o.organisation_number, gp.recipient_organisation_number) AS organisation_number
         FROM ledger_entry e
         LEFT JOIN application a ON a.id = e.application_id
         LEFT JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN grant_position gp
                ON e.application_id IS NULL AND gp.frame_id = e.frame_id AND gp.grant_key = e.grant_key
        WHERE ${where.join(' AND ')}
        ORDER BY e.id ${order} ${limit}`,
      params,
    );
  }

  async rebuild(actor: Staff, id: string): Promise<RebuildDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      await this.visible(tx, actor, id);
      const running = await this.ledger.balances(tx, id);
      const rebuilt = await this.ledger.rebuild(tx, id);
      const consistent = (Object.keys(running) as Array<keyof Balances>).every(
        (k) => running[k] === rebuilt[k],
      );
      return { consistent, running, rebuilt };
    });
  }

  async alerts(actor: Staff, id: string): Promise<AlertDto[]> {
    await this.visible(this.dataSource.manager, actor, id);
    const alerts = await this.dataSource.manager.find(FrameAlert, {
      where: { frameId: id },
      order: { thresholdPercent: 'ASC' },
    });
    return alerts.map((a) => ({
      thresholdPercent: a.thresholdPercent,
      used: a.used,
      allocated: a.allocated,
      crossedAt: a.crossedAt.toISOString(),
    }));
  }

  /**
   * Commitments and disbursements per month (Oslo time), with running sums, for a burn-down chart: what
   * was used (outstanding commitments plus net disbursements) against the allocation at each month's end.
   */
  async burnDown(actor: Staff, id: string): Promise<BurnDownMonthDto[]> {
    await this.visible(this.dataSource.manager, actor, id);
    const rows = await this.dataSource.query<
      Array<{ month: string; committed: string; disbursed: string; allocated: string; used: string }>
    >(
      `SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'Europe/Oslo'), 'YYYY-MM') AS month,
              sum(CASE WHEN kind = 'commitment' THEN amount WHEN kind = 'release' THEN -amount ELSE 0 END) AS committed,
              sum(CASE WHEN kind = 'disbursement' THEN amount WHEN kind = 'repayment' THEN -amount ELSE 0 END) AS disbursed,
              sum(CASE WHEN kind IN ('allocation', 'top_up') THEN amount
                       WHEN kind IN ('reallocation', 'carry_over') AND direction = 'in' THEN amount
                       WHEN kind IN ('reallocation', 'carry_over') AND direction = 'out' THEN -amount
                       ELSE 0 END) AS allocated,
              sum(CASE WHEN kind = 'commitment' THEN amount
                       WHEN kind IN ('release', 'repayment') THEN -amount
                       WHEN kind = 'carry_over' AND direction = 'in' THEN amount
                       WHEN kind = 'carry_over' AND direction = 'out' THEN -amount
                       ELSE 0 END) AS used
         FROM ledger_entry WHERE frame_id = $1
        GROUP BY 1 ORDER BY 1`,
      [id],
    );
    let cumulativeCommitted = 0;
    let cumulativeDisbursed = 0;
    let cumulativeAllocated = 0;
    let cumulativeUsed = 0;
    return rows.map((r) => {
      cumulativeCommitted += Number(r.committed);
      cumulativeDisbursed += Number(r.disbursed);
      cumulativeAllocated += Number(r.allocated);
      cumulativeUsed += Number(r.used);
      return {
        month: r.month,
        committed: Number(r.committed),
        disbursed: Number(r.disbursed),
        cumulativeCommitted,
        cumulativeDisbursed,
        cumulativeAllocated,
        cumulativeUsed,
      };
    });
  }

  /** What is waiting for a decision against this frame, and when the money runs out at the recent rate. */
  async pipeline(actor: Staff, id: string): Promise<PipelineDto> {
    const frame = await this.visible(this.dataSource.manager, actor, id);
    // A recommendation is cleared when the approver returns the case, so it marks the last stage.
    const waiting = await this.dataSource.query<
      Array<{ stage: PipelineStage; n: number; requested: string; recommended: string }>
    >(
      `SELECT CASE WHEN a.status = 'applied' THEN 'applied'
                   WHEN a.recommended_amount IS NOT NULL THEN 'recommended'
                   ELSE 'in_assessment' END AS stage,
              count(*)::int AS n, coalesce(sum(a.requested_amount), 0) AS requested,
              coalesce(sum(a.recommended_amount), 0) AS recommended
         FROM application a JOIN funding_call c ON c.id = a.call_id
        WHERE c.frame_id = $1 AND a.status IN ('applied', 'assessment')
        GROUP BY 1`,
      [id],
    );
    const stages = PIPELINE_STAGES.map((stage) => {
      const row = waiting.find((w) => w.stage === stage);
      return {
        stage,
        applications: row?.n ?? 0,
        requested: Number(row?.requested ?? 0),
        recommended: Number(row?.recommended ?? 0),
      };
    });
    const total = (key: 'applications' | 'requested' | 'recommended') =>
      stages.reduce((sum, s) => sum + s[key], 0);
    const now = this.clock.now();
    const [recent] = await this.dataSource.query<Array<{ committed: string }>>(
      `SELECT coalesce(sum(amount), 0) AS committed FROM ledger_entry
        WHERE frame_id = $1 AND kind = 'commitment' AND created_at > $2::timestamptz - interval '90 days'`,
      [id, now.toISOString()],
    );
    const available = frame.allocated - frame.committed - frame.disbursed;
    const dailyCommitmentRate = Math.floor(Number(recent.committed) / 90);
    const exhaustedOn =
      dailyCommitmentRate > 0
        ? new Date(now.getTime() + Math.ceil(available / dailyCommitmentRate) * DAY_MS)
            .toISOString()
            .slice(0, 10)
        : null;
    return {
      applications: total('applications'),
      requested: total('requested'),
      recommended: total('recommended'),
      stages,
      available,
      dailyCommitmentRate,
      exhaustedOn,
    };
  }

  /**
   * The frame's entries that match the filter as CSV (oldest first), in Norwegian: the kind in words,
   * dates as dd.mm.åååå in Norwegian time, amounts in kroner with a decimal comma.
   */
  async entriesCsv(actor: Staff, id: string, filter: EntryFilter): Promise<string> {
    await this.visible(this.dataSource.manager, actor, id);
    const entries = await this.findEntries(id, filter, 'ASC');
    return toCsv(
      [
        'Postering',
        'Dato',
        'Type',
        'Beløp (kr)',
        'Valuta',
        'Saksnummer',
        'Mottaker',
        'Organisasjonsnummer',
        'Politisk saksreferanse',
        'Begrunnelse',
      ],
      entries.map((e) => [
        e.id,
        formatNorwegianDate(norwegianDate(e.created_at)),
        kindInWords(e.kind, e.direction),
        oreAsKroner(Number(e.amount)),
        e.currency,
        e.application_reference,
        e.recipient_name,
        e.organisation_number,
        e.case_reference,
        e.reason,
      ]),
    );
  }

  /** The county's frames with their balances as CSV, amounts in kroner. */
  async balancesCsv(actor: Staff): Promise<string> {
    const frames = await this.list(actor);
    return toCsv(
      [
        'frame_id',
        'scheme',
        'year',
        'name',
        'currency',
        'status',
        'allocated_nok',
        'committed_nok',
        'disbursed_nok',
        'available_nok',
      ],
      frames.map((f) => [
        f.id,
        f.schemeId,
        f.year,
        f.name,
        f.currency,
        f.status,
        oreAsKroner(f.allocated),
        oreAsKroner(f.committed),
        oreAsKroner(f.disbursed),
        oreAsKroner(f.available),
      ]),
    );
  }

  /**
   * The ledger's key of a grant as users name it: a direct allocation's key (`direct:…`), or an
   * application's id or case reference (BIO-2026-000001), which both resolve to the application id.
   * Unknown, or another county's: 404 naming grantKey.
   */
  private async grantOf(
    tx: EntityManager,
    actor: Staff,
    grantKey: string,
  ): Promise<{ key: string; application: Application | null }> {
    if (grantKey.startsWith('direct:')) return { key: grantKey, application: null };
    // Locked: the money moved is written into the case's history, whose order must not race.
    const application = await tx.findOne(Application, {
      where: UUID.test(grantKey) ? { id: grantKey } : { reference: grantKey },
      lock: { mode: 'pessimistic_write' },
    });
    if (!application || application.countyId !== actor.countyId) {
      throw new DomainError('not_found', 'not_found', 'Grant was not found', {
        errors: [
          {
            field: 'grantKey',
            pointer: '/grantKey',
            messages: [
              'grantKey names no grant of your county: an application id, case reference or direct:… key',
            ],
          },
        ],
      });
    }
    return { key: application.id, application };
  }

  private async visible(tx: EntityManager, actor: Staff, id: string, lock = false): Promise<BudgetFrame> {
    const frame = await tx.findOne(BudgetFrame, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return visibleOrNotFound(actor, frame, ownership, 'Frame');
  }

  /** A money command on one frame of the actor's county; answers with the frame after it. */
  private async inFrame(
    actor: Staff,
    id: string,
    key: IdempotencyKey | undefined,
    work: (tx: EntityManager) => Promise<unknown>,
  ): Promise<FrameDto> {
    return this.idempotency.transaction(key, async (tx) => {
      await this.visible(tx, actor, id);
      await work(tx);
      return toFrameDto(await tx.findOneByOrFail(BudgetFrame, { id }));
    });
  }

  /** A movement between two frames of the actor's county; answers with both after it. */
  private async betweenFrames(
    actor: Staff,
    fromId: string,
    toId: string,
    key: IdempotencyKey | undefined,
    work: (tx: EntityManager) => Promise<unknown>,
  ): Promise<FramePairDto> {
    return this.idempotency.transaction(key, async (tx) => {
      await this.visible(tx, actor, fromId);
      await this.visible(tx, actor, toId);
      await work(tx);
      return {
        from: toFrameDto(await tx.findOneByOrFail(BudgetFrame, { id: fromId })),
        to: toFrameDto(await tx.findOneByOrFail(BudgetFrame, { id: toId })),
      };
    });
  }
}
