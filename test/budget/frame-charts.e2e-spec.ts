import { act, draft, expectOk, FINANCE, KARI, newClock, OFFICER, recommended } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const NOK = 100;

/** What finance's frame page draws: the burn-down by month, the pipeline by stage, the forecast run-out. */
describe("finance: a frame's burn-down, pipeline and forecast", () => {
  let t: TestApp;
  const clock = newClock();
  let bioFrameId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [{ frame_id: bioFrameId }] = await t.dataSource.query(
      `SELECT frame_id FROM funding_call WHERE scheme_id = 'bio'`,
    );
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  const send = async (method: 'get' | 'post', path: string, body?: object) => {
    const http = t.http();
    const req = (method === 'get' ? http.get(`/api/v1${path}`) : http.post(`/api/v1${path}`)).set(
      'authorization',
      await t.bearer(FINANCE),
    );
    const res = await (body ? req.send(body) : req);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body as Record<string, unknown>;
  };

  /** A frame of its own with 900 000 kr, so no other test's money moves the figures. */
  async function newFrame(year: number) {
    const frame = await send('post', '/frames', { schemeId: 'bio', year, name: `BIO ${year}` });
    const id = frame.id as string;
    await send('post', `/frames/${id}/allocations`, {
      kind: 'allocation',
      amount: 900_000 * NOK,
      reason: 'Budget',
    });
    return id;
  }

  it('forecasts the run-out day from the average daily commitment of the last 90 days', async () => {
    const id = await newFrame(2030);
    expect((await send('get', `/frames/${id}/pipeline`)).exhaustedOn).toBeNull();

    // 90 000 kr committed in the last 90 days: 1 000 kr a day, and 810 000 kr left → 810 days.
    await send('post', `/frames/${id}/direct-allocations`, {
      amount: 90_000 * NOK,
      recipient: 'Karrieresenteret i Trøndelag',
      organisationNumber: '987654325',
      decisionReference: 'FU 1/26',
      reason: 'Career guidance',
    });
    const pipeline = await send('get', `/frames/${id}/pipeline`);
    expect(pipeline).toMatchObject({
      available: 810_000 * NOK,
      dailyCommitmentRate: 1_000 * NOK,
      // 2 February 2026 (the clock) + 810 days.
      exhaustedOn: '2028-04-22',
    });
    clock.set('2026-03-04T12:00:00+01:00');
    expect((await send('get', `/frames/${id}/pipeline`)).exhaustedOn).toBe('2028-05-22');
  });

  it('gives the allocation and what is used (committed plus disbursed) at the end of each month', async () => {
    const id = await newFrame(2031);
    const grant = await send('post', `/frames/${id}/direct-allocations`, {
      amount: 100_000 * NOK,
      recipient: 'Karrieresenteret i Trøndelag',
      organisationNumber: '987654325',
      decisionReference: 'FU 2/26',
      reason: 'Career guidance',
    });
    const grantKey = grant.grantKey as string;
    await send('post', `/frames/${id}/disbursements`, { grantKey, amount: 40_000 * NOK, reason: 'Advance' });
    await send('post', `/frames/${id}/repayments`, { grantKey, amount: 5_000 * NOK, reason: 'Paid back' });
    await send('post', `/frames/${id}/allocations`, {
      kind: 'top_up',
      amount: 50_000 * NOK,
      caseReference: 'FU 3/26',
      reason: 'More money',
    });

    const frame = await send('get', `/frames/${id}`);
    const months = (await send('get', `/frames/${id}/burn-down`)) as unknown as Array<Record<string, number>>;
    expect(months).toHaveLength(1);
    expect(months[0]).toMatchObject({
      cumulativeAllocated: 950_000 * NOK,
      cumulativeUsed: 95_000 * NOK,
      cumulativeCommitted: 100_000 * NOK,
      cumulativeDisbursed: 35_000 * NOK,
    });
    expect(months[0].cumulativeAllocated).toBe(frame.allocated);
    expect(months[0].cumulativeUsed).toBe((frame.committed as number) + (frame.disbursed as number));
  });

  it('splits the undecided applications by stage: submitted, being assessed, recommended', async () => {
    const stagesOf = async () =>
      (await send('get', `/frames/${bioFrameId}/pipeline`)).stages as Array<{
        stage: string;
        applications: number;
        requested: number;
        recommended: number;
      }>;
    const before = await stagesOf();
    expect(before.map((s) => s.stage)).toEqual(['applied', 'in_assessment', 'recommended']);

    const submitted = await draft(t);
    await expectOk(act(t, KARI, submitted.id, 'submit'));
    const assessed = await draft(t);
    await expectOk(act(t, KARI, assessed.id, 'submit'));
    await expectOk(act(t, OFFICER, assessed.id, 'assign'));
    await recommended(t, 12_000_000);
    const requested = async (id: string) =>
      Number(
        (await t.dataSource.query(`SELECT requested_amount FROM application WHERE id = $1`, [id]))[0]
          .requested_amount,
      );

    const after = await stagesOf();
    const grew = (i: number) => ({
      applications: after[i].applications - before[i].applications,
      requested: after[i].requested - before[i].requested,
      recommended: after[i].recommended - before[i].recommended,
    });
    expect(grew(0)).toEqual({ applications: 1, requested: await requested(submitted.id), recommended: 0 });
    expect(grew(1)).toEqual({ applications: 1, requested: await requested(assessed.id), recommended: 0 });
    expect(grew(2)).toMatchObject({ applications: 1, recommended: 12_000_000 });

    const pipeline = await send('get', `/frames/${bioFrameId}/pipeline`);
    expect(pipeline.applications).toBe(after.reduce((n, s) => n + s.applications, 0));
    expect(pipeline.recommended).toBe(after.reduce((n, s) => n + s.recommended, 0));
  });
});
