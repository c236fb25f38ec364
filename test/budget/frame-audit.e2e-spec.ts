import { FrameAuditRepository } from '../../src/budget/frame-audit.repository';
import { acceptedGrant, FINANCE, newClock } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const NOK = 100;

interface Row {
  frame_id: string;
  action: string;
  actor_user_id: string | null;
  changes: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * Each movement of a frame's money by a decision leaves exactly one audit record, written with it: who,
 * what, how much and on which political case; a refused one leaves none.
 */
describe("finance's frame movements are audited", () => {
  let t: TestApp;
  const clock = newClock();
  let financeId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [{ id: financeId }] = await t.dataSource.query(`SELECT id FROM user_account WHERE email = $1`, [FINANCE]);
  });
  afterAll(() => t.close());

  const post = async (path: string, body: object, key?: string) => {
    const req = t
      .http()
      .post(`/api/v1${path}`)
      .set('authorization', await t.bearer(FINANCE));
    if (key) req.set('idempotency-key', key);
    return req.send(body);
  };
  const ok = async (path: string, body: object, key?: string) => {
    const res = await post(path, body, key);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body as Record<string, unknown>;
  };
  const records = () =>
    t.dataSource.query<Row[]>(
      `SELECT frame_id, action, actor_user_id, changes, occurred_at FROM frame_audit_record ORDER BY id`,
    );
  /** What the command wrote: exactly one record, returned. */
  async function onlyRecordOf(command: () => Promise<unknown>): Promise<Row> {
    const before = (await records()).length;
    await command();
    const after = await records();
    expect(after).toHaveLength(before + 1);
    return after[after.length - 1];
  }
  const frame = async (year: number, name: string) =>
    (await ok('/frames', { schemeId: 'bio', year, name })).id as string;

  it('writes one record for the allocation, a top-up, a reallocation, a direct allocation and a carry-over', async () => {
    const from = await frame(2032, 'BIO 2032');
    const to = await frame(2033, 'BIO 2033');
    clock.set('2032-03-01T10:00:00+01:00');

    const allocation = await onlyRecordOf(() =>
      ok(`/frames/${from}/allocations`, {
        kind: 'allocation',
        amount: 800_000 * NOK,
        reason: 'Budsjett 2032',
      }),
    );
    expect(allocation).toMatchObject({
      frame_id: from,
      action: 'allocation',
      actor_user_id: financeId,
      changes: { amount: 800_000 * NOK, caseReference: null, reason: 'Budsjett 2032' },
    });
    expect(allocation.occurred_at.toISOString()).toBe('2032-03-01T09:00:00.000Z');

    const topUp = await onlyRecordOf(() =>
      ok(`/frames/${from}/allocations`, {
        kind: 'top_up',
        amount: 50_000 * NOK,
        caseReference: 'FT-sak 45/32',
        reason: 'Tilleggsbevilgning',
      }),
    );
    expect(topUp).toMatchObject({
      frame_id: from,
      action: 'top_up',
      actor_user_id: financeId,
      changes: { amount: 50_000 * NOK, caseReference: 'FT-sak 45/32' },
    });

    // A movement between two frames is one record, on the frame it leaves; a repeat adds nothing.
    const reallocate = () =>
      ok(
        `/frames/${from}/reallocations`,
        { toFrameId: to, amount: 20_000 * NOK, caseReference: 'FT-sak 46/32', reason: 'Omdisponering' },
        'realloc-1',
      );
    const reallocation = await onlyRecordOf(reallocate);
    expect(reallocation).toMatchObject({
      frame_id: from,
      action: 'reallocation',
      changes: { amount: 20_000 * NOK, toFrameId: to, caseReference: 'FT-sak 46/32' },
    });
    const count = (await records()).length;
    await reallocate();
    expect(await records()).toHaveLength(count);

    const direct = await onlyRecordOf(() =>
      ok(`/frames/${from}/direct-allocations`, {
        amount: 30_000 * NOK,
        recipient: 'Karrieresenteret i Trøndelag',
        organisationNumber: '987654325',
        decisionReference: 'FU 9/32',
        reason: 'Karriereveiledning',
      }),
    );
    expect(direct).toMatchObject({
      frame_id: from,
      action: 'direct_allocation',
      actor_user_id: financeId,
      changes: {
        amount: 30_000 * NOK,
        recipient: 'Karrieresenteret i Trøndelag',
        organisationNumber: '987654325',
        caseReference: 'FU 9/32',
      },
    });

    const carryOver = await onlyRecordOf(() =>
      ok(`/frames/${from}/carry-overs`, {
        toFrameId: to,
        grantKey: direct.changes.grantKey,
        amount: 10_000 * NOK,
        caseReference: 'FU 10/32',
        reason: 'Overføring av åpent tilsagn',
      }),
    );
    expect(carryOver).toMatchObject({
      frame_id: from,
      action: 'carry_over',
      changes: {
        amount: 10_000 * NOK,
        toFrameId: to,
        grantKey: direct.changes.grantKey,
        caseReference: 'FU 10/32',
      },
    });

    const chain = await t.dataSource.transaction((tx) => t.app.get(FrameAuditRepository).verify(tx, from));
    expect(chain).toMatchObject({ valid: true, records: 5 });
  });

  it("names the case of an application's grant carried over", async () => {
    clock.set(newClock().now());
    const [{ frame_id: from }] = await t.dataSource.query(
      `SELECT frame_id FROM funding_call WHERE scheme_id = 'bio' LIMIT 1`,
    );
    const to = await frame(2027, 'BIO 2027');
    await ok(`/frames/${to}/allocations`, {
      kind: 'allocation',
      amount: 100_000 * NOK,
      reason: 'Budsjett 2027',
    });
    const { reference } = await acceptedGrant(t, { amount: 10_000_000 });
    const record = await onlyRecordOf(() =>
      ok(`/frames/${from}/carry-overs`, {
        toFrameId: to,
        grantKey: reference,
        amount: 4_000_000,
        caseReference: 'FU 11/26',
        reason: 'Prosjektet forsinket',
      }),
    );
    expect(record.changes).toMatchObject({ applicationReference: reference, amount: 4_000_000 });
    // The case's own history tells of it too, once.
    const told = await t.dataSource.query<Array<{ payload: Record<string, unknown> }>>(
      `SELECT r.payload FROM audit_record r JOIN application a ON a.id = r.application_id
        WHERE a.reference = $1 AND r.event = 'FUNDS_CARRIED_OVER'`,
      [reference],
    );
    expect(told).toEqual([
      {
        payload: expect.objectContaining({
          amount: 4_000_000,
          frameId: to,
          fromFrameId: from,
          caseReference: 'FU 11/26',
        }),
      },
    ]);
  });

  it('writes none when the movement is refused', async () => {
    const id = await frame(2034, 'BIO 2034');
    const before = (await records()).length;
    const refused = await post(`/frames/${id}/allocations`, {
      kind: 'top_up',
      amount: 1_000 * NOK,
      reason: 'Uten saksreferanse',
    });
    expect(refused.status).toBe(422);
    const exhausted = await post(`/frames/${id}/direct-allocations`, {
      amount: 1_000 * NOK,
      recipient: 'Karrieresenteret i Trøndelag',
      organisationNumber: '987654325',
      decisionReference: 'FU 12/34',
      reason: 'Tom ramme',
    });
    expect(exhausted.status).toBe(422);
    expect(await records()).toHaveLength(before);
  });
});
