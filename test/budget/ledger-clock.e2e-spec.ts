import { FINANCE, newClock } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const NOK = 100;

/** The ledger tells time by the service's clock, so a frame's months are the months the clock was in. */
describe("the ledger stamps entries with the service's clock", () => {
  let t: TestApp;
  const clock = newClock();

  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const send = async (method: 'get' | 'post', path: string, body?: object) => {
    const http = t.http();
    const req = (method === 'get' ? http.get(`/api/v1${path}`) : http.post(`/api/v1${path}`)).set(
      'authorization',
      await t.bearer(FINANCE),
    );
    const res = await (body ? req.send(body) : req);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body as unknown;
  };

  it('gives the burn-down the months the clock was moved to, and the entries its instants', async () => {
    clock.set('2029-01-15T10:00:00+01:00');
    const frame = (await send('post', '/frames', { schemeId: 'bio', year: 2029, name: 'BIO 2029' })) as {
      id: string;
    };
    await send('post', `/frames/${frame.id}/allocations`, {
      kind: 'allocation',
      amount: 500_000 * NOK,
      reason: 'Budsjett 2029',
    });
    clock.set('2029-03-31T23:30:00+02:00'); // still March in Oslo, April in UTC
    const { grantKey } = (await send('post', `/frames/${frame.id}/direct-allocations`, {
      amount: 100_000 * NOK,
      recipient: 'Karrieresenteret i Trøndelag',
      organisationNumber: '987654325',
      decisionReference: 'FU 7/29',
      reason: 'Karriereveiledning',
    })) as { grantKey: string };
    clock.set('2029-06-10T12:00:00+02:00');
    await send('post', `/frames/${frame.id}/disbursements`, {
      grantKey,
      amount: 40_000 * NOK,
      reason: 'Forskudd',
    });

    const months = (await send('get', `/frames/${frame.id}/burn-down`)) as Array<Record<string, unknown>>;
    expect(months.map((m) => m.month)).toEqual(['2029-01', '2029-03', '2029-06']);
    expect(months.map((m) => [m.committed, m.disbursed])).toEqual([
      [0, 0],
      [100_000 * NOK, 0],
      [0, 40_000 * NOK],
    ]);

    const { items } = (await send('get', `/frames/${frame.id}/entries`)) as {
      items: Array<{ kind: string; createdAt: string }>;
    };
    expect(items.map((e) => [e.kind, e.createdAt])).toEqual([
      ['disbursement', '2029-06-10T10:00:00.000Z'],
      ['commitment', '2029-03-31T21:30:00.000Z'],
      ['allocation', '2029-01-15T09:00:00.000Z'],
    ]);
  });

  it("stamps the seeded frames' allocations with the clock the app started with", async () => {
    const [seeded] = await t.dataSource.query<Array<{ created_at: Date }>>(
      `SELECT e.created_at FROM ledger_entry e JOIN budget_frame f ON f.id = e.frame_id
        WHERE f.scheme_id = 'bio' AND f.year = 2026 AND e.kind = 'allocation'`,
    );
    expect(seeded?.created_at.toISOString()).toBe(newClock().now().toISOString());
  });
});
