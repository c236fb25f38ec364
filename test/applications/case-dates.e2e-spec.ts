import { startTestApp, TestApp } from '../support/test-app';
import {
  act,
  APPROVER,
  draft,
  expectOk,
  FINANCE,
  ids,
  KARI,
  newClock,
  OFFICER,
  recommended,
} from '../support/bio';

/**
 * Due dates in business days (virkedager) and the versions of a returned final report: what the
 * county's staff read on a case, and what the applicant does not.
 */
describe('case due dates and report versions', () => {
  let t: TestApp;
  const clock = newClock(); // Monday 2 February 2026
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());
  afterEach(() => clock.set('2026-02-02T09:00:00+01:00'));

  const get = async (path: string, email: string) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await t.bearer(email));

  /** A copy of the seeded BIO call, with `parameters` changed. */
  async function callWith(title: string, change: Record<string, unknown>): Promise<string> {
    const { callId } = await ids(t);
    const [call] = await t.dataSource.query(
      `INSERT INTO funding_call (county_id, scheme_id, year, title, status, opens_at, parameters, published_at, version, frame_id)
       SELECT county_id, scheme_id, year, $2, 'published', opens_at, parameters || $3::jsonb, now(), 1, frame_id
         FROM funding_call WHERE id = $1 RETURNING id`,
      [callId, title, JSON.stringify(change)],
    );
    return call.id as string;
  }

  async function inReview(callId?: string): Promise<string> {
    const { id } = await draft(t, callId ? { callId } : {});
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    return id;
  }

  it('tells staff today and the default due date of a request for information, applicants nothing', async () => {
    const id = await inReview();
    const staff = await get(`/applications/${id}`, OFFICER);
    // Ten business days by default: two working weeks from Monday 2 February.
    expect(staff.body.dueDates).toEqual({
      today: '2026-02-02',
      informationResponseBusinessDays: 10,
      informationResponse: '2026-02-16',
    });
    expect((await get(`/applications/${id}`, KARI)).body.dueDates).toBeNull();
  });

  it('asks for information by the end of the default due date in Norway when the officer gives none', async () => {
    const id = await inReview();
    const asked = await expectOk(
      act(t, OFFICER, id, 'request-information', { message: 'Send oss opplæringsplanen.' }),
    );
    expect(asked.state).toBe('assessment.awaiting_applicant');
    // 16 February 2026 23:59 in Oslo (winter time, +01:00).
    expect((asked.case as { informationRequest: { dueAt: string } }).informationRequest.dueAt).toBe(
      '2026-02-16T22:59:00.000Z',
    );
    const [deadline] = await t.dataSource.query(
      `SELECT due_at FROM deadline WHERE application_id = $1 AND kind = 'information_response'`,
      [id],
    );
    expect((deadline.due_at as Date).toISOString()).toBe('2026-02-16T22:59:00.000Z');
    // The applicant's task names the same date.
    const applicant = await get(`/applications/${id}`, KARI);
    expect(applicant.body.applicantTask).toEqual({
      kind: 'answer_information_request',
      dueAt: '2026-02-16T22:59:00.000Z',
    });
  });

  it("counts the call's own business days, skipping Easter and the holidays of May", async () => {
    const callId = await callWith('BIO 2026 – tre virkedager', { informationResponseBusinessDays: 3 });
    const id = await inReview(callId);
    // Wednesday 1 April 2026: skjærtorsdag, langfredag, the weekend and 2. påskedag are skipped,
    // so three business days are 7, 8 and 9 April.
    clock.set('2026-04-01T10:00:00+02:00');
    expect((await get(`/applications/${id}`, OFFICER)).body.dueDates).toEqual({
      today: '2026-04-01',
      informationResponseBusinessDays: 3,
      informationResponse: '2026-04-09',
    });
    const asked = await expectOk(act(t, OFFICER, id, 'request-information', { message: 'Send planen.' }));
    // Summer time: 23:59 at +02:00.
    expect((asked.case as { informationRequest: { dueAt: string } }).informationRequest.dueAt).toBe(
      '2026-04-09T21:59:00.000Z',
    );
    // Thursday 30 April: 1 May (Friday), the weekend; then 4, 5 and 6 May.
    clock.set('2026-04-30T10:00:00+02:00');
    expect((await get(`/applications/${id}`, OFFICER)).body.dueDates.informationResponse).toBe('2026-05-06');
  });

  it("keeps the officer's own date, and refuses one in the past", async () => {
    const id = await inReview();
    const past = await act(t, OFFICER, id, 'request-information', {
      message: 'Send planen.',
      dueAt: '2026-02-01T23:59:00+01:00',
    });
    expect(past.status).toBe(422);
    const asked = await expectOk(
      act(t, OFFICER, id, 'request-information', {
        message: 'Send planen.',
        dueAt: '2026-02-20T23:59:00+01:00',
      }),
    );
    expect((asked.case as { informationRequest: { dueAt: string } }).informationRequest.dueAt).toBe(
      '2026-02-20T22:59:00.000Z',
    );
    const bad = await act(t, OFFICER, id, 'request-information', { message: 'x', dueAt: '20.02.2026' });
    expect(bad.status).toBe(400);
  });

  it('keeps each version of a returned report: staff read the earlier ones with the reason, the applicant does not', async () => {
    const id = await recommended(t);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    await expectOk(act(t, KARI, id, 'accept'));
    const first = {
      summary: 'All four operators completed the robot programming modules',
      participantsCompleted: 4,
      actualCosts: [
        { category: 'participant_wages', amountOre: 36_000_000 },
        { category: 'provider_fees', amountOre: 24_000_000 },
      ],
    };
    const second = {
      ...first,
      actualCosts: [...first.actualCosts, { category: 'travel_subsistence', amountOre: 2_000_000 }],
    };
    await expectOk(act(t, KARI, id, 'report', { report: first }));
    // One version: nothing earlier.
    expect((await get(`/applications/${id}/report`, OFFICER)).body).toMatchObject({
      content: first,
      previousVersions: [],
    });
    await expectOk(
      act(t, OFFICER, id, 'return-report', {
        message: 'Legg ved reisekostnadene.',
        dueAt: '2026-03-02T23:59:00+01:00',
      }),
    );
    await expectOk(act(t, KARI, id, 'report', { report: second }));

    for (const reader of [OFFICER, FINANCE]) {
      const read = await get(`/applications/${id}/report`, reader);
      expect(read.status).toBe(200);
      expect(read.body.content).toEqual(second);
      expect(read.body.previousVersions).toEqual([
        {
          id: expect.any(String),
          // By the service's clock, like the return after it.
          submittedAt: '2026-02-02T08:00:00.000Z',
          content: first,
          withheld: [],
          returned: {
            returnedAt: '2026-02-02T08:00:00.000Z',
            returnedByName: 'Siri Saksbehandler',
            reason: 'Legg ved reisekostnadene.',
            dueAt: '2026-03-02T22:59:00.000Z',
          },
        },
      ]);
      expect(read.body.previousVersions[0].id).not.toBe(read.body.id);
    }
    // The applicant reads the report they sent last, and no more.
    const applicant = await get(`/applications/${id}/report`, KARI);
    expect(applicant.body.content).toEqual(second);
    expect(applicant.body.previousVersions).toEqual([]);
    // Returned once more (at the same instant by the test's clock): the history keeps the order.
    await expectOk(
      act(t, OFFICER, id, 'return-report', {
        message: 'Rapporten må signeres.',
        dueAt: '2026-03-09T23:59:00+01:00',
      }),
    );
    const third = { ...second, summary: `${second.summary} (signert)` };
    await expectOk(act(t, KARI, id, 'report', { report: third }));
    const read = await get(`/applications/${id}/report`, OFFICER);
    expect(read.body.content).toEqual(third);
    expect(
      (read.body.previousVersions as Array<{ content: unknown; returned: { reason: string } }>).map((v) => [
        v.content,
        v.returned.reason,
      ]),
    ).toEqual([
      [second, 'Rapporten må signeres.'],
      [first, 'Legg ved reisekostnadene.'],
    ]);
    // Every version is stored.
    const rows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM application_report WHERE application_id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(3);
  });
});
