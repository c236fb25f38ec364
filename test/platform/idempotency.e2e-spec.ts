import { nok, organisationNumberCheckDigit } from '@lib/common';
import { newJobbsjansenApplication } from '../../src/schemes/jobbsjansen/jobbsjansen-testing';
import { DEMO_ORGANISATIONS } from '../../src/seed/demo-data';
import { newBioCallParameters, newBioReport } from '../../src/schemes/bio/bio-testing';
import {
  acceptedGrant,
  act,
  APPROVER,
  bioCallWithAdvance,
  bioContent,
  bookPaymentsDue,
  draft,
  expectOk,
  FINANCE,
  freshOrganisation,
  ids,
  KARI,
  newClock,
  OFFICER,
  OLA,
  recommended,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const ADMIN = 'admin@trondelag.example';

/** What a command is sent to, and another request to try under the same key. */
interface Prepared {
  /** Below /api/v1. */
  path: string;
  body: object;
  other: { path?: string; body?: object };
}

/** A small PDF for attachment uploads. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** One state-changing command. A new command is one row. */
interface Command {
  /** As OpenAPI names it, e.g. `POST /api/v1/frames/{id}/disbursements`. */
  route: string;
  as: string;
  /** The status of its first answer, which a repeat must give again. */
  status: 200 | 201 | 204;
  /** A fresh object to act on, each time it is called. */
  prepare(): Promise<Prepared>;
}

/** An edit that carries the version it was based on. */
interface Edit {
  route: string;
  as: string;
  /** A fresh object at `version`, and an edit of it based on any version. */
  prepare(): Promise<{ path: string; version: number; edit: (version: number) => object }>;
}

/**
 * Every state-changing command honours `Idempotency-Key` (a repeat with the same key and body is the
 * first answer and does nothing; concurrent repeats act once; the same key for another request is
 * 422), and edits of calls, frames and organisations carry the version they were based on (stale: 409).
 */
describe('idempotent commands and versioned edits', () => {
  let t: TestApp;
  const clock = newClock();
  let serial = 0;
  const next = () => `${process.pid}-${++serial}`;
  const newKey = () => `idem-${next()}-${Math.random().toString(36).slice(2, 10)}`;

  beforeAll(async () => {
    // Five concurrent repeats each hold a connection while they wait for the first.
    t = await startTestApp({ clock, env: { DATABASE_POOL_SIZE: '12' } });
  });
  afterAll(() => t.close());

  /** A fresh staff user of the admin's county, at version 1. */
  const newStaff = async (): Promise<string> => {
    const created = await send(ADMIN, 'post', '/staff', {
      email: `ansatt.${next()}@trondelag.example`,
      fullName: 'Anne Ansatt',
      roles: ['case_officer'],
      password: 'Et-langt-passord-2026',
    });
    if (created.status !== 201) throw new Error(`staff: ${created.text}`);
    return (created.body as { id: string }).id;
  };

  /** A fresh grant with its advance due (40 % of 250 000 kr) and its payee's account set, as a payment run takes it. */
  const dueAdvanceWithAccount = async () => {
    advanceCall ??= await bioCallWithAdvance(t, 4_000);
    const { reference } = await acceptedGrant(t, { callId: advanceCall, amount: 25_000_000 });
    await t.dataSource.query(
      `UPDATE organisation SET payout_account = '86011117947'
        WHERE id = (SELECT organisation_id FROM application WHERE reference = $1)`,
      [reference],
    );
    return { caseReference: reference, instalment: 1, amount: 10_000_000 };
  };

  /**
   * A fresh Jobbsjansen grant of 50 000 kr, accepted, under the seeded Trøndelag call (which opens in
   * June 2026: the clock is moved there for the case and back); the path of its yearly report,
   * brought to `stage`.
   */
  const yearlyReport = async (stage: 'none' | 'draft' | 'sent') => {
    const tove = DEMO_ORGANISATIONS[2].user.email;
    const was = clock.now();
    clock.set('2026-08-03T09:00:00+02:00');
    try {
      const [row] = await t.dataSource.query<Array<{ call_id: string; organisation_id: string }>>(
        `SELECT c.id AS call_id, o.id AS organisation_id FROM funding_call c, organisation o
          WHERE c.scheme_id = 'jobbsjansen' AND o.organisation_number = $1
            AND c.county_id = (SELECT id FROM county WHERE code = '50')`,
        [DEMO_ORGANISATIONS[2].organisationNumber],
      );
      const created = await send(tove, 'post', '/applications', {
        callId: row.call_id,
        organisationId: row.organisation_id,
        content: JSON.parse(JSON.stringify(newJobbsjansenApplication())) as object,
      });
      if (created.status !== 201) throw new Error(`jobbsjansen draft: ${created.text}`);
      const id = (created.body as { id: string }).id;
      const steps: Array<[string, string, object]> = [
        [tove, 'submit', {}],
        [OFFICER, 'assign', {}],
        [OFFICER, 'recommend-grant', { amount: nok(50_000), notes: 'God plan' }],
        [APPROVER, 'decide-grant', {}],
        [tove, 'accept', {}],
      ];
      for (const [as, step, body] of steps) {
        const res = await send(as, 'post', `/applications/${id}/${step}`, body);
        if (res.status !== 200) throw new Error(`jobbsjansen ${step}: ${res.text}`);
      }
      const path = `/applications/${id}/interim-reports/yearly`;
      if (stage !== 'none') await expectOk(send(tove, 'put', path, { content: yearlyContent() }));
      if (stage === 'sent') await expectOk(send(tove, 'post', `${path}/send`, {}));
      return path;
    } finally {
      clock.set(was);
    }
  };
  const yearlyContent = (participants = 18) => ({
    activities: 'To klasser fra august',
    teachingHours: 1140,
    progress: 'Etter planen',
    participants,
    completed: 4,
    droppedOut: 2,
  });

  /** A part payout request's body (utbetalingsanmodning) of 60 000 kr or `amount` øre. */
  const payoutBody = (amount = nok(60_000)) => ({
    amount,
    accountNumber: '8601 11 17947',
    statusReport: 'Fire av seks moduler er gjennomført.',
    costs: [
      { line: '0', accumulatedOre: nok(180_000) },
      { line: '1', accumulatedOre: nok(120_000) },
    ],
    managerName: 'Kari Nordmann',
    accountant: { name: 'Siv Revisor', role: 'auditor' },
  });

  /** A fresh grant of 250 000 kr on a call paying 50 % on acceptance, the advance paid; its id. */
  const grantWithAdvancePaid = async () => {
    payoutCall ??= await bioCallWithAdvance(t, 5_000);
    const { id, reference } = await acceptedGrant(t, { callId: payoutCall, amount: nok(250_000) });
    await bookPaymentsDue(t, reference);
    return id;
  };

  /** A payout request of a grant, brought to `stage`; its number. */
  const payoutRequestOn = async (id: string, stage: 'draft' | 'sent' | 'approved') => {
    const base = `/applications/${id}/payout-requests`;
    const created = await send(KARI, 'post', base, payoutBody());
    if (created.status !== 201) throw new Error(`payout request: ${created.text}`);
    const number = (created.body as { number: number }).number;
    const steps: Array<[string, string, object]> = [];
    if (stage !== 'draft') steps.push([KARI, 'send', {}]);
    if (stage === 'approved') steps.push([OFFICER, 'approve', { amount: nok(50_000) }]);
    for (const [as, step, body] of steps) {
      const res = await send(as, 'post', `${base}/${number}/${step}`, body);
      if (res.status !== 200) throw new Error(`payout request ${step}: ${res.text}`);
    }
    return number;
  };

  /** A final payout request's body (sluttutbetalingsanmodning) with the final report: 40 000 kr or `amount`. */
  const finalBody = (amount = nok(40_000)) => ({
    ...payoutBody(amount),
    kind: 'final',
    report: newBioReport(),
  });

  /** The path of a fresh grant's final payout request, drafted or sent (its report submitted with it). */
  const finalRequest = async (stage: 'draft' | 'sent') => {
    const id = await grantWithAdvancePaid();
    const base = `/applications/${id}/payout-requests`;
    const created = await send(KARI, 'post', base, finalBody());
    if (created.status !== 201) throw new Error(`final payout request: ${created.text}`);
    const path = `${base}/${(created.body as { number: number }).number}`;
    if (stage === 'sent') {
      const sent = await send(KARI, 'post', `${path}/send`, {});
      if (sent.status !== 200) throw new Error(`final payout request send: ${sent.text}`);
    }
    return path;
  };

  /** The path of a fresh grant's payout request brought to `stage`. */
  const payoutRequest = async (stage: 'draft' | 'sent') => {
    const id = await grantWithAdvancePaid();
    return `/applications/${id}/payout-requests/${await payoutRequestOn(id, stage)}`;
  };

  const send = async (
    as: string,
    method: 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body: object,
    key?: string,
  ) => {
    const agent = t.http();
    const req = agent[method](`/api/v1${path}`).set('authorization', await t.bearer(as));
    if (key) req.set('idempotency-key', key);
    // A file upload is multipart: `{ file, fileName }` is sent as the part `file`.
    if ('file' in body && Buffer.isBuffer(body.file))
      return req.attach('file', body.file, String((body as { fileName?: unknown }).fileName));
    return req.send(body);
  };
  const methodOf = (route: string) =>
    route.split(' ')[0].toLowerCase() as 'post' | 'patch' | 'put' | 'delete';

  /** Everything a command may change, as numbers: a repeat must leave every one as it was. */
  async function world(): Promise<Record<string, number>> {
    const [row] = await t.dataSource.query<Array<Record<string, string>>>(
      `SELECT (SELECT count(*) FROM ledger_entry) AS ledger_entries,
              (SELECT count(*) FROM grant_position) AS grant_positions,
              (SELECT count(*) FROM budget_frame) AS frames,
              (SELECT coalesce(sum(allocated), 0) FROM budget_frame) AS allocated,
              (SELECT coalesce(sum(committed), 0) FROM budget_frame) AS committed,
              (SELECT coalesce(sum(disbursed), 0) FROM budget_frame) AS disbursed,
              (SELECT count(*) FROM budget_frame WHERE status = 'closed') AS closed_frames,
              (SELECT coalesce(sum(version), 0) FROM budget_frame) AS frame_versions,
              (SELECT count(*) FROM funding_call) AS calls,
              (SELECT count(*) FROM funding_call WHERE status = 'published') AS published_calls,
              (SELECT coalesce(sum(version), 0) FROM funding_call) AS call_versions,
              (SELECT count(*) FROM call_audit_record) AS call_audit_records,
              (SELECT count(*) FROM payment_run) AS payment_runs,
              (SELECT count(*) FROM payment_run WHERE approved_at IS NOT NULL) AS approved_runs,
              (SELECT count(*) FROM payment_audit_record) AS payment_audit_records,
              (SELECT count(*) FROM organisation WHERE payout_account IS NOT NULL) AS payout_accounts,
              (SELECT count(*) FROM payout_request) AS payout_requests,
              (SELECT coalesce(sum(version), 0) FROM payout_request) AS payout_request_versions,
              (SELECT count(*) FROM payout_request_version) AS payout_requests_sent,
              (SELECT count(*) FROM interim_report) AS interim_reports,
              (SELECT coalesce(sum(version), 0) FROM interim_report) AS interim_report_versions,
              (SELECT count(*) FROM interim_report WHERE status = 'approved') AS interim_reports_approved,
              (SELECT count(*) FROM interim_report_version) AS interim_reports_sent,
              (SELECT count(*) FROM application_report) AS reports,
              (SELECT coalesce(sum(released), 0) FROM grant_position) AS released,
              (SELECT count(*) FROM organisation) AS organisations,
              (SELECT coalesce(sum(version), 0) FROM organisation) AS organisation_versions,
              (SELECT count(*) FROM organisation_member) AS organisation_members,
              (SELECT count(*) FROM user_account) AS users,
              (SELECT count(*) FROM application) AS applications,
              (SELECT coalesce(sum(content_version), 0) FROM application) AS application_versions,
              (SELECT count(*) FROM audit_record) AS audit_records,
              (SELECT count(*) FROM case_note) AS case_notes,
              (SELECT count(*) FROM attachment) AS attachments,
              (SELECT count(*) FROM deadline) AS deadlines,
              (SELECT count(*) FROM notification) AS notifications,
              (SELECT count(*) FROM idempotency_record) AS idempotency_records`,
    );
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  }
  const delta = (before: Record<string, number>, after: Record<string, number>) =>
    Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));

  // ── Fixtures ──────────────────────────────────────────────────────────────────────────────

  async function newFrame(allocation = 0, year = 2030): Promise<string> {
    const created = await send(FINANCE, 'post', '/frames', {
      schemeId: 'bio',
      year,
      name: `Frame ${next()}`,
    });
    if (created.status !== 201) throw new Error(`frame: ${created.status} ${created.text}`);
    const id = (created.body as { id: string }).id;
    if (allocation) {
      await expectOk(
        send(FINANCE, 'post', `/frames/${id}/allocations`, {
          kind: 'allocation',
          amount: allocation,
          reason: 'Budget',
        }),
      );
    }
    return id;
  }
  async function directGrant(frameId: string, amount: number): Promise<string> {
    const res = await expectOk(
      send(FINANCE, 'post', `/frames/${frameId}/direct-allocations`, {
        recipient: 'Karrieresenteret i Trøndelag',
        organisationNumber: '987654325',
        amount,
        decisionReference: 'FU 161/20',
        reason: 'Career guidance',
      }),
    );
    return res.grantKey as string;
  }
  const callBody = (frameId?: string) => ({
    schemeId: 'bio',
    year: 2027,
    title: `BIO 2027 – Trøndelag ${next()}`,
    parameters: newBioCallParameters({ window: { kind: 'rolling', opensAt: '2026-12-01T08:00:00+01:00' } }),
    ...(frameId ? { frameId } : {}),
  });
  async function newCall(frameId?: string): Promise<{ id: string; version: number }> {
    const res = await send(ADMIN, 'post', '/admin/calls', callBody(frameId));
    if (res.status !== 201) throw new Error(`call: ${res.status} ${res.text}`);
    return res.body as { id: string; version: number };
  }
  function organisationNumber(): string {
    for (;;) {
      const base = String(60_000_000 + (process.pid % 10_000) * 1000 + ++serial).slice(-8);
      const check = organisationNumberCheckDigit(base);
      if (check !== null) return `${base}${check}`;
    }
  }
  const organisationBody = () => ({
    organisationNumber: organisationNumber(),
    name: `Idempotent ${next()} AS`,
    form: 'AS',
    municipalityNumber: '5001',
    industryCode: '25.110',
    employeeCount: 12,
  });
  /** A BIO call whose plan pays an advance on acceptance, made when first needed. */
  let advanceCall: string | undefined;
  let payoutCall: string | undefined;

  // ── The commands ──────────────────────────────────────────────────────────────────────────

  const COMMANDS: Command[] = [
    {
      route: 'POST /api/v1/frames',
      as: FINANCE,
      status: 201,
      prepare: async () => {
        const body = { schemeId: 'bio', year: 2031, name: `BIO 2031 ${next()}` };
        return { path: '/frames', body, other: { body: { ...body, name: 'Another name' } } };
      },
    },
    {
      route: 'PATCH /api/v1/frames/{id}',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        const path = `/frames/${await newFrame()}`;
        return {
          path,
          body: { status: 'closed', version: 1 },
          other: { body: { status: 'open', version: 1 } },
        };
      },
    },
    {
      route: 'POST /api/v1/frames/{id}/allocations',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        const body = { kind: 'allocation', amount: nok(1_000_000), reason: 'Budget 2030' };
        return {
          path: `/frames/${await newFrame()}/allocations`,
          body,
          other: { body: { ...body, amount: nok(2_000_000) } },
        };
      },
    },
    {
      route: 'POST /api/v1/frames/{id}/allocations (top-up)',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        const body = { kind: 'top_up', amount: nok(100_000), reason: 'Extra', caseReference: 'FU 161/20' };
        return {
          path: `/frames/${await newFrame(nok(1_000_000))}/allocations`,
          body,
          other: { body: { ...body, caseReference: 'FU 162/20' } },
        };
      },
    },
    {
      route: 'POST /api/v1/frames/{id}/reallocations',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        const from = await newFrame(nok(1_000_000));
        const to = await newFrame();
        const body = { toFrameId: to, amount: nok(100_000), caseReference: 'FU 12/21', reason: 'Move' };
        return {
          path: `/frames/${from}/reallocations`,
          body,
          other: { body: { ...body, amount: nok(200_000) } },
        };
      },
    },
    {
      route: 'POST /api/v1/frames/{id}/direct-allocations',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        const body = {
          recipient: 'Karrieresenteret i Trøndelag',
          organisationNumber: '987654325',
          amount: nok(100_000),
          decisionReference: 'FU 161/20',
          reason: 'Career guidance',
        };
        return {
          path: `/frames/${await newFrame(nok(1_000_000))}/direct-allocations`,
          body,
          other: { body: { ...body, recipient: 'Someone else' } },
        };
      },
    },
    {
      route: 'POST /api/v1/frames/{id}/disbursements',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        const frame = await newFrame(nok(1_000_000));
        const grantKey = await directGrant(frame, nok(500_000));
        const body = { grantKey, amount: nok(100_000), reason: 'Advance' };
        return {
          path: `/frames/${frame}/disbursements`,
          body,
          other: { body: { ...body, amount: nok(100_001) } },
        };
      },
    },
    {
      route: 'POST /api/v1/repayment-claims/{id}/settle',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        // An advance of 100 000 kr paid, and a final amount of 50 000 kr: 50 000 kr is claimed back.
        advanceCall ??= await bioCallWithAdvance(t, 4_000);
        const { id, reference } = await acceptedGrant(t, { callId: advanceCall, amount: 25_000_000 });
        await bookPaymentsDue(t, reference);
        await expectOk(
          act(t, KARI, id, 'report', {
            report: {
              summary: 'Done, far cheaper than planned',
              participantsCompleted: 4,
              actualCosts: [{ category: 'provider_fees', amountOre: 10_000_000 }],
            },
          }),
        );
        await expectOk(act(t, OFFICER, id, 'approve-report', { finalPayableAmount: 5_000_000 }));
        const [claim] = await t.dataSource.query<Array<{ id: string }>>(
          `SELECT id FROM repayment_claim WHERE application_id = $1`,
          [id],
        );
        const body = { amount: 5_000_000 };
        return {
          path: `/repayment-claims/${claim.id}/settle`,
          body,
          other: { body: { amount: 4_999_999 } },
        };
      },
    },
    {
      route: 'POST /api/v1/payments/due/{reference}/book',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        advanceCall ??= await bioCallWithAdvance(t, 4_000);
        const { reference } = await acceptedGrant(t, { callId: advanceCall, amount: 25_000_000 });
        // 40 % of 250 000 kr, due on acceptance.
        const body = { instalment: 1, amount: 10_000_000 };
        return {
          path: `/payments/due/${reference}/book`,
          body,
          other: { body: { ...body, amount: 9_999_999 } },
        };
      },
    },
    {
      route: 'PUT /api/v1/organisations/{id}/payout-account',
      as: OLA,
      status: 200,
      prepare: async () => {
        const id = await freshOrganisation(t, OLA);
        return {
          path: `/organisations/${id}/payout-account`,
          body: { accountNumber: '8601 11 17947' },
          other: { body: { accountNumber: '15768474386' } },
        };
      },
    },
    {
      route: 'PUT /api/v1/counties/current/payment-details',
      as: ADMIN,
      status: 200,
      prepare: async () => ({
        path: '/counties/current/payment-details',
        body: { paymentAccount: '8601 11 17947', organisationNumber: '817 920 632' },
        other: { body: { paymentAccount: '1234 56 78903', organisationNumber: '817 920 632' } },
      }),
    },
    {
      route: 'POST /api/v1/payments/runs',
      as: FINANCE,
      status: 201,
      prepare: async () => {
        const body = { requestedExecutionDate: '2026-02-04', items: [await dueAdvanceWithAccount()] };
        return {
          path: '/payments/runs',
          body,
          other: { body: { ...body, requestedExecutionDate: '2026-02-05' } },
        };
      },
    },
    {
      route: 'POST /api/v1/payments/runs/{id}/approve',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        const run = async () => {
          const res = await send(FINANCE, 'post', '/payments/runs', {
            requestedExecutionDate: '2026-02-04',
            items: [await dueAdvanceWithAccount()],
          });
          if (res.status !== 201) throw new Error(`run: ${res.text}`);
          return (res.body as { id: string }).id;
        };
        const [one, another] = [await run(), await run()];
        return {
          path: `/payments/runs/${one}/approve`,
          body: {},
          other: { path: `/payments/runs/${another}/approve` },
        };
      },
    },
    {
      route: 'POST /api/v1/applications/{id}/payout-requests',
      as: KARI,
      status: 201,
      prepare: async () => {
        const id = await grantWithAdvancePaid();
        return {
          path: `/applications/${id}/payout-requests`,
          body: payoutBody(),
          other: { body: payoutBody(nok(50_000)) },
        };
      },
    },
    {
      route: 'PUT /api/v1/applications/{id}/payout-requests/{number}',
      as: KARI,
      status: 200,
      prepare: async () => {
        const path = await payoutRequest('draft');
        return { path, body: payoutBody(nok(55_000)), other: { body: payoutBody(nok(54_000)) } };
      },
    },
    {
      route: 'POST /api/v1/applications/{id}/payout-requests/{number}/send',
      as: KARI,
      status: 200,
      prepare: async () => ({
        path: `${await payoutRequest('draft')}/send`,
        body: {},
        other: { path: `${await payoutRequest('draft')}/send` },
      }),
    },
    {
      route: 'POST /api/v1/applications/{id}/payout-requests/{number}/approve',
      as: OFFICER,
      status: 200,
      prepare: async () => ({
        path: `${await payoutRequest('sent')}/approve`,
        body: { amount: nok(50_000) },
        other: { body: { amount: nok(49_000) } },
      }),
    },
    {
      route: 'PUT /api/v1/applications/{id}/interim-reports/{key}',
      as: DEMO_ORGANISATIONS[2].user.email,
      status: 200,
      prepare: async () => ({
        path: await yearlyReport('none'),
        body: { content: yearlyContent() },
        other: { body: { content: yearlyContent(17) } },
      }),
    },
    {
      route: 'POST /api/v1/applications/{id}/interim-reports/{key}/send',
      as: DEMO_ORGANISATIONS[2].user.email,
      status: 200,
      prepare: async () => ({
        path: `${await yearlyReport('draft')}/send`,
        body: {},
        other: { path: `${await yearlyReport('draft')}/send` },
      }),
    },
    {
      route: 'POST /api/v1/applications/{id}/interim-reports/{key}/approve',
      as: OFFICER,
      status: 200,
      prepare: async () => ({
        path: `${await yearlyReport('sent')}/approve`,
        body: {},
        other: { path: `${await yearlyReport('sent')}/approve` },
      }),
    },
    {
      route: 'POST /api/v1/applications/{id}/interim-reports/{key}/return',
      as: OFFICER,
      status: 200,
      prepare: async () => ({
        path: `${await yearlyReport('sent')}/return`,
        body: { reason: 'Tallene stemmer ikke' },
        other: { body: { reason: 'Timetallet mangler' } },
      }),
    },
    {
      route: 'POST /api/v1/applications/{id}/payout-requests/{number}/return',
      as: OFFICER,
      status: 200,
      prepare: async () => ({
        path: `${await payoutRequest('sent')}/return`,
        body: { reason: 'Bilag for kursavgiften mangler' },
        other: { body: { reason: 'Timelister mangler' } },
      }),
    },
    {
      route: 'POST /api/v1/applications/{id}/payout-requests/{number}/reject',
      as: OFFICER,
      status: 200,
      prepare: async () => ({
        path: `${await payoutRequest('sent')}/reject`,
        body: { reason: 'Opplæringen er ikke startet' },
        other: { body: { reason: 'Kostnadene er ikke dokumentert' } },
      }),
    },
    {
      route: 'POST /api/v1/applications/{id}/payout-requests (final)',
      as: KARI,
      status: 201,
      prepare: async () => {
        const id = await grantWithAdvancePaid();
        return {
          path: `/applications/${id}/payout-requests`,
          body: finalBody(),
          other: { body: finalBody(nok(39_000)) },
        };
      },
    },
    {
      // Sending the final request submits the final report once.
      route: 'POST /api/v1/applications/{id}/payout-requests/{number}/send (final)',
      as: KARI,
      status: 200,
      prepare: async () => ({
        path: `${await finalRequest('draft')}/send`,
        body: {},
        other: { path: `${await finalRequest('draft')}/send` },
      }),
    },
    {
      // Approving it approves the report and settles the grant once.
      route: 'POST /api/v1/applications/{id}/payout-requests/{number}/approve (final)',
      as: OFFICER,
      status: 200,
      prepare: async () => ({
        path: `${await finalRequest('sent')}/approve`,
        body: { amount: nok(40_000) },
        other: { body: { amount: nok(39_000) } },
      }),
    },
    {
      route: 'POST /api/v1/applications/{id}/payout-requests/{number}/return (final)',
      as: OFFICER,
      status: 200,
      prepare: async () => ({
        path: `${await finalRequest('sent')}/return`,
        body: { reason: 'Regnskapet mangler bilag' },
        other: { body: { reason: 'Sammendraget mangler' } },
      }),
    },
    {
      route: 'POST /api/v1/payments/due/{reference}/payout-requests/{number}/book',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        const id = await grantWithAdvancePaid();
        const approved = await payoutRequestOn(id, 'approved');
        const reference = await t.dataSource
          .query<Array<{ reference: string }>>(`SELECT reference FROM application WHERE id = $1`, [id])
          .then(([row]) => row.reference);
        return {
          path: `/payments/due/${reference}/payout-requests/${approved}/book`,
          body: { amount: nok(50_000) },
          other: { body: { amount: nok(49_000) } },
        };
      },
    },
    {
      route: 'POST /api/v1/frames/{id}/repayments',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        const frame = await newFrame(nok(1_000_000));
        const grantKey = await directGrant(frame, nok(500_000));
        await expectOk(
          send(FINANCE, 'post', `/frames/${frame}/disbursements`, {
            grantKey,
            amount: nok(500_000),
            reason: 'Paid',
          }),
        );
        const body = { grantKey, amount: nok(10_000), reason: 'Paid back' };
        return {
          path: `/frames/${frame}/repayments`,
          body,
          other: { body: { ...body, amount: nok(20_000) } },
        };
      },
    },
    {
      route: 'POST /api/v1/frames/{id}/carry-overs',
      as: FINANCE,
      status: 200,
      prepare: async () => {
        const from = await newFrame(nok(1_000_000), 2030);
        const to = await newFrame(0, 2031);
        const grantKey = await directGrant(from, nok(500_000));
        const body = {
          toFrameId: to,
          grantKey,
          amount: nok(100_000),
          caseReference: 'FU 9/27',
          reason: 'Late',
        };
        return {
          path: `/frames/${from}/carry-overs`,
          body,
          other: { body: { ...body, amount: nok(200_000) } },
        };
      },
    },
    {
      route: 'POST /api/v1/admin/calls',
      as: ADMIN,
      status: 201,
      prepare: async () => {
        const body = callBody();
        return { path: '/admin/calls', body, other: { body: { ...body, title: 'Another title' } } };
      },
    },
    {
      route: 'PATCH /api/v1/admin/calls/{id}',
      as: ADMIN,
      status: 200,
      prepare: async () => {
        const call = await newCall();
        return {
          path: `/admin/calls/${call.id}`,
          body: { version: call.version, title: 'BIO 2027 – edited' },
          other: { body: { version: call.version, title: 'BIO 2027 – edited otherwise' } },
        };
      },
    },
    {
      route: 'POST /api/v1/admin/calls/{id}/publish',
      as: ADMIN,
      status: 200,
      prepare: async () => {
        const frame = await newFrame(nok(1_000_000), 2027);
        const call = await newCall(frame);
        const another = await newCall(frame);
        return {
          path: `/admin/calls/${call.id}/publish`,
          body: {},
          other: { path: `/admin/calls/${another.id}/publish` },
        };
      },
    },
    {
      route: 'POST /api/v1/organisations',
      as: OLA,
      status: 201,
      prepare: async () => {
        const body = organisationBody();
        return { path: '/organisations', body, other: { body: { ...body, name: 'Another AS' } } };
      },
    },
    {
      route: 'PATCH /api/v1/organisations/{id}',
      as: OLA,
      status: 200,
      prepare: async () => {
        const id = await freshOrganisation(t, OLA);
        return {
          path: `/organisations/${id}`,
          body: { version: 1, employeeCount: 50 },
          other: { body: { version: 1, employeeCount: 51 } },
        };
      },
    },
    {
      route: 'POST /api/v1/staff',
      as: ADMIN,
      status: 201,
      prepare: async () => {
        const body = {
          email: `ny.${next()}@trondelag.example`,
          fullName: 'Nina Ny',
          roles: ['case_officer'],
          password: 'Et-langt-passord-2026',
        };
        return { path: '/staff', body, other: { body: { ...body, fullName: 'Nora Ny' } } };
      },
    },
    {
      route: 'POST /api/v1/staff/invitations',
      as: ADMIN,
      status: 201,
      prepare: async () => {
        const body = {
          email: `inv.${next()}@trondelag.example`,
          fullName: 'Ivar Invitert',
          roles: ['finance'],
        };
        return { path: '/staff/invitations', body, other: { body: { ...body, fullName: 'Ivar Annen' } } };
      },
    },
    {
      route: 'POST /api/v1/staff/{id}/invitations',
      as: ADMIN,
      status: 201,
      prepare: async () => {
        const invited = async () => {
          const body = {
            email: `ny.inv.${next()}@trondelag.example`,
            fullName: 'Ida Ny',
            roles: ['finance'],
          };
          const created = await send(ADMIN, 'post', '/staff/invitations', body);
          if (created.status !== 201) throw new Error(`invite: ${created.text}`);
          return (created.body as { id: string }).id;
        };
        const other = `/staff/${await invited()}/invitations`;
        return {
          path: `/staff/${await invited()}/invitations`,
          body: { version: 1 },
          other: { path: other },
        };
      },
    },
    {
      route: 'PATCH /api/v1/staff/{id}',
      as: ADMIN,
      status: 200,
      prepare: async () => {
        const path = `/staff/${await newStaff()}`;
        return {
          path,
          body: { version: 1, roles: ['case_officer', 'approver'] },
          other: { body: { version: 1, roles: ['finance'] } },
        };
      },
    },
    {
      route: 'POST /api/v1/staff/{id}/deactivate',
      as: ADMIN,
      status: 200,
      prepare: async () => {
        const other = `/staff/${await newStaff()}/deactivate`;
        return {
          path: `/staff/${await newStaff()}/deactivate`,
          body: { version: 1 },
          other: { path: other },
        };
      },
    },
    {
      route: 'POST /api/v1/staff/{id}/reactivate',
      as: ADMIN,
      status: 200,
      prepare: async () => {
        const deactivated = async () => {
          const id = await newStaff();
          const off = await send(ADMIN, 'post', `/staff/${id}/deactivate`, { version: 1 });
          if (off.status !== 200) throw new Error(`deactivate: ${off.text}`);
          return id;
        };
        const other = `/staff/${await deactivated()}/reactivate`;
        return {
          path: `/staff/${await deactivated()}/reactivate`,
          body: { version: 2 },
          other: { path: other },
        };
      },
    },
    {
      route: 'POST /api/v1/applications',
      as: KARI,
      status: 201,
      prepare: async () => {
        const body = {
          callId: (await ids(t)).callId,
          organisationId: await freshOrganisation(t),
          content: bioContent(),
        };
        return { path: '/applications', body, other: { body: { ...body, content: {} } } };
      },
    },
    {
      route: 'PATCH /api/v1/applications/{id}',
      as: KARI,
      status: 200,
      prepare: async () => {
        const { id, contentVersion } = await draft(t);
        return {
          path: `/applications/${id}`,
          body: { version: contentVersion, content: bioContent({ restructuringNeed: 'Robots' }) },
          other: { body: { version: contentVersion, content: bioContent({ restructuringNeed: 'Lasers' }) } },
        };
      },
    },
    {
      route: 'POST /api/v1/applications/{id}/submit',
      as: KARI,
      status: 200,
      prepare: async () => {
        const { id } = await draft(t);
        return { path: `/applications/${id}/submit`, body: {}, other: { body: { comment: 'Signed' } } };
      },
    },
    {
      route: 'POST /api/v1/applications/{id}/notes',
      as: OFFICER,
      status: 201,
      prepare: async () => {
        const { id } = await draft(t);
        await expectOk(act(t, KARI, id, 'submit'));
        return {
          path: `/applications/${id}/notes`,
          body: { text: 'Ringte daglig leder' },
          other: { body: { text: 'Sendte e-post' } },
        };
      },
    },
    {
      // A declaration of partiality unassigns the officer: a repeat must not declare twice.
      route: 'POST /api/v1/applications/{id}/impartiality',
      as: OFFICER,
      status: 200,
      prepare: async () => {
        const { id } = await draft(t);
        await expectOk(act(t, KARI, id, 'submit'));
        await expectOk(act(t, OFFICER, id, 'assign'));
        return {
          path: `/applications/${id}/impartiality`,
          body: { verdict: 'partial', ground: 'party_organisation' },
          other: { body: { verdict: 'impartial' } },
        };
      },
    },
    {
      // Heving moves money (the unpaid rest back to the frame): a repeat must not release it twice.
      route: 'POST /api/v1/applications/{id}/decide-cancellation',
      as: APPROVER,
      status: 200,
      prepare: async () => {
        const id = await recommended(t, 20_000_000);
        await expectOk(act(t, APPROVER, id, 'decide-grant'));
        await expectOk(act(t, KARI, id, 'accept'));
        await expectOk(
          act(t, OFFICER, id, 'propose-cancellation', { grounds: 'Prosjektet ble ikke startet' }),
        );
        return {
          path: `/applications/${id}/decide-cancellation`,
          body: {},
          other: { body: { comment: 'Vedtatt i møtet' } },
        };
      },
    },
    {
      route: 'POST /api/v1/applications/{id}/appeal',
      as: KARI,
      status: 200,
      prepare: async () => {
        const id = await recommended(t, 20_000_000);
        await expectOk(act(t, APPROVER, id, 'decide-grant'));
        return {
          path: `/applications/${id}/appeal`,
          body: { grounds: 'Beløpet dekker ikke sertifiseringen' },
          other: { body: { grounds: 'En annen grunn' } },
        };
      },
    },
    {
      // A reversal commits the increase on the frame: a repeat must not commit it twice.
      route: 'POST /api/v1/applications/{id}/appeal/decide-reversal',
      as: APPROVER,
      status: 200,
      prepare: async () => {
        const id = await recommended(t, 20_000_000);
        await expectOk(act(t, APPROVER, id, 'decide-grant'));
        await expectOk(act(t, KARI, id, 'appeal', { grounds: 'Beløpet er for lavt' }));
        await expectOk(
          act(t, OFFICER, id, 'appeal/propose-reversal', { amount: 22_000_000, grounds: 'Kurset hører med' }),
        );
        return {
          path: `/applications/${id}/appeal/decide-reversal`,
          body: {},
          other: { body: { comment: 'Vedtatt' } },
        };
      },
    },
    {
      route: 'POST /api/v1/applications/{id}/appeal/reversed',
      as: APPROVER,
      status: 200,
      prepare: async () => {
        const id = await recommended(t, 20_000_000);
        await expectOk(act(t, APPROVER, id, 'decide-grant'));
        await expectOk(act(t, KARI, id, 'appeal', { grounds: 'Beløpet er for lavt' }));
        await expectOk(act(t, OFFICER, id, 'appeal/propose-forward', { note: 'Ikke noe nytt' }));
        await expectOk(act(t, APPROVER, id, 'appeal/decide-forward', {}));
        return {
          path: `/applications/${id}/appeal/reversed`,
          body: { amount: 22_000_000, grounds: 'Klagenemnda omgjorde' },
          other: { body: { amount: 23_000_000, grounds: 'Klagenemnda omgjorde' } },
        };
      },
    },
    {
      route: 'POST /api/v1/applications/{id}/request-extension',
      as: KARI,
      status: 200,
      prepare: async () => {
        const id = await recommended(t, 20_000_000);
        await expectOk(act(t, APPROVER, id, 'decide-grant'));
        await expectOk(act(t, KARI, id, 'accept'));
        return {
          path: `/applications/${id}/request-extension`,
          body: { reason: 'Kursleverandøren flyttet siste uke', dueAt: '2028-06-30T23:59:00+02:00' },
          other: { body: { reason: 'En annen grunn', dueAt: '2028-06-30T23:59:00+02:00' } },
        };
      },
    },
    {
      route: 'POST /api/v1/applications/{id}/attachments',
      as: KARI,
      status: 201,
      prepare: async () => {
        const { id } = await draft(t);
        return {
          path: `/applications/${id}/attachments?kind=training_plan`,
          body: { file: PDF, fileName: 'plan.pdf' },
          other: { body: { file: PDF, fileName: 'plan-2.pdf' } },
        };
      },
    },
    {
      // The same upload to a draft payout request's receipts: one row, one copy of the bytes.
      route: 'POST /api/v1/applications/{id}/attachments (to a payout request)',
      as: KARI,
      status: 201,
      prepare: async () => {
        const path = await payoutRequest('draft');
        const [, id, number] = /^\/applications\/([^/]+)\/payout-requests\/(\d+)$/.exec(path) ?? [];
        return {
          path: `/applications/${id ?? ''}/attachments?kind=receipts&payoutRequest=${number ?? ''}`,
          body: { file: PDF, fileName: 'kvitteringer.pdf' },
          other: { body: { file: PDF, fileName: 'kvitteringer-2.pdf' } },
        };
      },
    },
    {
      route: 'DELETE /api/v1/applications/{id}/attachments/{attachmentId}',
      as: KARI,
      status: 204,
      prepare: async () => {
        const { id } = await draft(t);
        const upload = async () =>
          (
            (await send(KARI, 'post', `/applications/${id}/attachments?kind=other`, {
              file: PDF,
              fileName: 'plan.pdf',
            })) as { body: { id: string } }
          ).body.id;
        const [first, second] = [await upload(), await upload()];
        return {
          path: `/applications/${id}/attachments/${first}`,
          body: {},
          other: { path: `/applications/${id}/attachments/${second}` },
        };
      },
    },
    {
      route: 'POST /api/v1/applications/{id}/decide-grant',
      as: APPROVER,
      status: 200,
      prepare: async () => {
        const id = await recommended(t, 20_000_000);
        return {
          path: `/applications/${id}/decide-grant`,
          body: {},
          other: { body: { committeeCaseRef: 'FU 1/26' } },
        };
      },
    },
  ];

  describe.each(COMMANDS)('$route', (command) => {
    const method = methodOf(command.route);

    it('answers a repeat with the same key and body with the first answer, and does nothing again', async () => {
      const { path, body } = await command.prepare();
      const key = newKey();
      const before = await world();
      const first = await send(command.as, method, path, body, key);
      expect(first.status).toBe(command.status);
      const after = await world();
      clock.advance(60_000);
      const again = await send(command.as, method, path, body, key);
      expect(await world()).toEqual(after);
      expect(again.status).toBe(first.status);
      expect(again.text).toBe(first.text);
      // The key's record was written with the command's effects.
      expect(delta(before, after)).toMatchObject({ idempotency_records: 1 });
    });

    it('acts once for five concurrent repeats, as for one request', async () => {
      const single = await command.prepare();
      const beforeSingle = await world();
      expect((await send(command.as, method, single.path, single.body, newKey())).status).toBe(
        command.status,
      );
      const once = delta(beforeSingle, await world());

      const { path, body } = await command.prepare();
      const key = newKey();
      const before = await world();
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => send(command.as, method, path, body, key)),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(5).fill(command.status));
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      expect(delta(before, await world())).toEqual(once);
    });

    it('refuses the same key for another request with 422, changing nothing', async () => {
      const { path, body, other } = await command.prepare();
      const key = newKey();
      expect((await send(command.as, method, path, body, key)).status).toBe(command.status);
      const after = await world();
      const reused = await send(command.as, method, other.path ?? path, other.body ?? body, key);
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('idempotency_key_reused');
      expect(await world()).toEqual(after);
    });
  });

  it('documents Idempotency-Key on every command, and every command has its row above', async () => {
    const doc = (await t.http().get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>>;
    };
    // Sessions are not commands: logging in and out, the dashboard's cookie, and choosing a password
    // with an invitation's single-use token (nobody is signed in yet; a repeat is refused as used).
    const sessions =
      /^(POST \/api\/v1\/auth\/|DELETE \/api\/v1\/auth\/session$|(POST|DELETE) \/api\/v1\/admin\/queues\/session$|POST \/api\/v1\/invitations\/accept$)/;
    const commands = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation }))
        .filter(({ route }) => !sessions.test(route)),
    );
    const undocumented = commands
      .filter(
        ({ operation }) =>
          !operation.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
      )
      .map(({ route }) => route);
    expect(undocumented).toEqual([]);

    // Lifecycle events share one path (ApplicationsService.send); submit and decide-grant stand for them all
    // (the appeal's steps are under appeal/).
    const lifecycleEvent = /^POST \/api\/v1\/applications\/\{id\}\/(appeal\/)?[a-z-]+$/;
    const rows = new Set(COMMANDS.map((c) => c.route.replace(/ \(.*\)$/, '')));
    const missing = commands
      .map(({ route }) => route)
      .filter((route) => !rows.has(route) && !lifecycleEvent.test(route));
    expect(missing).toEqual([]);
  });

  it('keeps no fingerprint of a password: a repeat differing only in the password is the same command', async () => {
    const key = newKey();
    const body = {
      email: `ny.${next()}@trondelag.example`,
      fullName: 'Nina Ny',
      roles: ['case_officer'],
      password: 'Første-passord-2026',
    };
    const first = await send(ADMIN, 'post', '/staff', body, key);
    expect(first.status).toBe(201);
    const again = await send(ADMIN, 'post', '/staff', { ...body, password: 'Andre-passord-2026' }, key);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    const login = (password: string) =>
      t.http().post('/api/v1/auth/login').send({ email: body.email, password });
    expect((await login('Første-passord-2026')).status).toBe(200);
    expect((await login('Andre-passord-2026')).status).toBe(401);
  });

  it('refuses a malformed Idempotency-Key with 400 before doing anything', async () => {
    const before = await world();
    const res = await send(FINANCE, 'post', '/frames', { schemeId: 'bio', year: 2031, name: 'x y' }, 'short');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_idempotency_key');
    expect(await world()).toEqual(before);
  });

  // ── Versions ──────────────────────────────────────────────────────────────────────────────

  const EDITS: Edit[] = [
    {
      route: 'PATCH /api/v1/frames/{id}',
      as: FINANCE,
      prepare: async () => ({
        path: `/frames/${await newFrame()}`,
        version: 1,
        edit: (version) => ({ status: 'closed', version }),
      }),
    },
    {
      route: 'PATCH /api/v1/admin/calls/{id}',
      as: ADMIN,
      prepare: async () => {
        const call = await newCall();
        return {
          path: `/admin/calls/${call.id}`,
          version: call.version,
          edit: (version) => ({ version, title: `Edited ${next()}` }),
        };
      },
    },
    {
      route: 'PATCH /api/v1/staff/{id}',
      as: ADMIN,
      prepare: async () => ({
        path: `/staff/${await newStaff()}`,
        version: 1,
        edit: (version) => ({ version, roles: ['case_officer', 'approver'] }),
      }),
    },
    {
      route: 'PATCH /api/v1/organisations/{id}',
      as: OLA,
      prepare: async () => ({
        path: `/organisations/${await freshOrganisation(t, OLA)}`,
        version: 1,
        edit: (version) => ({ version, employeeCount: 40 + (serial % 50) }),
      }),
    },
  ];

  describe.each(EDITS)('$route', (edit) => {
    it('raises the version, refuses an edit based on a stale one with 409, and changes nothing then', async () => {
      const { path, version, edit: body } = await edit.prepare();
      const first = await send(edit.as, 'patch', path, body(version));
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(version + 1);
      const before = await world();
      const stale = await send(edit.as, 'patch', path, body(version));
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: version + 1 });
      expect(await world()).toEqual(before);
    });

    it('refuses an edit without a version (400)', async () => {
      const { path, version, edit: body } = await edit.prepare();
      const { version: _version, ...unversioned } = body(version) as { version: number };
      const before = await world();
      expect((await send(edit.as, 'patch', path, unversioned)).status).toBe(400);
      expect(await world()).toEqual(before);
    });
  });

  it("shows a frame's version, raised by its edits and not by money moving on it", async () => {
    const id = await newFrame(nok(1_000_000));
    const read = async () =>
      (
        await t
          .http()
          .get(`/api/v1/frames/${id}`)
          .set('authorization', await t.bearer(FINANCE))
      ).body;
    expect(await read()).toMatchObject({ version: 1, allocated: nok(1_000_000) });
    await directGrant(id, nok(1_000));
    expect(await read()).toMatchObject({ version: 1 });
    await expectOk(send(FINANCE, 'patch', `/frames/${id}`, { status: 'closed', version: 1 }));
    expect(await read()).toMatchObject({ version: 2, status: 'closed' });
  });
});
