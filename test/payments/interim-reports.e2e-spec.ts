import { DAY_MS, ManualClock, nok } from '@lib/common';
import { newJobbsjansenApplication } from '../../src/schemes/jobbsjansen/jobbsjansen-testing';
import { DeadlineSweeper } from '../../src/deadlines/deadline-sweeper';
import { DEMO_ORGANISATIONS, DEMO_OTHER_STAFF, DEMO_STAFF } from '../../src/seed/demo-data';
import { bookPaymentsDue } from '../support/bio';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * A Jobbsjansen grant with two dated instalments and a yearly report (årsrapport) gating the second,
 * walked end to end over HTTP on the real database and Redis: the autumn instalment is paid on its
 * date; the applicant is reminded before the report is due and the case officer alerted when it is
 * overdue; the spring instalment is not due on its date, and refused if booked, until the report is
 * approved; the report is sent, returned with reasons, sent again and approved; then the spring
 * instalment falls due and is paid.
 */

const TOVE = DEMO_ORGANISATIONS[2].user.email; // Trondheim kommune (KOMM, 5001)
const [OFFICER, APPROVER, FINANCE] = DEMO_STAFF.map((s) => s.email);
const ROGALAND_OFFICER = DEMO_OTHER_STAFF[0].email;

type Json = Record<string, unknown>;

const YEARLY = {
  activities: 'To klasser fra august; leksehjelp to ettermiddager i uka.',
  teachingHours: 1140,
  progress: 'Etter planen; en lærer til fra januar.',
  participants: 18,
  completed: 4,
  droppedOut: 2,
};

