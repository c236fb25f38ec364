import { DomainError } from '@lib/common';
import type { EntityManager } from 'typeorm';
import { LedgerService } from '../../src/budget/ledger.service';
import { startTestApp, TestApp } from '../support/test-app';

/** The ledger's invariants at their boundaries, against PostgreSQL. */
describe('budget ledger (PostgreSQL)', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let countyId: string;
  const who = { actorUserId: null, reason: 'test', at: new Date() };

  beforeAll(async () => {
    t = await startTestApp();
    ledger = t.app.get(LedgerService);
    [{ id: countyId }] = await t.dataSource.query(`SELECT id FROM county WHERE code = '50'`);
  });
  afterAll(() => t.close());

  const tx = <T>(work: (tx: EntityManager) => Promise<T>) => t.dataSource.transaction(work);
  async function frame(allocated = 0, currency = 'NOK', year = 2026): Promise<string> {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO budget_frame (county_id, scheme_id, year, name, currency) VALUES ($1, 'bio', $3, 'test', $2) RETURNING id`,
      [countyId, currency, year],
    );
    if (allocated)
      await tx((m) => ledger.allocate(m, { ...who, frameId: id, kind: 'allocation', amount: allocated }));
    return id;
  }
  async function refusal(work: Promise<unknown>): Promise<DomainError> {
    try {
      await work;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }
  const commit = (frameId: string, grantKey: string, amount: number) =>
    tx((m) => ledger.commit(m, { ...who, frameId, grantKey, applicationId: null, recipient: 'x', amount }));
  const entriesOf = async (frameId: string) =>
    Number(
      (await t.dataSource.query(`SELECT count(*) AS n FROM ledger_entry WHERE frame_id = $1`, [frameId]))[0]
        .n,
    );

  it('commits exactly the money available, and refuses one øre more with available and requested', async () => {
    const f = await frame(1_000);
    await commit(f, 'g1', 400);
    const exact = await commit(f, 'g2', 600);
    expect(exact).toEqual({ allocated: 1_000, committed: 1_000, disbursed: 0, available: 0 });
    const before = await entriesOf(f);
    const over = await refusal(commit(f, 'g3', 1));
    expect(over).toMatchObject({
      kind: 'unprocessable',
      code: 'frame_exhausted',
      extensions: { available: 0, requested: 1 },
    });
    expect(await entriesOf(f)).toBe(before);
  });

  it('releases at most what is outstanding', async () => {
    const f = await frame(1_000);
    await commit(f, 'g', 500);
    const over = await refusal(
      tx((m) => ledger.release(m, { ...who, frameId: f, grantKey: 'g', amount: 501 })),
    );
    expect(over).toMatchObject({
      code: 'release_exceeds_outstanding',
      extensions: { outstanding: 500, requested: 501 },
    });
    expect(await tx((m) => ledger.release(m, { ...who, frameId: f, grantKey: 'g', amount: 500 }))).toEqual({
      allocated: 1_000,
      committed: 0,
      disbursed: 0,
      available: 1_000,
    });
  });

  it('pays at most what is committed and not released, and takes back at most what was paid', async () => {
    const f = await frame(1_000);
    await commit(f, 'g', 300);
    await tx((m) => ledger.disburse(m, { ...who, frameId: f, grantKey: 'g', amount: 200 }));
    const over = await refusal(
      tx((m) => ledger.disburse(m, { ...who, frameId: f, grantKey: 'g', amount: 101 })),
    );
    expect(over).toMatchObject({
      code: 'disbursement_exceeds_outstanding',
      extensions: { outstanding: 100 },
    });
    // Underspend released; what was paid stays paid.
    await tx((m) => ledger.release(m, { ...who, frameId: f, grantKey: 'g', amount: 100 }));
    expect(
      (await refusal(tx((m) => ledger.disburse(m, { ...who, frameId: f, grantKey: 'g', amount: 1 })))).code,
    ).toBe('disbursement_exceeds_outstanding');
    expect(
      (await refusal(tx((m) => ledger.repay(m, { ...who, frameId: f, grantKey: 'g', amount: 201 })))).code,
    ).toBe('repayment_exceeds_disbursed');
    expect(await tx((m) => ledger.repay(m, { ...who, frameId: f, grantKey: 'g', amount: 50 }))).toEqual({
      allocated: 1_000,
      committed: 0,
      disbursed: 150,
      available: 850,
    });
  });

  it('refuses new commitments in a closed frame but still releases and pays', async () => {
    const f = await frame(1_000);
    await commit(f, 'g', 300);
    await t.dataSource.query(`UPDATE budget_frame SET status = 'closed' WHERE id = $1`, [f]);
    expect((await refusal(commit(f, 'h', 1))).code).toBe('frame_closed');
    await tx((m) => ledger.disburse(m, { ...who, frameId: f, grantKey: 'g', amount: 100 }));
    await tx((m) => ledger.release(m, { ...who, frameId: f, grantKey: 'g', amount: 200 }));
    expect(await tx((m) => ledger.balances(m, f))).toEqual({
      allocated: 1_000,
      committed: 0,
      disbursed: 100,
      available: 900,
    });
  });

  it('reallocates all or nothing, only what is available, and never across currencies', async () => {
    const a = await frame(1_000);
    const b = await frame(0);
    const sek = await frame(0, 'SEK');
    await commit(a, 'g', 700);
    const move = (from: string, to: string, amount: number) =>
      tx((m) =>
        ledger.reallocate(m, { ...who, fromFrameId: from, toFrameId: to, amount, caseReference: 'FU 1/26' }),
      );
    expect((await refusal(move(a, b, 301))).code).toBe('frame_exhausted');
    expect((await refusal(move(a, sek, 100))).code).toBe('currency_mismatch');
    await move(a, b, 300);
    expect(await tx((m) => ledger.balances(m, a))).toEqual({
      allocated: 700,
      committed: 700,
      disbursed: 0,
      available: 0,
    });
    expect(await tx((m) => ledger.balances(m, b))).toEqual({
      allocated: 300,
      committed: 0,
      disbursed: 0,
      available: 300,
    });
    const movement = await t.dataSource.query(
      `SELECT frame_id, direction FROM ledger_entry WHERE kind = 'reallocation' AND frame_id IN ($1, $2) ORDER BY direction`,
      [a, b],
    );
    expect(movement).toEqual([
      { frame_id: b, direction: 'in' },
      { frame_id: a, direction: 'out' },
    ]);
  });

  it('needs a case reference for a top-up and positive whole øre for everything', async () => {
    const f = await frame(0);
    expect(
      (await refusal(tx((m) => ledger.allocate(m, { ...who, frameId: f, kind: 'top_up', amount: 100 }))))
        .code,
    ).toBe('case_reference_required');
    for (const amount of [0, -5, 1.5]) {
      expect((await refusal(commit(f, 'g', amount))).code).toBe('invalid_amount');
    }
  });

  it('carries an open commitment and its money to next year, leaving both frames’ available unchanged', async () => {
    const old = await frame(1_000);
    const next = await frame(500, 'NOK', 2027);
    const sameYear = await frame(500);
    await commit(old, 'g', 400);
    const carry = (toFrameId: string) =>
      tx((m) =>
        ledger.carryOver(m, {
          ...who,
          fromFrameId: old,
          toFrameId,
          grantKey: 'g',
          amount: 400,
          caseReference: 'FU 9/27',
        }),
      );
    expect(await refusal(carry(sameYear))).toMatchObject({
      code: 'carry_over_not_forward',
      extensions: { fromYear: 2026, toYear: 2026 },
    });
    expect(await entriesOf(old)).toBe(2);
    await carry(next);
    expect(await tx((m) => ledger.balances(m, old))).toEqual({
      allocated: 600,
      committed: 0,
      disbursed: 0,
      available: 600,
    });
    expect(await tx((m) => ledger.balances(m, next))).toEqual({
      allocated: 900,
      committed: 400,
      disbursed: 0,
      available: 500,
    });
    await tx((m) => ledger.disburse(m, { ...who, frameId: next, grantKey: 'g', amount: 400 }));
    for (const f of [old, next]) {
      expect(await tx((m) => ledger.rebuild(m, f))).toEqual(await tx((m) => ledger.balances(m, f)));
    }
  });

  it('refuses a carry-over into a closed frame: it would be a new commitment there', async () => {
    const old = await frame(1_000);
    const next = await frame(500, 'NOK', 2027);
    await commit(old, 'g', 400);
    await t.dataSource.query(`UPDATE budget_frame SET status = 'closed' WHERE id = $1`, [next]);
    const carried = refusal(
      tx((m) =>
        ledger.carryOver(m, {
          ...who,
          fromFrameId: old,
          toFrameId: next,
          grantKey: 'g',
          amount: 400,
          caseReference: 'FU 9/27',
        }),
      ),
    );
    expect(await carried).toMatchObject({ code: 'frame_closed', extensions: { frameId: next } });
    expect(await tx((m) => ledger.balances(m, old))).toMatchObject({ allocated: 1_000, committed: 400 });
  });

  it('refuses a total beyond 2^53 − 1, which bigint would hold but a number cannot read back', async () => {
    const f = await frame(1);
    const allocate = (amount: number) =>
      tx((m) => ledger.allocate(m, { ...who, frameId: f, kind: 'allocation', amount }));
    expect((await refusal(allocate(Number.MAX_SAFE_INTEGER))).code).toBe('invalid_amount');
    await allocate(Number.MAX_SAFE_INTEGER - 1);
    expect((await tx((m) => ledger.balances(m, f))).allocated).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('is enforced by the database too: entries are append-only and totals cannot go negative', async () => {
    const f = await frame(100);
    await commit(f, 'g', 100);
    // Even the owner: the service's login is not granted UPDATE or DELETE in the first place.
    await expect(
      t.owner.query(`UPDATE ledger_entry SET amount = 1 WHERE frame_id = $1`, [f]),
    ).rejects.toThrow(/append-only/);
    await expect(t.owner.query(`DELETE FROM ledger_entry WHERE frame_id = $1`, [f])).rejects.toThrow(
      /append-only/,
    );
    await expect(
      t.dataSource.query(`UPDATE budget_frame SET committed = committed + 1 WHERE id = $1`, [f]),
    ).rejects.toThrow(/budget_frame_available_non_negative/);
    await expect(
      t.dataSource.query(`UPDATE grant_position SET disbursed = disbursed + 101 WHERE frame_id = $1`, [f]),
    ).rejects.toThrow(/grant_position_outstanding_non_negative/);
  });

  it('records each threshold alert once', async () => {
    const f = await frame(1_000);
    await commit(f, 'a', 799);
    await commit(f, 'b', 1); // 80 %
    await commit(f, 'c', 50); // 85 %
    await commit(f, 'd', 150); // 100 %: crosses 90 and 100 together
    const alerts = await t.dataSource.query(
      `SELECT threshold_percent FROM frame_alert WHERE frame_id = $1 ORDER BY 1`,
      [f],
    );
    expect(alerts.map((a: { threshold_percent: number }) => a.threshold_percent)).toEqual([80, 90, 100]);
  });
});
