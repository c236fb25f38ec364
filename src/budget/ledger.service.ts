import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '@lib/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { FrameAlert } from './frame-alert.entity';
import { LedgerEntry, type EntryDirection, type EntryKind } from './ledger-entry.entity';

/** Committed shares of a frame that raise an alert, once each. */
export const ALERT_THRESHOLDS = [80, 90, 100] as const;

/** A grant's money on one frame. */
interface GrantMove {
  frameId: string;
  grantKey: string;
  amount: number;
}

/** A threshold a frame crossed just now, told to listeners inside the same transaction. */
export type FrameAlertListener = (tx: EntityManager, alert: FrameAlert) => Promise<void>;

/**
 * Who moves the money, why, and when by the service's clock (the caller's `Clock`, which tests and the
 * demo set by hand): the entry is stamped with `at`, never with the database's clock.
 */
export interface Who {
  actorUserId: string | null;
  reason: string;
  at: Date;
  /**
   * The role the actor acted in, for the case history of a grant with an application (`approver` for a
   * decision, `applicant` for a decline…); finance when a person moves money by hand, the system otherwise.
   */
  actorRole?: string;
}

/**
 * Why the system released money from a grant, in bokmål: finance reads it on the frame's entries and
 * in the CSV. Entries written before these texts keep their English reasons; the ledger is never rewritten.
 */
export const RELEASE_REASONS = {
  declined: 'Frigitt: tilsagn avslått av søker',
  lapsed: 'Frigitt: tilsagn ikke akseptert i tide',
  underspend: 'Frigitt: ubrukt del av tilsagnet etter sluttrapport',
  cancelled: 'Frigitt: ubetalt rest av tilsagn som er hevet',
} as const;

/** The case-history events of money moved on a case's grant, one per movement (a carry-over too). */
export const CASE_MONEY_EVENTS = {
  commitment: 'FUNDS_COMMITTED',
  release: 'FUNDS_RELEASED',
  disbursement: 'PAYMENT_DISBURSED',
  repayment: 'PAYMENT_REPAID',
  carry_over: 'FUNDS_CARRIED_OVER',
} as const satisfies Partial<Record<EntryKind, string>>;

type CaseMoneyKind = keyof typeof CASE_MONEY_EVENTS;

interface FrameTotals {
  id: string;
  currency: string;
  status: string;
  allocated: string;
  committed: string;
  disbursed: string;
}

type LockedFrame = FrameTotals & { year: number };

/** Whose a grant is: its application, or a direct allocation's named recipient. */
interface PositionOwner {
  application_id: string | null;
  recipient: string | null;
  recipient_organisation_number: string | null;
}

export interface Balances {
  allocated: number;
  committed: number;
  disbursed: number;
  available: number;
}

const num = (v: string | number) => Number(v);
const balancesOf = (t: Pick<FrameTotals, 'allocated' | 'committed' | 'disbursed'>): Balances => ({
  allocated: num(t.allocated),
  committed: num(t.committed),
  disbursed: num(t.disbursed),
  available: num(t.allocated) - num(t.committed) - num(t.disbursed),
});

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new DomainError(
      'unprocessable',
      'invalid_amount',
      `The amount must be a positive whole number of øre, not ${amount}`,
    );
  }
}

/**
 * Refuses a change of a frame that names no political case reference (e.g. "FT-sak 45/26"): a top-up,
 * a reallocation and a direct allocation each rest on a recorded decision. 422
 * `case_reference_required`, naming the field.
 */
export function requireCaseReference(value: string | null | undefined, field: string, what: string): void {
  if (value?.trim()) return;
  throw new DomainError(
    'unprocessable',
    'case_reference_required',
    `${what} needs the case reference of its political decision, e.g. "FT-sak 45/26"`,
    {
      errors: [
        {
          field,
          pointer: `/${field}`,
          messages: [`${field} is required: the case reference of the decision, e.g. "FT-sak 45/26"`],
        },
      ],
    },
  );
}

