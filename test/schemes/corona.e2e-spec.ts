import { DAY_MS, ManualClock, nok } from '@lib/common';
import {
  newApprenticeApplication,
  newApprenticeContract,
  newBioExtraApplication,
  newFagbrevApplication,
} from '../../src/schemes/corona/corona-testing';
import { DEMO_ORGANISATIONS, DEMO_STAFF } from '../../src/seed/demo-data';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * The corona measures end to end over HTTP, on the seeded Trøndelag calls (one per measure, each on
 * its own frame): the apprentice package, extraordinary BIO money and Fagbrev på jobb from draft to
 * closed, with the money on the frames; and the refusals at submit.
 */

const KARI = DEMO_ORGANISATIONS[0].user.email; // Fjordverk Mekaniske AS, 42 employees, Trondheim
const OLA = DEMO_ORGANISATIONS[1].user.email; // Innherred Treindustri AS, 85 employees, Levanger
const TOVE = DEMO_ORGANISATIONS[2].user.email; // Trondheim kommune
const OFFICER = DEMO_STAFF[0].email;
const APPROVER = DEMO_STAFF[1].email;
const FINANCE = DEMO_STAFF[2].email;

/** Inside every Trøndelag corona demo window (the demo date). */
const DEMO_NOW = '2026-11-23T10:00:00+01:00';

type Measure = 'apprentice_package' | 'bio_extra' | 'fagbrev_pa_jobb';
type Frame = { id: string; allocated: number; committed: number; disbursed: number; available: number };

