import { DAY_MS, ManualClock, organisationNumberCheckDigit, validatePayload } from '@lib/common';
import type { Instalment } from '@lib/engine';
import { PLUGINS } from '../../src/schemes/scheme-registry';
import type { SchemePlugin } from '../../src/schemes/scheme-plugin';
import { DEMO_ORGANISATIONS, DEMO_OTHER_STAFF, DEMO_STAFF } from '../../src/seed/demo-data';
import { startTestApp, type TestApp } from '../support/test-app';
import { bookPaymentsDue } from '../support/bio';
import { registerRecord } from '../support/register';

/*
 * The conformance run over HTTP, generated for every registered scheme: an admin writes and opens a
 * call with the scheme's first demo parameters on a frame finance has just funded, an applicant
 * registers the scheme's sample applicant and submits its sample application, the county assesses,
 * recommends and decides (four eyes), the applicant accepts, finance pays what falls due before the
 * report, the applicant reports, the officer approves, and finance settles the rest. Everything
 * scheme-specific comes from the plug-in; a new scheme is run by being registered.
 */

const APPLICANT = DEMO_ORGANISATIONS[0].user.email;

type Frame = { allocated: number; committed: number; disbursed: number; available: number };
type Body = Record<string, unknown>;

const json = (value: object) => JSON.parse(JSON.stringify(value)) as Body;

/** The county's staff by role, for the county of the scheme's first demo call. */
function staffOf(countyCode: '50' | '11') {
  const staff = countyCode === '50' ? DEMO_STAFF : DEMO_OTHER_STAFF;
  const withRole = (role: string) => staff.find((s) => (s.roles as string[]).includes(role))!.email;
  return {
    admin: withRole('admin'),
    finance: withRole('finance'),
    officer: withRole('case_officer'),
    approver: withRole('approver'),
  };
}