/**
 * The budget ledger in PostgreSQL. Every operation runs inside the caller's transaction and changes
 * money only by conditional updates of running totals (`… WHERE available >= $amount`), so that two
 * processes deciding against the last money of a frame cannot both succeed; the CHECK constraints on
 * `budget_frame` and `grant_position` are the backstop. Each movement appends its entries.
 */
@Injectable()
export class LedgerService {
  private readonly alertListeners: FrameAlertListener[] = [];

  constructor(private readonly audit: AuditRepository) {}

  /** Someone to tell when a frame first crosses a threshold (finance's e-mail, for one). */
  onAlert(listener: FrameAlertListener): void {
    this.alertListeners.push(listener);
  }

  // ── Money into and between frames ───────────────────────────────────────────────────────

  /** The year's allocation (tildeling) or a top-up (tilleggsbevilgning, needs its case reference). */
  async allocate(
    tx: EntityManager,
    input: Who & {
      frameId: string;
      kind: 'allocation' | 'top_up';
      amount: number;
      caseReference?: string | null;
    },
  ): Promise<Balances> {
    assertAmount(input.amount);
    if (input.kind === 'top_up') requireCaseReference(input.caseReference, 'caseReference', 'A top-up');
    const frame = await this.move(tx, input.frameId, 'allocated = allocated + $2', [input.amount]);
    if (!frame) throw notFound('Frame');
    await this.entry(
      tx,
      frame,
      { kind: input.kind, amount: input.amount, caseReference: input.caseReference ?? null },
      input,
    );
    return balancesOf(frame);
  }

  /** Omdisponering: money out of one frame into another, both sides in this transaction. */
  async reallocate(
    tx: EntityManager,
    input: Who & { fromFrameId: string; toFrameId: string; amount: number; caseReference: string },
  ): Promise<{ from: Balances; to: Balances }> {
    assertAmount(input.amount);
    if (input.fromFrameId === input.toFrameId) {
      throw new DomainError(
        'unprocessable',
        'same_frame',
        'A reallocation moves money between two different frames',
      );
    }
    requireCaseReference(input.caseReference, 'caseReference', 'A reallocation');
    const [from, to] = await this.lockInOrder(tx, input.fromFrameId, input.toFrameId);
    if (from.currency !== to.currency) {
      throw new DomainError(
        'unprocessable',
        'currency_mismatch',
        `Cannot move ${from.currency} into a ${to.currency} frame`,
      );
    }
    const out = await this.move(
      tx,
      from.id,
      'allocated = allocated - $2',
      [input.amount],
      'allocated - committed - disbursed >= $2',
    );
    if (!out) throw this.exhausted(from, input.amount);
    const into = (await this.move(tx, to.id, 'allocated = allocated + $2', [input.amount]))!;
    const movement = randomUUID();
    await this.entry(
      tx,
      out,
      {
        kind: 'reallocation',
        amount: input.amount,
        direction: 'out',
        movementId: movement,
        caseReference: input.caseReference,
      },
      input,
    );
    await this.entry(
      tx,
      into,
      {
        kind: 'reallocation',
        amount: input.amount,
        direction: 'in',
        movementId: movement,
        caseReference: input.caseReference,
      },
      input,
    );
    return { from: balancesOf(out), to: balancesOf(into) };
  }

  // ── Grants ──────────────────────────────────────────────────────────────────────────────

