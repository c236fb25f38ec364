import { ManualClock, nok } from '@lib/common';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  newJobbsjansenApplication,
  newJobbsjansenCallParameters,
} from '../../src/schemes/jobbsjansen/jobbsjansen-testing';
import { DEMO_ORGANISATIONS, DEMO_STAFF } from '../../src/seed/demo-data';
import {
  acceptedGrant,
  act,
  ADMIN,
  bioCallWithAdvance,
  bookPaymentsDue,
  draft,
  expectOk,
  KARI,
  newClock,
  OFFICER,
  OLA,
} from '../support/bio';
import { startTestApp, type TestApp } from '../support/test-app';

const PDF = Buffer.from(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

interface Attachment {
  id: string;
  kind: string;
  submittedAt: string | null;
  owner: { kind: string; payoutRequest?: number; interimReport?: string; informationRequest?: number } | null;
}
interface AttachmentList {
  context: string;
  requirements: Array<{ kind: string; required: boolean }>;
  items: Attachment[];
  editable: boolean;
}

/** Helpers over one test app: uploads with an owner query, lists, and the files kept on disk. */
function attachmentsOf(t: () => TestApp) {
  const upload = async (id: string, query: string, fileName = 'bilag.pdf', email = KARI) =>
    t()
      .http()
      .post(`/api/v1/applications/${id}/attachments?${query}`)
      .set('authorization', await t().bearer(email))
      .attach('file', PDF, { filename: fileName, contentType: 'application/pdf' });
  const list = async (id: string, query = '', email = KARI) =>
    t()
      .http()
      .get(`/api/v1/applications/${id}/attachments${query ? `?${query}` : ''}`)
      .set('authorization', await t().bearer(email));
  const listed = async (id: string, query = '', email = KARI) => {
    const res = await list(id, query, email);
    expect(res.status).toBe(200);
    return res.body as AttachmentList;
  };
  const storedFiles = async () => {
    const root = t().config.attachments.directory;
    const dirs = await readdir(root).catch(() => [] as string[]);
    return (await Promise.all(dirs.map((d) => readdir(join(root, d))))).flat().sort();
  };
  const rows = async (id: string) =>
    (
      await t().dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM attachment WHERE application_id = $1`,
        [id],
      )
    )[0].n;
  return { upload, list, listed, storedFiles, rows };
}

/**
 * Attachments beyond the application: with a payout request (receipts required on a part request by
 * the call), with an answer to a request for information, and the scheme's default (BIO's training
 * plan). Each is sent with what it goes with, refused without a required kind, and fixed from then on.
 */
describe('attachments with payout requests and answers', () => {
  let t: TestApp;
  let callId: string;
  const { upload, list, listed, storedFiles, rows } = attachmentsOf(() => t);

  beforeAll(async () => {
    t = await startTestApp({ clock: newClock(), env: { ATTACHMENT_MAX_BYTES: '65536' } });
    callId = await bioCallWithAdvance(t, 5_000, {
      payoutAttestation: {
        managerSignatureBelowOre: nok(20_000),
        accountantConfirmationFromOre: nok(50_000),
      },
      attachments: [
        { kind: 'training_plan', required: false },
        { kind: 'annual_accounts', required: false, context: 'information_answer' },
        { kind: 'receipts', required: true, context: 'part_payout_request' },
        { kind: 'other', required: false, context: 'part_payout_request' },
      ],
    });
  });
  afterAll(() => t.close());

  const payoutBody = {
    amount: nok(60_000),
    accountNumber: '8601 11 17947',
    statusReport: 'Fire av seks moduler er gjennomført.',
    costs: [{ line: '0', accumulatedOre: nok(180_000) }],
    managerName: 'Kari Nordmann',
    accountant: { name: 'Siv Revisor', role: 'auditor' },
  };
  const post = async (path: string, email: string, body: object = {}) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set('authorization', await t.bearer(email))
      .send(body);

  it('takes receipts on a draft payout request, refuses to send without them, and fixes them once sent', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: nok(250_000) });
    await bookPaymentsDue(t, reference);
    const created = await post(`/applications/${id}/payout-requests`, KARI, payoutBody);
    expect(created.status).toBe(201);
    const number = (created.body as { number: number }).number;
    const owner = `payoutRequest=${number}`;

    expect(await listed(id, owner)).toMatchObject({
      context: 'part_payout_request',
      requirements: [
        { kind: 'receipts', required: true },
        { kind: 'other', required: false },
      ],
      items: [],
      editable: true,
    });
    const wrongKind = await upload(id, `kind=training_plan&${owner}`);
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body).toMatchObject({ code: 'attachment_kind_not_allowed' });

    const refused = await post(`/applications/${id}/payout-requests/${number}/send`, KARI);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'attachments_missing', missing: ['receipts'] });

    const receipts = await upload(id, `kind=receipts&${owner}`, 'kvitteringer.pdf');
    expect(receipts.status).toBe(201);
    expect(receipts.body).toMatchObject({
      kind: 'receipts',
      submittedAt: null,
      owner: { kind: 'payout_request', payoutRequest: number },
    });
    // Not the application's own: its list stays as it was.
    expect((await listed(id)).items).toEqual([]);
    // Another organisation neither sees nor adds; the county's officer reads it.
    expect((await upload(id, `kind=receipts&${owner}`, 'x.pdf', OLA)).status).toBe(404);
    expect((await list(id, owner, OLA)).status).toBe(404);
    expect((await listed(id, owner, OFFICER)).items.map((a) => a.id)).toEqual([
      (receipts.body as Attachment).id,
    ]);
    expect((await list(id, 'payoutRequest=99')).status).toBe(404);
    expect((await list(id, `${owner}&interimReport=yearly`)).status).toBe(400);

    expect((await post(`/applications/${id}/payout-requests/${number}/send`, KARI)).status).toBe(200);
    const sent = await listed(id, owner);
    expect(sent.editable).toBe(false);
    expect(sent.items[0].submittedAt).not.toBeNull();

    // Sent is sent: no more uploads (nothing kept), no deleting.
    const [files, count] = [await storedFiles(), await rows(id)];
    const late = await upload(id, `kind=other&${owner}`, 'sent.pdf');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'attachments_closed' });
    expect(await storedFiles()).toEqual(files);
    expect(await rows(id)).toBe(count);
    const del = await t
      .http()
      .delete(`/api/v1/applications/${id}/attachments/${(receipts.body as Attachment).id}`)
      .set('authorization', await t.bearer(KARI));
    expect(del.status).toBe(409);
    expect(del.body).toMatchObject({ code: 'attachment_submitted' });
    const audit = await t.dataSource.query<Array<{ payload: Record<string, unknown> }>>(
      `SELECT payload FROM audit_record WHERE application_id = $1 AND event = 'ADD_ATTACHMENT'`,
      [id],
    );
    expect(audit.map((r) => r.payload.payoutRequest)).toEqual([number]);
  });

  it('gives an answer to a request for information its own attachments, sent with the answer', async () => {
    const { id } = await draft(t, { callId });
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    await expectOk(act(t, OFFICER, id, 'request-information', { message: 'Send oss årsregnskapet.' }));
    const [{ seq }] = await t.dataSource.query<Array<{ seq: number }>>(
      `SELECT seq FROM audit_record WHERE application_id = $1 AND event = 'REQUEST_INFO'`,
      [id],
    );
    // Without an owner, while the case awaits the answer, the upload goes with the answer.
    const accounts = await upload(id, 'kind=annual_accounts', 'regnskap.pdf');
    expect(accounts.status).toBe(201);
    expect(accounts.body).toMatchObject({
      owner: { kind: 'information_request', informationRequest: Number(seq) },
    });
    expect(await listed(id, `informationRequest=${seq}`, OFFICER)).toMatchObject({
      context: 'information_answer',
      items: [{ kind: 'annual_accounts', submittedAt: null }],
    });
    await expectOk(act(t, KARI, id, 'answer-information', { message: 'Vedlagt.' }));
    expect((await listed(id, `informationRequest=${seq}`)).items[0].submittedAt).not.toBeNull();
    const files = await storedFiles();
    const late = await upload(id, `kind=annual_accounts&informationRequest=${seq}`);
    expect(late.status).toBe(409);
    expect(await storedFiles()).toEqual(files);
    expect((await upload(id, 'kind=annual_accounts&informationRequest=1', 'x.pdf', OLA)).status).toBe(404);
  });

  it("asks for BIO's training plan by default: an application under a call that lists none is refused without it", async () => {
    const defaults = await bioCallWithAdvance(t, 0, { attachments: undefined });
    const { id } = await draft(t, { callId: defaults });
    expect((await listed(id)).requirements).toContainEqual({ kind: 'training_plan', required: true });
    const refused = await act(t, KARI, id, 'submit');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'attachments_missing', missing: ['training_plan'] });
    expect((await upload(id, 'kind=training_plan', 'opplaeringsplan.pdf')).status).toBe(201);
    await expectOk(act(t, KARI, id, 'submit'));
  });
});

const TOVE = DEMO_ORGANISATIONS[2].user.email; // Trondheim kommune, a Jobbsjansen applicant
const [JJ_OFFICER, JJ_APPROVER] = DEMO_STAFF.map((s) => s.email);

/** A Jobbsjansen yearly report under a call that requires course certificates with interim reports. */
describe('attachments with an interim report', () => {
  let t: TestApp;
  const { upload, listed, storedFiles } = attachmentsOf(() => t);

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date('2026-08-03T09:00:00+02:00')) });
  });
  afterAll(() => t.close());

  const call = async (method: 'post' | 'put', path: string, email: string, body: object = {}) => {
    const agent = t.http();
    return agent[method](`/api/v1${path}`)
      .set('authorization', await t.bearer(email))
      .send(body);
  };

  it('refuses to send the report without a required kind, sends it with, and takes nothing after', async () => {
    const [seeded] = await t.dataSource.query<Array<{ frame_id: string }>>(
      `SELECT c.frame_id FROM funding_call c JOIN county k ON k.id = c.county_id
        WHERE c.scheme_id = 'jobbsjansen' AND k.code = '50'`,
    );
    const created = await call('post', '/admin/calls', ADMIN, {
      schemeId: 'jobbsjansen',
      year: 2026,
      title: 'Jobbsjansen med kursbevis i årsrapporten',
      frameId: seeded.frame_id,
      parameters: newJobbsjansenCallParameters({
        attachments: [{ kind: 'course_certificate', required: true, context: 'interim_report' }],
      }),
    });
    expect(created.status).toBe(201);
    const callId = (created.body as { id: string }).id;
    await expectOk(call('post', `/admin/calls/${callId}/publish`, ADMIN));
    const [org] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM organisation WHERE organisation_number = $1`,
      [DEMO_ORGANISATIONS[2].organisationNumber],
    );
    const drafted = await call('post', '/applications', TOVE, {
      callId,
      organisationId: org.id,
      content: JSON.parse(JSON.stringify(newJobbsjansenApplication())) as object,
    });
    expect(drafted.status).toBe(201);
    const id = (drafted.body as { id: string }).id;
    await expectOk(call('post', `/applications/${id}/submit`, TOVE));
    await expectOk(call('post', `/applications/${id}/assign`, JJ_OFFICER));
    await expectOk(
      call('post', `/applications/${id}/recommend-grant`, JJ_OFFICER, {
        amount: nok(720_000),
        notes: 'God plan',
      }),
    );
    await expectOk(
      call('post', `/applications/${id}/decide-grant`, JJ_APPROVER, { committeeCaseRef: 'HU 45/26' }),
    );
    await expectOk(call('post', `/applications/${id}/accept`, TOVE));

    // No report saved yet: nothing to attach to.
    expect((await upload(id, 'kind=course_certificate&interimReport=yearly', 'k.pdf', TOVE)).status).toBe(
      404,
    );
    const path = `/applications/${id}/interim-reports/yearly`;
    await expectOk(
      call('put', path, TOVE, {
        content: {
          activities: 'To klasser fra august.',
          teachingHours: 1140,
          progress: 'Etter planen.',
          participants: 18,
          completed: 4,
          droppedOut: 2,
        },
      }),
    );
    const refused = await call('post', `${path}/send`, TOVE);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'attachments_missing', missing: ['course_certificate'] });
    const certificate = await upload(
      id,
      'kind=course_certificate&interimReport=yearly',
      'kursbevis.pdf',
      TOVE,
    );
    expect(certificate.status).toBe(201);
    expect(certificate.body).toMatchObject({ owner: { kind: 'interim_report', interimReport: 'yearly' } });
    expect((await upload(id, 'kind=course_certificate&interimReport=yearly', 'k.pdf', KARI)).status).toBe(
      404,
    );
    await expectOk(call('post', `${path}/send`, TOVE));
    const sent = await listed(id, 'interimReport=yearly', JJ_OFFICER);
    expect(sent.items.map((a) => a.submittedAt !== null)).toEqual([true]);
    const files = await storedFiles();
    expect((await upload(id, 'kind=course_certificate&interimReport=yearly', 'sent.pdf', TOVE)).status).toBe(
      409,
    );
    expect(await storedFiles()).toEqual(files);
  });
});
