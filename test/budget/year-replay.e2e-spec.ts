import { DAY_MS, type Actor } from '@lib/common';
import { ApplicationsService } from '../../src/applications/applications.service';
import {
  act,
  APPROVER,
  bioContent,
  bookPaymentsDue,
  expectOk,
  FINANCE,
  freshOrganisation,
  KARI,
  newClock,
  OFFICER,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const NOK = 100; // øre per krone

/** A year of a frame, replayed over the API, checked to the øre against figures computed by hand. */
describe('a budget year, replayed', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const finance = async (method: 'get' | 'post', path: string, body?: object) => {
    const url = `/api/v1${path}`;
    const req = (method === 'get' ? t.http().get(url) : t.http().post(url)).set(
      'authorization',
      await t.bearer(FINANCE),
    );
    const res = await (body ? req.send(body) : req);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res;
  };

  it('agrees with the hand-computed balances and CSV', async () => {
    // Frames: BIO and Fagbrev på jobb, 2026.
    const bio = (await finance('post', '/frames', { schemeId: 'bio', year: 2026, name: 'BIO 2026 (replay)' }))
      .body.id as string;
    const fagbrev = (
      await finance('post', '/frames', { schemeId: 'fagbrev', year: 2026, name: 'Fagbrev på jobb 2026' })
    ).body.id as string;
    await finance('post', `/frames/${bio}/allocations`, {
      kind: 'allocation',
      amount: 10_000_000 * NOK,
      reason: 'Budget 2026',
    });
    await finance('post', `/frames/${bio}/allocations`, {
      kind: 'top_up',
      amount: 2_000_000 * NOK,
      reason: 'Corona package',
      caseReference: 'FU 161/20',
    });
    await finance('post', `/frames/${bio}/allocations`, {
      kind: 'top_up',
      amount: 500_000 * NOK,
      reason: 'Revised budget',
      caseReference: 'FU 210/20',
    });
    await finance('post', `/frames/${bio}/reallocations`, {
      toFrameId: fagbrev,
      amount: 1_500_000 * NOK,
      reason: 'To Fagbrev på jobb',
      caseReference: 'FU 12/21',
    });

    // A call charging the BIO frame, paying 40 % once a grant is accepted.
    const [call] = await t.dataSource.query(
      `INSERT INTO funding_call (county_id, scheme_id, year, title, status, opens_at, parameters, published_at, version, frame_id)
       SELECT county_id, scheme_id, year, 'BIO 2026 (replay)', 'published', opens_at,
              jsonb_set(parameters, '{advancePaymentBasisPoints}', '4000'), now(), 1, $1
         FROM funding_call WHERE scheme_id = 'bio' LIMIT 1 RETURNING id`,
      [bio],
    );
    const grant = async (amount: number) => {
      const organisationId = await freshOrganisation(t);
      const res = await t
        .http()
        .post('/api/v1/applications')
        .set('authorization', await t.bearer(KARI))
        .send({ callId: call.id, organisationId, content: bioContent() });
      const id = res.body.id as string;
      await expectOk(act(t, KARI, id, 'submit'));
      await expectOk(act(t, OFFICER, id, 'assign'));
      await expectOk(act(t, OFFICER, id, 'recommend-grant', { amount, notes: 'replay' }));
      await expectOk(act(t, APPROVER, id, 'decide-grant'));
      return id;
    };

    // A: 250 000 granted, 100 000 advance, final report shows 400 000 eligible costs → 200 000 payable.
    const a = await grant(250_000 * NOK);
    // B: 300 000 granted, never accepted → lapses.
    const b = await grant(300_000 * NOK);
    // C: 150 000 granted and accepted, nothing paid yet.
    const c = await grant(150_000 * NOK);
    await expectOk(act(t, KARI, a, 'accept'));
    await expectOk(act(t, KARI, c, 'accept'));
    const referenceOfA = (await finance('get', `/applications/${a}`)).body.reference as string;
    expect(await bookPaymentsDue(t, referenceOfA)).toBe(100_000 * NOK);

    clock.advance(22 * DAY_MS);
    const system: Actor = { kind: 'system', userId: null, reason: 'acceptance deadline' };
    await t.app.get(ApplicationsService).send(system, b, 'ACCEPTANCE_DEADLINE_PASSED', {}, undefined);

    clock.set('2027-03-01T10:00:00+01:00');
    const report = {
      summary: 'Done',
      participantsCompleted: 4,
      actualCosts: [
        { category: 'participant_wages', amountOre: 250_000 * NOK },
        { category: 'provider_fees', amountOre: 150_000 * NOK },
      ],
    };
    await expectOk(act(t, KARI, a, 'report', { report }));
    await expectOk(act(t, OFFICER, a, 'approve-report'));
    expect(await bookPaymentsDue(t, referenceOfA)).toBe(100_000 * NOK);
    await finance('post', `/frames/${bio}/repayments`, {
      grantKey: a,
      amount: 20_000 * NOK,
      reason: 'Auditor: ineligible travel',
    });

    // By hand: allocated 10 000 000 + 2 000 000 + 500 000 − 1 500 000 = 11 000 000;
    // committed 700 000 − released (50 000 underspend + 300 000 lapse) − paid 200 000 = 150 000;
    // disbursed 200 000 − 20 000 repaid = 180 000; available 11 000 000 − 150 000 − 180 000 = 10 670 000.
    const frame = (await finance('get', `/frames/${bio}`)).body;
    expect(frame).toMatchObject({
      allocated: 11_000_000 * NOK,
      committed: 150_000 * NOK,
      disbursed: 180_000 * NOK,
      available: 10_670_000 * NOK,
    });
    expect((await finance('get', `/frames/${fagbrev}`)).body).toMatchObject({
      allocated: 1_500_000 * NOK,
      available: 1_500_000 * NOK,
    });
    expect((await finance('get', `/frames/${bio}/rebuild`)).body.consistent).toBe(true);

    const balances = (await finance('get', '/frames/balances.csv')).text;
    expect(balances.startsWith('\uFEFFframe_id;scheme;year;name;')).toBe(true);
    expect(balances).toContain(
      `${bio};bio;2026;BIO 2026 (replay);NOK;open;11000000,00;150000,00;180000,00;10670000,00\r\n`,
    );
    expect(balances).toContain(
      `${fagbrev};fagbrev;2026;Fagbrev på jobb 2026;NOK;open;1500000,00;0,00;0,00;1500000,00\r\n`,
    );

    const entries = await finance('get', `/frames/${bio}/entries.csv`);
    expect(entries.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const lines = entries.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Postering;Dato;Type;Beløp (kr);Valuta;Saksnummer;Mottaker;Organisasjonsnummer;Politisk saksreferanse;Begrunnelse',
    );
    const kinds = lines.slice(1).map((l) => l.split(';').slice(2, 4).join(' '));
    expect(kinds).toEqual([
      'Tildeling 10000000,00',
      'Tilleggsbevilgning 2000000,00',
      'Tilleggsbevilgning 500000,00',
      'Omdisponering ut 1500000,00',
      'Tilsagn 250000,00',
      'Tilsagn 300000,00',
      'Tilsagn 150000,00',
      'Utbetaling 100000,00',
      'Frigjort tilsagn 300000,00',
      'Frigjort tilsagn 50000,00',
      'Utbetaling 100000,00',
      'Tilbakebetaling 20000,00',
    ]);

    const burnDown = (await finance('get', `/frames/${bio}/burn-down`)).body;
    const last = burnDown[burnDown.length - 1];
    expect(last).toMatchObject({ cumulativeCommitted: 350_000 * NOK, cumulativeDisbursed: 180_000 * NOK });
    const pipeline = (await finance('get', `/frames/${bio}/pipeline`)).body;
    expect(pipeline).toMatchObject({ applications: 0, available: 10_670_000 * NOK });
  });
});