  /**
   * Tilsagn: reserves money for a grant. Refused with `frame_exhausted` (showing available and
   * requested) when the frame cannot cover it, and `frame_closed` when it takes no new commitments.
   */
  async commit(
    tx: EntityManager,
    input: Who & {
      frameId: string;
      grantKey: string;
      applicationId: string | null;
      recipient?: string | null;
      recipientOrganisationNumber?: string | null;
      amount: number;
      caseReference?: string | null;
    },
  ): Promise<Balances> {
    assertAmount(input.amount);
    // Taken last in the transition, so the hot frame row is held for the shortest time.
    const frame = await this.move(
      tx,
      input.frameId,
      'committed = committed + $2',
      [input.amount],
      "status = 'open' AND allocated - committed - disbursed >= $2",
    );
    if (!frame) {
      const current = await this.read(tx, input.frameId);
      if (current.status !== 'open') {
        throw new DomainError('unprocessable', 'frame_closed', 'The frame is closed for new commitments', {
          frameId: current.id,
        });
      }
      throw this.exhausted(current, input.amount);
    }
    await tx.query(
      `INSERT INTO grant_position (frame_id, grant_key, application_id, recipient, recipient_organisation_number, committed)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (frame_id, grant_key) DO UPDATE SET committed = grant_position.committed + EXCLUDED.committed`,
      [
        frame.id,
        input.grantKey,
        input.applicationId,
        input.recipient ?? null,
        input.recipientOrganisationNumber ?? null,
        input.amount,
      ],
    );
    await this.entry(
      tx,
      frame,
      {
        kind: 'commitment',
        amount: input.amount,
        grantKey: input.grantKey,
        applicationId: input.applicationId,
        caseReference: input.caseReference ?? null,
      },
      input,
    );
    await this.caseHistory(tx, 'commitment', input.applicationId, frame, input);
    await this.recordAlerts(tx, frame, input.at);
    return balancesOf(frame);
  }

  /** Returns committed, unpaid money to the frame (lapse, withdrawal, underspend, cancellation). */
  release(tx: EntityManager, input: Who & GrantMove): Promise<Balances> {
    return this.fromOutstanding(
      tx,
      input,
      'release',
      'released = released + $3',
      'committed = committed - $2',
    );
  }

  /** Utbetaling: pays committed money; never more than the grant has outstanding. */
  disburse(tx: EntityManager, input: Who & GrantMove): Promise<Balances> {
    return this.fromOutstanding(
      tx,
      input,
      'disbursement',
      'disbursed = disbursed + $3',
      'committed = committed - $2, disbursed = disbursed + $2',
    );
  }

  /** Money out of a grant's outstanding commitment: at most what is outstanding, checked in the update. */
  private async fromOutstanding(
    tx: EntityManager,
    input: Who & GrantMove,
    kind: 'release' | 'disbursement',
    positionSet: string,
    frameSet: string,
  ): Promise<Balances> {
    assertAmount(input.amount);
    const position = await this.movePosition(
      tx,
      input,
      positionSet,
      'committed - released - disbursed - carried_out >= $3',
    );
    if (!position) {
      throw kind === 'release'
        ? await this.beyondOutstanding(tx, input, 'release_exceeds_outstanding', 'release')
        : await this.beyondOutstanding(tx, input, 'disbursement_exceeds_outstanding', 'pay');
    }
    const frame = (await this.move(tx, input.frameId, frameSet, [input.amount]))!;
    await this.entry(
      tx,
      frame,
      { kind, amount: input.amount, grantKey: input.grantKey, applicationId: position.application_id },
      input,
    );
    await this.caseHistory(tx, kind, position.application_id, frame, input);
    return balancesOf(frame);
  }

  /** Tilbakebetaling: money paid back returns to the frame's available money. */
  async repay(tx: EntityManager, input: Who & GrantMove): Promise<Balances> {
    assertAmount(input.amount);
    const position = await this.movePosition(tx, input, 'repaid = repaid + $3', 'disbursed - repaid >= $3');
    if (!position) {
      const current = await this.readPosition(tx, input.frameId, input.grantKey);
      throw new DomainError(
        'unprocessable',
        'repayment_exceeds_disbursed',
        `Only ${num(current.disbursed) - num(current.repaid)} øre was paid out and not yet repaid; ${input.amount} øre cannot be repaid`,
        { paid: num(current.disbursed) - num(current.repaid), requested: input.amount },
      );
    }
    const frame = (await this.move(tx, input.frameId, 'disbursed = disbursed - $2', [input.amount]))!;
    await this.entry(
      tx,
      frame,
      {
        kind: 'repayment',
        amount: input.amount,
        grantKey: input.grantKey,
        applicationId: position.application_id,
      },
      input,
    );
    await this.caseHistory(tx, 'repayment', position.application_id, frame, input);
    return balancesOf(frame);
  }