describe('interim reports: a Jobbsjansen yearly report gating the second instalment', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-08-03T09:00:00+02:00'));
  let callId: string;
  let trondheim: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { OUTBOX_POLL_MS: '50', SWEEP_INTERVAL_SECONDS: '3600' } });
    const [call] = await t.dataSource.query(
      `SELECT c.id FROM funding_call c JOIN county k ON k.id = c.county_id
        WHERE c.scheme_id = 'jobbsjansen' AND k.code = '50'`,
    );
    callId = call.id;
    const [org] = await t.dataSource.query(`SELECT id FROM organisation WHERE organisation_number = $1`, [
      DEMO_ORGANISATIONS[2].organisationNumber,
    ]);
    trondheim = org.id;
  });
  afterAll(() => t.close());

  /** Moves the clock and lets every deadline due by then fire and settle. */
  async function passTime(to: string) {
    clock.set(to);
    await t.app.get(DeadlineSweeper).sweep();
    const stop = Date.now() + 10_000;
    for (;;) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM deadline WHERE status = 'scheduled' AND due_at <= $1`,
        [clock.now()],
      );
      if (n === 0) return;
      if (Date.now() > stop) throw new Error(`${n} deadlines due by ${to} did not settle`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  let n = 0;
  const call = async (method: 'get' | 'post' | 'put', path: string, email: string, body?: object) => {
    const agent = t.http();
    const req = agent[method](`/api/v1${path}`).set('authorization', await t.bearer(email));
    if (method !== 'get') req.set('idempotency-key', `interim-${++n}`);
    return method === 'get' ? req : req.send(body ?? {});
  };
  async function ok(res: { status: number; text: string; body: unknown }): Promise<Json> {
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`expected 2xx, got ${res.status}: ${res.text}`);
    return res.body as Json;
  }
  const reports = async (id: string, email = TOVE) =>
    (await ok(await call('get', `/applications/${id}/interim-reports`, email))).items as Array<Json>;
  const notices = async (id: string, template: string) =>
    (
      await t.dataSource.query(
        `SELECT recipient_email FROM notification WHERE application_id = $1 AND template = $2 ORDER BY created_at`,
        [id, template],
      )
    ).map((r: { recipient_email: string }) => r.recipient_email);
  const dueList = async (reference: string) =>
    ((await ok(await call('get', '/payments/due?limit=500', FINANCE))).items as Array<Json>).filter(
      (d) => d.caseReference === reference,
    );
  const ledger = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT kind, amount::bigint AS amount, reason FROM ledger_entry WHERE grant_key = $1 ORDER BY id`,
        [id],
      )
    ).map((e: { kind: string; amount: string; reason: string }) => [e.kind, Number(e.amount), e.reason]);

  it('pays the second instalment only once the yearly report is approved', async () => {
    // A grant of 720 000 kr, accepted in August: autumn 15.12.2026, spring 15.03.2027.
    const draft = await ok(
      await call('post', '/applications', TOVE, {
        callId,
        organisationId: trondheim,
        content: JSON.parse(JSON.stringify(newJobbsjansenApplication())) as Json,
      }),
    );
    const id = draft.id as string;
    const reference = draft.reference as string;
    const path = `/applications/${id}/interim-reports/yearly`;
    await ok(await call('post', `/applications/${id}/submit`, TOVE));
    await ok(await call('post', `/applications/${id}/assign`, OFFICER));
    await ok(
      await call('post', `/applications/${id}/recommend-grant`, OFFICER, {
        amount: nok(720_000),
        notes: '18 deltakere, god plan',
      }),
    );
    await ok(
      await call('post', `/applications/${id}/decide-grant`, APPROVER, { committeeCaseRef: 'HU 45/26' }),
    );
    // Before acceptance nothing is owed, and nothing can be written.
    expect(await reports(id)).toEqual([]);
    clock.advance(2 * DAY_MS);
    await ok(await call('post', `/applications/${id}/accept`, TOVE));

    // The yearly report is due 30 days before the spring instalment (the call names no day).
    expect(await reports(id)).toEqual([
      expect.objectContaining({
        key: 'yearly',
        title: { nb: 'Årsrapport', en: 'Yearly report' },
        dueDate: '2027-02-13',
        status: 'not_started',
        canEdit: true,
        overdue: false,
      }),
    ]);
    const deadlines = await t.dataSource.query(
      `SELECT kind FROM deadline WHERE application_id = $1 AND kind LIKE '%interim%' ORDER BY due_at`,
      [id],
    );
    expect(deadlines.map((d: { kind: string }) => d.kind)).toEqual([
      'reminder.interim.yearly.60',
      'reminder.interim.yearly.14',
      'reminder.interim.yearly.1',
      'interim_report.overdue.yearly',
    ]);
    const plan = await ok(await call('get', `/applications/${id}/payment-plan`, TOVE));
    expect((plan.instalments as Json[]).map((i) => [i.label, i.date, i.amount, i.after])).toEqual([
      ['Høstutbetaling', '2026-12-15', nok(360_000), null],
      [
        'Vårutbetaling',
        '2027-03-15',
        nok(360_000),
        { key: 'yearly', title: { nb: 'Årsrapport', en: 'Yearly report' }, approved: false },
      ],
    ]);

    // The autumn instalment is paid on its date.
    await passTime('2026-12-15T10:00:00+01:00');
    expect(await bookPaymentsDue(t, reference, FINANCE)).toBe(nok(360_000));

    // Reminders before the due day; the alert to the case officer once the day has passed.
    await passTime('2027-02-13T10:00:00+01:00');
    expect(await notices(id, 'interim_report_reminder')).toEqual([TOVE, TOVE, TOVE]);
    expect(await notices(id, 'interim_report_overdue')).toEqual([]);
    await passTime('2027-02-14T10:00:00+01:00');
    expect(await notices(id, 'interim_report_overdue')).toEqual([OFFICER]);
    expect(await reports(id)).toEqual([expect.objectContaining({ status: 'not_started', overdue: true })]);

    // The spring instalment's date has passed, but the report is not approved: not due, refused if booked.
    await passTime('2027-03-16T10:00:00+01:00');
    expect(await dueList(reference)).toEqual([]);
    const ledgerBefore = await ledger(id);
    const refused = await call('post', `/payments/due/${reference}/book`, FINANCE, {
      instalment: 2,
      amount: nok(360_000),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('payment_not_due');
    expect(await ledger(id)).toEqual(ledgerBefore);

    // Refusals change nothing: not the applicant's to decide, not another county's, not yet sent.
    expect((await call('post', `${path}/send`, TOVE)).body.code).toBe('interim_report_not_started');
    expect((await call('put', path, OFFICER, { content: YEARLY })).status).toBe(403);
    expect((await call('get', `/applications/${id}/interim-reports`, ROGALAND_OFFICER)).status).toBe(404);
    expect((await call('post', `${path}/approve`, OFFICER)).body.code).toBe('interim_report_not_sent');
    expect(
      (await call('put', `/applications/${id}/interim-reports/monthly`, TOVE, { content: YEARLY })).status,
    ).toBe(404);
    const malformed = await call('put', path, TOVE, { content: { ...YEARLY, teachingHours: -1, name: 'x' } });
    expect(malformed.status).toBe(400);
    expect((malformed.body.errors as Json[]).map((e) => e.field).sort()).toEqual([
      'content.name',
      'content.teachingHours',
    ]);
    const counts = await call('put', path, TOVE, { content: { ...YEARLY, completed: 17 } });
    expect(counts.status).toBe(422);
    expect(counts.body.code).toBe('interim_report_not_acceptable');
    expect(await reports(id)).toEqual([expect.objectContaining({ status: 'not_started' })]);

    // Sent, returned with reasons, corrected and sent again, approved.
    expect(
      await ok(await call('put', path, TOVE, { content: { ...YEARLY, participants: 6 } })),
    ).toMatchObject({
      status: 'draft',
      version: 1,
    });
    expect(await ok(await call('post', `${path}/send`, TOVE))).toMatchObject({
      status: 'sent',
      canEdit: false,
    });
    expect(await notices(id, 'interim_report_sent')).toEqual([OFFICER]);
    expect((await call('put', path, TOVE, { content: YEARLY })).body.code).toBe('interim_report_frozen');
    expect((await call('post', `${path}/return`, OFFICER, { reason: '' })).status).toBe(400);
    const returned = await ok(
      await call('post', `${path}/return`, OFFICER, { reason: 'Deltakertallet stemmer ikke med søknaden' }),
    );
    expect(returned).toMatchObject({
      status: 'returned',
      version: 2,
      decisionText: 'Deltakertallet stemmer ikke med søknaden',
      earlierVersions: [expect.objectContaining({ version: 1, content: { ...YEARLY, participants: 6 } })],
    });
    expect(await notices(id, 'interim_report_returned')).toEqual([TOVE]);
    expect(await dueList(reference)).toEqual([]);
    await ok(await call('put', path, TOVE, { content: YEARLY }));
    await ok(await call('post', `${path}/send`, TOVE));
    const approved = await ok(await call('post', `${path}/approve`, OFFICER));
    expect(approved).toMatchObject({ status: 'approved', version: 2, content: YEARLY, overdue: false });
    expect(await notices(id, 'interim_report_approved')).toEqual([TOVE]);
    expect((await call('post', `${path}/approve`, OFFICER)).body.code).toBe('interim_report_not_sent');

    // Now the spring instalment is due, from the day of the approval, and is paid once.
    expect(await dueList(reference)).toEqual([
      expect.objectContaining({
        instalment: expect.objectContaining({ number: 2, label: 'Vårutbetaling' }),
        amount: nok(360_000),
        dueSince: '2027-03-16',
      }),
    ]);
    const after = await ok(await call('get', `/applications/${id}/payment-plan`, TOVE));
    expect((after.instalments as Json[])[1]).toMatchObject({ dueNow: true, after: { approved: true } });
    expect(await bookPaymentsDue(t, reference, FINANCE)).toBe(nok(360_000));
    expect(await dueList(reference)).toEqual([]);
    expect(await ledger(id)).toEqual([
      ['commitment', nok(720_000), expect.any(String)],
      ['disbursement', nok(360_000), `Utbetaling: Høstutbetaling (${reference})`],
      ['disbursement', nok(360_000), `Utbetaling: Vårutbetaling (${reference})`],
    ]);

    // The case history tells the report's story; the versions sent are kept as sent.
    const events = await t.dataSource.query(
      `SELECT event FROM audit_record WHERE application_id = $1 AND event LIKE 'INTERIM_%' ORDER BY id`,
      [id],
    );
    expect(events.map((e: { event: string }) => e.event)).toEqual([
      'INTERIM_REPORT_REMINDED',
      'INTERIM_REPORT_REMINDED',
      'INTERIM_REPORT_REMINDED',
      'INTERIM_REPORT_OVERDUE',
      'INTERIM_REPORT_DRAFTED',
      'INTERIM_REPORT_SENT',
      'INTERIM_REPORT_RETURNED',
      'INTERIM_REPORT_EDITED',
      'INTERIM_REPORT_SENT',
      'INTERIM_REPORT_APPROVED',
    ]);
    const versions = await t.dataSource.query(
      `SELECT v.version FROM interim_report_version v JOIN interim_report r ON r.id = v.interim_report_id
        WHERE r.application_id = $1 ORDER BY v.version`,
      [id],
    );
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });
});