const json = (value: object) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('corona measures, end to end over HTTP', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date(DEMO_NOW));
  const calls = {} as Record<Measure, { callId: string; frameId: string }>;
  const orgs = {} as Record<'fjordverk' | 'innherred' | 'trondheim', string>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const rows: Array<{ id: string; frame_id: string; measure: Measure }> = await t.dataSource.query(
      `SELECT c.id, c.frame_id, c.parameters->>'measure' AS measure
         FROM funding_call c JOIN county k ON k.id = c.county_id
        WHERE c.scheme_id = 'corona' AND k.code = '50'`,
    );
    for (const row of rows) calls[row.measure] = { callId: row.id, frameId: row.frame_id };
    const organisations: Array<{ id: string; organisation_number: string }> = await t.dataSource.query(
      `SELECT id, organisation_number FROM organisation`,
    );
    const org = (i: number) =>
      organisations.find((o) => o.organisation_number === DEMO_ORGANISATIONS[i].organisationNumber)!.id;
    Object.assign(orgs, { fjordverk: org(0), innherred: org(1), trondheim: org(2) });
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(DEMO_NOW));

  // ── Small helpers ───────────────────────────────────────────────────────────────────────

  async function draft(email: string, organisationId: string, measure: Measure, content: object) {
    const res = await t
      .http()
      .post('/api/v1/applications')
      .set('authorization', await t.bearer(email))
      .send({ callId: calls[measure].callId, organisationId, content: json(content) });
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${res.text}`);
    return res.body as { id: string; reference: string; contentVersion: number };
  }

  async function act(email: string, id: string, action: string, body: object = {}) {
    return t
      .http()
      .post(`/api/v1/applications/${id}/${action}`)
      .set('authorization', await t.bearer(email))
      .send(body);
  }

  async function ok(email: string, id: string, action: string, body: object = {}) {
    const res = await act(email, id, action, body);
    if (res.status !== 200) throw new Error(`${action}: expected 200, got ${res.status}: ${res.text}`);
    return res.body as Record<string, unknown> & { case: Record<string, unknown> };
  }

  async function frame(measure: Measure): Promise<Frame> {
    const res = await t
      .http()
      .get(`/api/v1/frames/${calls[measure].frameId}`)
      .set('authorization', await t.bearer(FINANCE));
    expect(res.status).toBe(200);
    return res.body as Frame;
  }

  /** Submit, assign, recommend `amount`, decide (four eyes) and accept. */
  async function grantAndAccept(applicant: string, id: string, amount: number) {
    await ok(applicant, id, 'submit');
    await ok(OFFICER, id, 'assign');
    await ok(OFFICER, id, 'recommend-grant', { amount, notes: 'Meets the measure' });
    const granted = await ok(APPROVER, id, 'decide-grant');
    expect(granted).toMatchObject({ status: 'granted', grantedAmount: amount });
    clock.advance(DAY_MS);
    await ok(applicant, id, 'accept');
  }

  // ── The apprentice package ──────────────────────────────────────────────────────────────

  it('runs an apprentice-package application from draft to closed, committing the flat-rate grant on the frame', async () => {
    const before = await frame('apprentice_package');
    expect(before).toMatchObject({ allocated: nok(4_500_000), committed: 0 });

    const created = await draft(KARI, orgs.fjordverk, 'apprentice_package', newApprenticeApplication());
    expect(created.reference).toMatch(/^KORONA-2026-\d{6}$/);

    // Two contracts: 35 000 (after a layoff) + 25 000 (new place) = 60 000, capped at 50 000 NOK per company.
    const submitted = await ok(KARI, created.id, 'submit');
    expect(submitted).toMatchObject({
      status: 'applied',
      requestedAmount: nok(50_000),
      maximumAmount: nok(50_000),
    });

    await ok(OFFICER, created.id, 'assign');
    const tooMuch = await act(OFFICER, created.id, 'recommend-grant', {
      amount: nok(50_000) + 1,
      notes: 'x',
    });
    expect(tooMuch.status).toBe(422);
    await ok(OFFICER, created.id, 'recommend-grant', {
      amount: nok(50_000),
      notes: 'Two new contracts in RM',
    });
    const granted = await ok(APPROVER, created.id, 'decide-grant');
    expect(granted).toMatchObject({ status: 'granted', grantedAmount: nok(50_000) });

    const committed = await frame('apprentice_package');
    expect(committed).toMatchObject({
      allocated: before.allocated,
      committed: nok(50_000),
      available: before.available - nok(50_000),
    });

    clock.advance(DAY_MS);
    await ok(KARI, created.id, 'accept');

    // Half a year on: both contracts still run, and the money went to the employer undiminished.
    clock.set('2027-05-20T10:00:00+02:00');
    const report = {
      measure: 'apprentice_package',
      apprenticePackage: {
        contracts: [
          { reference: 'TFK-2026-0417', outcome: 'running' },
          { reference: 'TFK-2026-0422', outcome: 'running' },
        ],
        fundsPassedUndiminishedToEmployer: true,
      },
    };
    expect(await ok(KARI, created.id, 'report', { report })).toMatchObject({
      state: 'reported.report_review',
    });
    const closed = await ok(OFFICER, created.id, 'approve-report');
    // Settling: the whole grant is still to be paid.
    expect(closed).toMatchObject({ status: 'reported', state: 'reported.settling' });
    expect(closed.case.finalPayableAmount).toBe(nok(50_000));

    // Nothing unused: the whole grant stays committed to the company until finance pays it.
    expect(await frame('apprentice_package')).toMatchObject({
      committed: nok(50_000),
      available: before.available - nok(50_000),
    });
    const entries = await t.dataSource.query(
      `SELECT kind, amount::bigint AS amount FROM ledger_entry WHERE application_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(entries).toEqual([{ kind: 'commitment', amount: String(nok(50_000)) }]);
  });

  it('releases the grant to the frame when the report says the money did not reach the employer undiminished', async () => {
    const before = await frame('apprentice_package');
    const { id } = await draft(
      KARI,
      orgs.fjordverk,
      'apprentice_package',
      newApprenticeApplication({
        contracts: [
          newApprenticeContract({
            candidateReference: 'TFK-2026-0500',
            vigoContractNumber: 'V-50-2026-12000',
          }),
        ],
        requestedGrantOre: nok(35_000),
      }),
    );
    await grantAndAccept(KARI, id, nok(35_000));
    expect((await frame('apprentice_package')).committed).toBe(before.committed + nok(35_000));

    const report = {
      measure: 'apprentice_package',
      apprenticePackage: {
        contracts: [{ reference: 'TFK-2026-0500', outcome: 'ended', endedOn: '2027-02-15' }],
        fundsPassedUndiminishedToEmployer: false,
      },
    };
    await ok(KARI, id, 'report', { report });
    const closed = await ok(OFFICER, id, 'approve-report');
    expect(closed.case.finalPayableAmount).toBe(0);
    // Nothing to pay and nothing paid: settled and closed at once.
    expect(closed).toMatchObject({ status: 'closed', state: 'closed' });
    expect(await frame('apprentice_package')).toMatchObject({
      committed: before.committed,
      available: before.available,
    });
  });

  it('refuses at submit, with 422 problem+json naming every reason, a contract signed after the signing period', async () => {
    const { id } = await draft(
      KARI,
      orgs.fjordverk,
      'apprentice_package',
      newApprenticeApplication({
        contracts: [newApprenticeContract({ signedOn: '2027-01-02' })],
        requestedGrantOre: nok(35_000),
      }),
    );
    const res = await act(KARI, id, 'submit');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, code: 'not_eligible' });
    const reasons = res.body.reasons as Array<{ code: string; field?: string; message: string }>;
    expect(reasons.map((r) => r.code)).toEqual([
      'contract_signed_after_period',
      'contract_signed_in_future',
      'grant_exceeds_entitlement',
    ]);
    expect(reasons[0]).toMatchObject({
      field: 'apprenticePackage.contracts.0.signedOn',
      message: expect.stringContaining('after the period ended on 2027-01-01'),
    });
    // Still a draft: nothing was committed.
    const view = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(KARI));
    expect(view.body).toMatchObject({ status: 'draft' });
  });

  it('refuses a form of another measure than the call, and a form mixing two measures', async () => {
    const { id } = await draft(KARI, orgs.fjordverk, 'fagbrev_pa_jobb', newApprenticeApplication());
    const res = await act(KARI, id, 'submit');
    expect(res.status).toBe(422);
    expect(res.body.reasons).toEqual([
      expect.objectContaining({ code: 'measure_mismatch', field: 'measure' }),
    ]);

    const mixed = await t
      .http()
      .post('/api/v1/applications')
      .set('authorization', await t.bearer(KARI))
      .send({
        callId: calls.apprentice_package.callId,
        organisationId: orgs.fjordverk,
        content: { ...json(newApprenticeApplication()), bioExtra: json(newBioExtraApplication()).bioExtra },
      });
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors).toEqual([
      expect.objectContaining({
        field: 'content.bioExtra',
        messages: [expect.stringContaining('belongs to measure bio_extra')],
      }),
    ]);
  });

  // ── Extraordinary BIO money ─────────────────────────────────────────────────────────────

  it('runs an extraordinary-BIO application to closed and releases the unused part on the final report', async () => {
    const before = await frame('bio_extra');
    expect(before.allocated).toBe(nok(26_215_000));
    const { id } = await draft(OLA, orgs.innherred, 'bio_extra', newBioExtraApplication());
    const submitted = await ok(OLA, id, 'submit');
    expect(submitted).toMatchObject({ requestedAmount: nok(240_000), maximumAmount: nok(240_000) });
    await ok(OFFICER, id, 'assign');
    await ok(OFFICER, id, 'recommend-grant', {
      amount: nok(240_000),
      notes: 'Restaurant, prioritised sector',
    });
    await ok(APPROVER, id, 'decide-grant');
    expect((await frame('bio_extra')).committed).toBe(before.committed + nok(240_000));
    await ok(OLA, id, 'accept');

    clock.set('2027-07-10T10:00:00+02:00');
    const report = {
      measure: 'bio_extra',
      bioExtra: {
        summary: 'Five of six completed the course',
        participantsCompleted: 5,
        actualCosts: [
          { category: 'participant_wages', amountOre: nok(150_000) },
          { category: 'provider_fees', amountOre: nok(150_000) },
        ],
      },
    };
    await ok(OLA, id, 'report', { report });
    // 60 % of 300 000 NOK actual eligible costs = 180 000 NOK; 60 000 NOK goes back to the frame.
    const closed = await ok(OFFICER, id, 'approve-report');
    expect(closed.case.finalPayableAmount).toBe(nok(180_000));
    expect(await frame('bio_extra')).toMatchObject({
      committed: before.committed + nok(180_000),
      available: before.available - nok(180_000),
    });
  });

  // ── Fagbrev på jobb, funded by a reallocation from the apprentice package ───────────────

  it('moves money from the apprentice frame to Fagbrev på jobb, then grants a Fagbrev på jobb application from it', async () => {
    const apprenticeBefore = await frame('apprentice_package');
    const fagbrevBefore = await frame('fagbrev_pa_jobb');
    expect(fagbrevBefore.allocated).toBe(nok(500_000));

    const moved = await t
      .http()
      .post(`/api/v1/frames/${calls.apprentice_package.frameId}/reallocations`)
      .set('authorization', await t.bearer(FINANCE))
      .send({
        toFrameId: calls.fagbrev_pa_jobb.frameId,
        amount: nok(100_000),
        reason: 'Omdisponering: unused apprentice money to Fagbrev på jobb',
        caseReference: 'FU-sak 12/27',
      });
    expect(moved.status).toBe(200);
    expect(await frame('apprentice_package')).toMatchObject({
      allocated: apprenticeBefore.allocated - nok(100_000),
      available: apprenticeBefore.available - nok(100_000),
    });
    const fagbrevAfter = await frame('fagbrev_pa_jobb');
    expect(fagbrevAfter).toMatchObject({
      allocated: nok(600_000),
      available: fagbrevBefore.available + nok(100_000),
    });

    const { id } = await draft(TOVE, orgs.trondheim, 'fagbrev_pa_jobb', newFagbrevApplication());
    await grantAndAccept(TOVE, id, nok(60_000));
    expect(await frame('fagbrev_pa_jobb')).toMatchObject({
      committed: nok(60_000),
      available: fagbrevAfter.available - nok(60_000),
    });

    clock.set('2027-05-25T10:00:00+02:00');
    const report = {
      measure: 'fagbrev_pa_jobb',
      fagbrevPaJobb: {
        summary: 'Both candidates follow the plan; theory exam passed',
        contracts: [
          { reference: 'FPJ-2026-0032', outcome: 'running' },
          { reference: 'FPJ-2026-0033', outcome: 'running' },
        ],
      },
    };
    const wrong = await act(TOVE, id, 'report', {
      report: {
        ...report,
        fagbrevPaJobb: { ...report.fagbrevPaJobb, contracts: [report.fagbrevPaJobb.contracts[0]] },
      },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.reasons).toEqual([expect.objectContaining({ code: 'contract_not_reported' })]);

    await ok(TOVE, id, 'report', { report });
    const closed = await ok(OFFICER, id, 'approve-report');
    expect(closed).toMatchObject({ status: 'reported', state: 'reported.settling' });
    expect(closed.case.finalPayableAmount).toBe(nok(60_000));
  });
});