  /**
   * Overføring: a grant's open commitment moves to next year's frame by a finance decision; the
   * money goes with it, so neither frame's available money changes.
   */
  async carryOver(
    tx: EntityManager,
    input: Who & {
      fromFrameId: string;
      toFrameId: string;
      grantKey: string;
      amount: number;
      caseReference: string;
    },
  ): Promise<void> {
    assertAmount(input.amount);
    const [from, to] = await this.lockInOrder(tx, input.fromFrameId, input.toFrameId);
    if (from.currency !== to.currency) {
      throw new DomainError(
        'unprocessable',
        'currency_mismatch',
        `Cannot carry ${from.currency} into a ${to.currency} frame`,
      );
    }
    if (to.year <= from.year) {
      throw new DomainError(
        'unprocessable',
        'carry_over_not_forward',
        `A carry-over goes to a later year's frame, not from ${from.year} to ${to.year}`,
        { fromYear: from.year, toYear: to.year },
      );
    }
    const position = await this.movePosition(
      tx,
      { frameId: from.id, grantKey: input.grantKey, amount: input.amount },
      'carried_out = carried_out + $3',
      'committed - released - disbursed - carried_out >= $3',
    );
    if (!position)
      throw await this.beyondOutstanding(
        tx,
        { ...input, frameId: from.id },
        'carry_over_exceeds_outstanding',
        'carry over',
      );
    // A carry-over in is a new commitment on the later frame: refused there once the frame is closed.
    if (to.status !== 'open') {
      throw new DomainError('unprocessable', 'frame_closed', 'The frame is closed for new commitments', {
        frameId: to.id,
      });
    }
    const out = (await this.move(tx, from.id, 'allocated = allocated - $2, committed = committed - $2', [
      input.amount,
    ]))!;
    const into = (await this.move(tx, to.id, 'allocated = allocated + $2, committed = committed + $2', [
      input.amount,
    ]))!;
    await tx.query(
      `INSERT INTO grant_position (frame_id, grant_key, application_id, recipient, recipient_organisation_number, committed)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (frame_id, grant_key) DO UPDATE SET committed = grant_position.committed + EXCLUDED.committed`,
      [
        to.id,
        input.grantKey,
        position.application_id,
        position.recipient,
        position.recipient_organisation_number,
        input.amount,
      ],
    );
    const movement = randomUUID();
    await this.entry(
      tx,
      out,
      {
        kind: 'carry_over',
        amount: input.amount,
        direction: 'out',
        movementId: movement,
        grantKey: input.grantKey,
        applicationId: position.application_id,
        caseReference: input.caseReference,
      },
      input,
    );
    await this.entry(
      tx,
      into,
      {
        kind: 'carry_over',
        amount: input.amount,
        direction: 'in',
        movementId: movement,
        grantKey: input.grantKey,
        applicationId: position.application_id,
        caseReference: input.caseReference,
      },
      input,
    );
    await this.caseHistory(tx, 'carry_over', position.application_id, into, input, {
      fromFrameId: from.id,
      caseReference: input.caseReference,
    });
  }

  // ── Reading ─────────────────────────────────────────────────────────────────────────────

  /** The running totals: one row read, whatever the number of entries. */
  async balances(tx: EntityManager, frameId: string): Promise<Balances> {
    return balancesOf(await this.read(tx, frameId));
  }