describe('every registered scheme, from its sample application to a closed case over HTTP', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  async function send(method: 'get' | 'post', path: string, email: string, body?: object) {
    const agent = t.http();
    const req = agent[method](`/api/v1${path}`).set('authorization', await t.bearer(email));
    return body ? req.send(body) : req;
  }

  async function ok(method: 'get' | 'post', path: string, email: string, body?: object, status = 200) {
    const res = await send(method, path, email, body);
    if (res.status !== status) throw new Error(`${path}: expected ${status}, got ${res.status}: ${res.text}`);
    return res.body as Body;
  }

  /** Sends a lifecycle command after checking that the caller is offered it. */
  async function command(email: string, id: string, event: string, action: string, body: object = {}) {
    const view = await ok('get', `/applications/${id}`, email);
    expect(view.allowedActions).toContain(event);
    return ok('post', `/applications/${id}/${action}`, email, body);
  }

  const frameOf = async (frameId: string, finance: string) =>
    (await ok('get', `/frames/${frameId}`, finance)) as unknown as Frame;

  let organisationSerial = 0;

  /** Registers the sample applicant under a fresh organisation number, as the applicant user. */
  async function registerApplicant({ sampleCase, scheme }: SchemePlugin): Promise<string> {
    for (;;) {
      const base = String(70_000_000 + (process.pid % 10_000) * 1000 + ++organisationSerial).slice(-8);
      const check = organisationNumberCheckDigit(base);
      if (check === null) continue;
      t.register.add(
        registerRecord(`${base}${check}`, {
          name: `Sample applicant ${scheme.id} ${base}`,
          form: sampleCase.applicant.form,
          municipalityNumber: sampleCase.applicant.municipalityNumber,
          industryCode: '85.590',
          employeeCount: sampleCase.applicant.employeeCount,
        }),
      );
      const res = await send('post', '/organisations', APPLICANT, { organisationNumber: `${base}${check}` });
      if (res.status === 409) continue;
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    }
  }

  it.each(PLUGINS.map((p) => [p.scheme.id, p] as const))(
    '%s: call, frame, application, assessment, decision, acceptance, payments, report, closure',
    async (_, plugin) => {
      const { scheme, sampleCase } = plugin;
      const demo = plugin.demoCalls[0];
      const staff = staffOf(demo.countyCode);
      const params = await validatePayload(scheme.callParametersDto, demo.parameters);
      const content = await validatePayload(scheme.applicationDto, plugin.sampleApplication);
      const report = await validatePayload(scheme.reportDto, sampleCase.report);
      if (!params.ok || !content.ok || !report.ok)
        throw new Error(`${scheme.id}: the sample does not validate`);
      clock.set(sampleCase.submittedAt);

      // Finance opens a frame (ramme) for the scheme and funds it.
      const frame = await ok(
        'post',
        '/frames',
        staff.finance,
        { schemeId: scheme.id, year: demo.year, name: `${demo.frame.name} (conformance)` },
        201,
      );
      const frameId = frame.id as string;
      await ok('post', `/frames/${frameId}/allocations`, staff.finance, {
        kind: 'allocation',
        amount: demo.frame.allocationOre,
        reason: demo.frame.reason,
      });
      const allocated = demo.frame.allocationOre;
      expect(await frameOf(frameId, staff.finance)).toMatchObject({
        allocated,
        committed: 0,
        disbursed: 0,
        available: allocated,
      });

      // The admin writes the call (utlysning) on that frame and publishes it: it is open now.
      const call = await ok(
        'post',
        '/admin/calls',
        staff.admin,
        {
          schemeId: scheme.id,
          year: demo.year,
          title: `${demo.title} (conformance)`,
          frameId,
          parameters: json(demo.parameters),
        },
        201,
      );
      expect(call).toMatchObject({ status: 'draft', frameId });
      const callId = call.id as string;
      expect(await ok('post', `/admin/calls/${callId}/publish`, staff.admin)).toMatchObject({
        status: 'published',
      });
      expect((await t.http().get(`/api/v1/calls/${callId}`)).body).toMatchObject({
        schemeId: scheme.id,
        status: 'published',
        open: true,
      });

      // The applicant registers its organisation, drafts the sample application and submits it.
      const organisationId = await registerApplicant(plugin);
      const created = await ok(
        'post',
        '/applications',
        APPLICANT,
        { callId, organisationId, content: json(plugin.sampleApplication) },
        201,
      );
      expect(created).toMatchObject({ status: 'draft', state: 'draft', schemeId: scheme.id });
      expect(created.reference).toMatch(new RegExp(`^${scheme.referencePrefix}-${demo.year}-\\d{6}$`));
      const id = created.id as string;

      const requested = scheme.requestedAmount(content.value);
      const submitted = await command(APPLICANT, id, 'SUBMIT', 'submit');
      expect(submitted).toMatchObject({ status: 'applied', requestedAmount: requested });
      const maximum = submitted.maximumAmount as number;
      expect(maximum).toBeGreaterThan(0);

      // The case officer takes the case and recommends the most it can be granted.
      expect(await command(staff.officer, id, 'ASSIGN', 'assign')).toMatchObject({
        status: 'assessment',
        state: 'assessment.in_review',
      });
      const amount = Math.min(requested, maximum);
      clock.advance(3_600_000);
      expect(
        await command(staff.officer, id, 'RECOMMEND_GRANT', 'recommend-grant', {
          amount,
          notes: 'Meets the call; the sample case',
        }),
      ).toMatchObject({ state: 'assessment.recommended' });

      // Another person decides (four eyes); above the delegation limit with the committee's case.
      const limit = params.value.delegationThresholdOre;
      const granted = await command(
        staff.approver,
        id,
        'DECIDE_GRANT',
        'decide-grant',
        limit !== null && amount > limit ? { committeeCaseRef: 'FU 1/26' } : {},
      );
      expect(granted).toMatchObject({
        status: 'granted',
        state: 'granted.awaiting_acceptance',
        grantedAmount: amount,
      });
      expect(await frameOf(frameId, staff.finance)).toMatchObject({
        committed: amount,
        disbursed: 0,
        available: allocated - amount,
      });

      clock.advance(DAY_MS);
      expect(await command(APPLICANT, id, 'ACCEPT', 'accept')).toMatchObject({
        status: 'granted',
        state: 'granted.active',
      });

      // Finance pays what falls due before the report: every instalment but the last, which settles.
      const plan = (await ok('get', `/applications/${id}`, staff.finance)).paymentPlan as Instalment[];
      expect(plan).toEqual(
        scheme.paymentPlan(params.value, amount, content.value).map((i) => ({ ...i, paid: 0 })),
      );
      expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(amount);
      const reference = (await ok('get', `/applications/${id}`, staff.finance)).reference as string;
      let paid = 0;
      for (const instalment of plan.slice(0, -1)) {
        if (instalment.on === 'date') clock.set(`${instalment.date}T12:00:00+01:00`);
        paid += await bookPaymentsDue(t, reference, staff.finance);
      }
      expect(paid).toBe(plan.slice(0, -1).reduce((sum, i) => sum + i.amount, 0));
      expect(await frameOf(frameId, staff.finance)).toMatchObject({
        committed: amount - paid,
        disbursed: paid,
      });

      // The day after the project ends, the applicant reports; the officer approves and closes.
      clock.set(new Date(Date.parse(scheme.projectEndsAt(content.value)) + DAY_MS));
      expect(
        await command(APPLICANT, id, 'SUBMIT_REPORT', 'report', { report: json(sampleCase.report) }),
      ).toMatchObject({ status: 'reported', state: 'reported.report_review' });
      const payable = scheme.finalPayable(params.value, amount, report.value, {
        content: content.value,
        organisation: sampleCase.applicant,
      });
      expect(payable).toBeLessThanOrEqual(amount);
      expect(payable).toBeGreaterThanOrEqual(paid);
      // Approved, the case settles: closed at once when all is paid, else once the rest is paid.
      const approved = await command(staff.officer, id, 'APPROVE_REPORT', 'approve-report');
      expect(approved).toMatchObject(
        payable > paid
          ? { status: 'reported', state: 'reported.settling', grantedAmount: amount }
          : { status: 'closed', state: 'closed', grantedAmount: amount },
      );
      expect((approved.case as { finalPayableAmount: number }).finalPayableAmount).toBe(payable);
      expect(await frameOf(frameId, staff.finance)).toMatchObject({
        committed: payable - paid,
        disbursed: paid,
        available: allocated - payable,
      });

      // Finance settles the rest; the frame shows exactly what the grant cost.
      expect(await bookPaymentsDue(t, reference, staff.finance)).toBe(payable - paid);
      expect(await ok('get', `/applications/${id}`, staff.finance)).toMatchObject({ status: 'closed' });
      expect(await frameOf(frameId, staff.finance)).toMatchObject({
        allocated,
        committed: 0,
        disbursed: payable,
        available: allocated - payable,
      });
      const entries: Array<{ kind: string; amount: string }> = await t.dataSource.query(
        `SELECT kind, amount::bigint AS amount FROM ledger_entry WHERE application_id = $1 ORDER BY id`,
        [id],
      );
      expect(entries).toEqual([
        { kind: 'commitment', amount: String(amount) },
        ...plan.slice(0, -1).map((i) => ({ kind: 'disbursement', amount: String(i.amount) })),
        ...(amount > payable ? [{ kind: 'release', amount: String(amount - payable) }] : []),
        ...(payable > paid ? [{ kind: 'disbursement', amount: String(payable - paid) }] : []),
      ]);

      // The audit trail tells the whole journey, the money moved on the grant too, and its hash chain holds.
      const history = await ok('get', `/applications/${id}/history`, staff.officer);
      const events = [
        'CREATE',
        'SUBMIT',
        'ASSIGN',
        'RECOMMEND_GRANT',
        'DECIDE_GRANT',
        'FUNDS_COMMITTED',
        'ACCEPT',
        ...plan.slice(0, -1).map(() => 'PAYMENT_DISBURSED'),
        'SUBMIT_REPORT',
        'APPROVE_REPORT',
        ...(amount > payable ? ['FUNDS_RELEASED'] : []),
        ...(payable > paid ? ['PAYMENT_DISBURSED'] : []),
        'SETTLE',
      ];
      // An interim report's reminders and overdue alert run on the deadline worker's time, not the
      // journey's (the clock jumps past them): they are left out here and tested in their own suite.
      const journey = (history as unknown as Array<{ event: string }>)
        .map((r) => r.event)
        .filter((event) => !event.startsWith('INTERIM_REPORT_'));
      expect(journey).toEqual(events);
      const verification = (await ok('get', `/applications/${id}/history/verification`, staff.officer)) as {
        valid: boolean;
        records: number;
      };
      expect(verification.valid).toBe(true);
      expect(verification.records).toBeGreaterThanOrEqual(events.length);
    },
  );
});
