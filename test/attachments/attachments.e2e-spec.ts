import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';
import { act, bioCallWithAdvance, draft, expectOk, KARI, newClock, OFFICER, OLA } from '../support/bio';
import { DEMO_OTHER_STAFF } from '../../src/seed/demo-data';

/** A case officer of another county. */
const ELSEWHERE = DEMO_OTHER_STAFF[0].email;

const PDF = Buffer.from(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Attachment {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  submittedAt: string | null;
}

/** Attachments (vedlegg): streamed uploads typed by their content, kept outside the database, fixed once sent. */
describe('attachments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: newClock(), env: { ATTACHMENT_MAX_BYTES: '65536' } });
  });
  afterAll(() => t.close());

  const upload = async (
    id: string,
    file: Buffer,
    fileName: string,
    options: { kind?: string; email?: string; key?: string } = {},
  ) => {
    const req = t
      .http()
      .post(`/api/v1/applications/${id}/attachments?kind=${options.kind ?? 'training_plan'}`)
      .set('authorization', await t.bearer(options.email ?? KARI));
    if (options.key) req.set('idempotency-key', options.key);
    return req.attach('file', file, { filename: fileName, contentType: 'application/pdf' });
  };
  const get = async (path: string, email = KARI) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await t.bearer(email))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const list = async (id: string, email = KARI) => {
    const res = await t
      .http()
      .get(`/api/v1/applications/${id}/attachments`)
      .set('authorization', await t.bearer(email));
    expect(res.status).toBe(200);
    return res.body as { items: Attachment[]; requirements: unknown[]; editable: boolean; maxBytes: number };
  };
  const storedFiles = async () => {
    const root = t.config.attachments.directory;
    const dirs = await readdir(root).catch(() => [] as string[]);
    const files = await Promise.all(dirs.map((d) => readdir(join(root, d))));
    return files.flat();
  };
  const trail = async (id: string) =>
    (
      await t.dataSource.query<Array<{ event: string; payload: Record<string, unknown> }>>(
        `SELECT event, payload FROM audit_record WHERE application_id = $1 ORDER BY seq`,
        [id],
      )
    ).map((r) => r.event);

  it('keeps a PDF with its SHA-256 and gives back the same bytes, typed and named', async () => {
    const { id } = await draft(t);
    const res = await upload(id, PDF, 'opplæringsplan.pdf');
    expect(res.status).toBe(201);
    const attachment = res.body as Attachment;
    expect(attachment).toMatchObject({
      kind: 'training_plan',
      fileName: 'opplæringsplan.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      submittedAt: null,
    });
    const [row] = await t.dataSource.query<Array<{ sha256: string; storage_key: string }>>(
      `SELECT sha256, storage_key FROM attachment WHERE id = $1`,
      [attachment.id],
    );
    expect(row.sha256).toBe(sha256(PDF));
    expect(await storedFiles()).toContain(row.storage_key.split('/')[1]);

    const download = await get(`/applications/${id}/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="oppl_ringsplan.pdf"; filename*=UTF-8''oppl%C3%A6ringsplan.pdf`,
    );
    expect(sha256(download.body as Buffer)).toBe(sha256(PDF));
    expect((await list(id)).items.map((a) => a.id)).toEqual([attachment.id]);
    expect(await trail(id)).toEqual(['CREATE', 'ADD_ATTACHMENT']);
  });

  it('reads the type from the content: a PNG named .pdf is a PNG', async () => {
    const { id } = await draft(t);
    const res = await upload(id, PNG, 'plan.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mediaType: 'image/png', fileName: 'plan.pdf' });
  });

  it('refuses a text file named .pdf with 415, keeping nothing', async () => {
    const { id } = await draft(t);
    const before = await storedFiles();
    const res = await upload(id, Buffer.from('Dette er ikke en PDF\n'), 'plan.pdf');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'attachment_type_not_allowed', detectedMediaType: null });
    expect(await storedFiles()).toEqual(before);
    expect((await list(id)).items).toEqual([]);
  });

  it('refuses a file over the limit with 413, keeping nothing', async () => {
    const { id } = await draft(t);
    const before = await storedFiles();
    const big = Buffer.concat([PDF, Buffer.alloc(70_000, 0x20)]);
    const res = await upload(id, big, 'stor.pdf');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'attachment_too_large', maxBytes: 65536 });
    expect(await storedFiles()).toEqual(before);
    expect((await list(id)).items).toEqual([]);
    expect(await trail(id)).toEqual(['CREATE']);
  });

  it("answers 404 to another organisation and, once sent, to another county's staff", async () => {
    const { id } = await draft(t);
    const mine = (await upload(id, PDF, 'plan.pdf')).body as Attachment;
    expect((await upload(id, PDF, 'plan.pdf', { email: OLA })).status).toBe(404);
    expect((await get(`/applications/${id}/attachments`, OLA)).status).toBe(404);
    expect((await get(`/applications/${id}/attachments/${mine.id}`, OLA)).status).toBe(404);
    const del = await t
      .http()
      .delete(`/api/v1/applications/${id}/attachments/${mine.id}`)
      .set('authorization', await t.bearer(OLA));
    expect(del.status).toBe(404);
    await expectOk(act(t, KARI, id, 'submit'));
    expect((await get(`/applications/${id}/attachments/${mine.id}`, ELSEWHERE)).status).toBe(404);
    expect((await get(`/applications/${id}/attachments/${mine.id}`, OFFICER)).status).toBe(200);
  });

  it('deletes a draft attachment, but not one sent with the application (409)', async () => {
    const { id } = await draft(t);
    const first = (await upload(id, PDF, 'a.pdf')).body as Attachment;
    const second = (await upload(id, PNG, 'b.png', { kind: 'other' })).body as Attachment;
    const remove = async (attachmentId: string) =>
      t
        .http()
        .delete(`/api/v1/applications/${id}/attachments/${attachmentId}`)
        .set('authorization', await t.bearer(KARI));
    expect((await remove(first.id)).status).toBe(204);
    expect((await list(id)).items.map((a) => a.id)).toEqual([second.id]);
    await expectOk(act(t, KARI, id, 'submit'));
    const sent = await list(id);
    expect(sent.items[0].submittedAt).not.toBeNull();
    expect(sent.editable).toBe(false);
    const refused = await remove(second.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'attachment_submitted' });
    expect((await upload(id, PDF, 'c.pdf')).status).toBe(409);
    expect(await trail(id)).toEqual([
      'CREATE',
      'ADD_ATTACHMENT',
      'ADD_ATTACHMENT',
      'DELETE_ATTACHMENT',
      'SUBMIT',
    ]);
    // The database keeps it fixed too.
    await expect(
      t.owner.query(`UPDATE attachment SET file_name = 'x.pdf' WHERE id = $1`, [second.id]),
    ).rejects.toThrow(/submitted/);
  });

  it('refuses to submit without a kind the call requires, naming it, and only kinds the call has', async () => {
    const callId = await bioCallWithAdvance(t, 0, {
      attachments: [
        { kind: 'training_plan', required: true },
        { kind: 'annual_accounts', required: false },
      ],
    });
    const { id } = await draft(t, { callId });
    expect((await list(id)).requirements).toEqual([
      { kind: 'training_plan', required: true },
      { kind: 'annual_accounts', required: false },
    ]);
    const wrongKind = await upload(id, PDF, 'bevis.pdf', { kind: 'course_certificate' });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body).toMatchObject({ code: 'attachment_kind_not_allowed' });
    expect((await upload(id, PDF, 'regnskap.pdf', { kind: 'annual_accounts' })).status).toBe(201);
    const refused = await act(t, KARI, id, 'submit');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'attachments_missing', missing: ['training_plan'] });
    expect((await upload(id, PDF, 'plan.pdf')).status).toBe(201);
    await expectOk(act(t, KARI, id, 'submit'));
  });

  it('refuses a bad kind, a body that is not multipart and one without a file', async () => {
    const { id } = await draft(t);
    expect((await upload(id, PDF, 'plan.pdf', { kind: 'selfie' })).status).toBe(400);
    const json = await t
      .http()
      .post(`/api/v1/applications/${id}/attachments?kind=other`)
      .set('authorization', await t.bearer(KARI))
      .send({ file: 'x' });
    expect(json.status).toBe(415);
    const noFile = await t
      .http()
      .post(`/api/v1/applications/${id}/attachments?kind=other`)
      .set('authorization', await t.bearer(KARI))
      .field('note', 'ingen fil');
    expect(noFile.status).toBe(400);
    expect(noFile.body).toMatchObject({ code: 'attachment_missing' });
    const staff = await upload(id, PDF, 'plan.pdf', { email: OFFICER });
    expect(staff.status).toBe(403);
  });

  it('answers a repeated upload under the same key once, keeping one copy', async () => {
    const { id } = await draft(t);
    const first = await upload(id, PDF, 'plan.pdf', { key: 'upload-plan-0001' });
    const files = await storedFiles();
    const again = await upload(id, PDF, 'plan.pdf', { key: 'upload-plan-0001' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await storedFiles()).toEqual(files);
    expect((await list(id)).items).toHaveLength(1);
    const other = await upload(id, PNG, 'plan.png', { key: 'upload-plan-0001' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused' });
  });
});