  /** The totals recomputed from the entries alone, to prove the running totals right. */
  async rebuild(tx: EntityManager, frameId: string): Promise<Balances> {
    const [row] = await tx.query<Array<Record<'allocated' | 'committed' | 'disbursed', string>>>(
      `SELECT
         coalesce(sum(CASE WHEN kind IN ('allocation', 'top_up') THEN amount
                           WHEN kind IN ('reallocation', 'carry_over') AND direction = 'in' THEN amount
                           WHEN kind IN ('reallocation', 'carry_over') AND direction = 'out' THEN -amount END), 0) AS allocated,
         coalesce(sum(CASE WHEN kind = 'commitment' THEN amount
                           WHEN kind IN ('release', 'disbursement') THEN -amount
                           WHEN kind = 'carry_over' AND direction = 'in' THEN amount
                           WHEN kind = 'carry_over' AND direction = 'out' THEN -amount END), 0) AS committed,
         coalesce(sum(CASE WHEN kind = 'disbursement' THEN amount WHEN kind = 'repayment' THEN -amount END), 0) AS disbursed
       FROM ledger_entry WHERE frame_id = $1`,
      [frameId],
    );
    return balancesOf(row);
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────

  /** One conditional update of a frame's totals; null when the condition (or the frame) fails. */
  private async move(
    tx: EntityManager,
    frameId: string,
    set: string,
    params: unknown[],
    condition = 'true',
  ): Promise<FrameTotals | null> {
    const [rows] = await tx.query<[FrameTotals[], number]>(
      `UPDATE budget_frame SET ${set}, updated_at = now() WHERE id = $1 AND ${condition}
       RETURNING id, currency, status, allocated, committed, disbursed`,
      [frameId, ...params],
    );
    const frame = rows[0] ?? null;
    // bigint goes further than a JavaScript number: a total beyond 2^53 − 1 would be read back wrong.
    if (
      frame &&
      ![frame.allocated, frame.committed, frame.disbursed].every((t) => Number.isSafeInteger(num(t)))
    ) {
      throw new DomainError(
        'unprocessable',
        'invalid_amount',
        `The amount ${String(params[0])} would take the frame's totals beyond ${Number.MAX_SAFE_INTEGER} øre`,
      );
    }
    return frame;
  }

  private async movePosition(
    tx: EntityManager,
    input: { frameId: string; grantKey: string; amount: number },
    set: string,
    condition: string,
  ): Promise<PositionOwner | null> {
    const [rows] = await tx.query<[PositionOwner[], number]>(
      `UPDATE grant_position SET ${set} WHERE frame_id = $1 AND grant_key = $2 AND ${condition}
       RETURNING application_id, recipient, recipient_organisation_number`,
      [input.frameId, input.grantKey, input.amount],
    );
    return rows[0] ?? null;
  }

  private async read(tx: EntityManager, frameId: string): Promise<FrameTotals> {
    const [row] = await tx.query<FrameTotals[]>(
      'SELECT id, currency, status, allocated, committed, disbursed FROM budget_frame WHERE id = $1',
      [frameId],
    );
    if (!row) throw notFound('Frame');
    return row;
  }

  private async readPosition(tx: EntityManager, frameId: string, grantKey: string) {
    const [row] = await tx.query<
      Array<Record<'committed' | 'released' | 'disbursed' | 'repaid' | 'carried_out', string>>
    >(
      'SELECT committed, released, disbursed, repaid, carried_out FROM grant_position WHERE frame_id = $1 AND grant_key = $2',
      [frameId, grantKey],
    );
    if (!row) throw notFound('Grant on this frame');
    return row;
  }

  /** Locks two frames in id order, so that opposite movements cannot deadlock. */
  private async lockInOrder(tx: EntityManager, a: string, b: string): Promise<[LockedFrame, LockedFrame]> {
    const rows = await tx.query<LockedFrame[]>(
      'SELECT id, currency, status, allocated, committed, disbursed, year FROM budget_frame WHERE id IN ($1, $2) ORDER BY id FOR UPDATE',
      [a, b],
    );
    const find = (id: string) => {
      const row = rows.find((r) => r.id === id);
      if (!row) throw notFound('Frame');
      return row;
    };
    return [find(a), find(b)];
  }

  private exhausted(frame: FrameTotals, requested: number): DomainError {
    const { available } = balancesOf(frame);
    return new DomainError(
      'unprocessable',
      'frame_exhausted',
      `The frame has ${available} øre available; ${requested} øre was requested`,
      { frameId: frame.id, available, requested },
    );
  }

  private async beyondOutstanding(
    tx: EntityManager,
    input: { frameId: string; grantKey: string; amount: number },
    code: string,
    verb: string,
  ): Promise<DomainError> {
    const p = await this.readPosition(tx, input.frameId, input.grantKey);
    const outstanding = num(p.committed) - num(p.released) - num(p.disbursed) - num(p.carried_out);
    return new DomainError(
      'unprocessable',
      code,
      `The grant has ${outstanding} øre outstanding; cannot ${verb} ${input.amount} øre`,
      { outstanding, requested: input.amount },
    );
  }

  private async entry(
    tx: EntityManager,
    frame: FrameTotals,
    entry: {
      kind: EntryKind;
      amount: number;
      direction?: EntryDirection;
      movementId?: string;
      grantKey?: string | null;
      applicationId?: string | null;
      caseReference?: string | null;
    },
    who: Who,
  ): Promise<void> {
    await tx.insert(LedgerEntry, {
      frameId: frame.id,
      kind: entry.kind,
      direction: entry.direction ?? null,
      amount: entry.amount,
      currency: frame.currency,
      movementId: entry.movementId ?? randomUUID(),
      grantKey: entry.grantKey ?? null,
      applicationId: entry.applicationId ?? null,
      caseReference: entry.caseReference ?? null,
      reason: who.reason,
      actorUserId: who.actorUserId,
      createdAt: who.at,
    });
  }

  /**
   * The movement in the case's own history (the audit trail GET /applications/:id/history reads), in
   * this transaction: who, what and how much. A direct allocation has no case and no such record. The
   * callers hold the application's row lock (the transition, or the finance command), so the trail's
   * order cannot race.
   */
  private async caseHistory(
    tx: EntityManager,
    kind: CaseMoneyKind,
    applicationId: string | null,
    frame: FrameTotals,
    who: Who & { amount: number },
    more: Record<string, unknown> = {},
  ): Promise<void> {
    if (!applicationId) return;
    await this.audit.appendToCase(tx, {
      applicationId,
      actorUserId: who.actorUserId,
      actorRole: who.actorRole ?? (who.actorUserId ? 'finance' : 'system'),
      event: CASE_MONEY_EVENTS[kind],
      payload: {
        amount: who.amount,
        currency: frame.currency,
        frameId: frame.id,
        reason: who.reason,
        ...more,
      },
      occurredAt: who.at.toISOString(),
    });
  }

  /**
   * Records each threshold the frame's used share has reached, once (a unique index decides), and
   * tells the listeners about the ones crossed now.
   */
  private async recordAlerts(tx: EntityManager, frame: FrameTotals, at: Date): Promise<void> {
    const { allocated, committed, disbursed } = balancesOf(frame);
    const used = committed + disbursed;
    for (const threshold of ALERT_THRESHOLDS) {
      if (allocated > 0 && used * 100 >= allocated * threshold) {
        const inserted = await tx
          .createQueryBuilder()
          .insert()
          .into(FrameAlert)
          .values({ frameId: frame.id, thresholdPercent: threshold, used, allocated, crossedAt: at })
          .orIgnore()
          .returning('*')
          .execute();
        const [row] = inserted.raw as Array<{ id: string; crossed_at: Date }>;
        if (!row) continue;
        const alert = tx.create(FrameAlert, {
          id: String(row.id),
          frameId: frame.id,
          thresholdPercent: threshold,
          used,
          allocated,
          crossedAt: row.crossed_at,
        });
        for (const listener of this.alertListeners) await listener(tx, alert);
      }
    }
  }
}
