import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { organisationNumberCheckDigit } from '@lib/common';
import { act, APPROVER, draft, expectOk, KARI, newClock, OFFICER } from '../support/bio';
import { startTestApp, type TestApp } from '../support/test-app';

const PDF = Buffer.from(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const ROGALAND_OFFICER = 'saksbehandler@rogaland.example';

interface Received {
  key: string;
  status: number;
  body: {
    format: string;
    mappe: {
      type: string;
      mappeID: string;
      registrering: {
        systemID: string;
        journalaar: number;
        journalsekvensnummer: number;
        journalposttype: { kode: string };
        journalstatus: { kode: string };
        korrespondansepart: Array<{ korrespondansepartNavn: string }>;
        dokumentbeskrivelse: Array<{
          tilknyttetRegistreringSom: string;
          dokumentobjekt: Array<{
            sjekksum: string;
            filstoerrelse: number;
            dokumentfil: string;
            format: string;
          }>;
        }>;
      };
    };
  };
}

/**
 * A stand-in archive on a real local HTTP server: it refuses the first delivery of every entry (503),
 * then keeps each entry once by its idempotency key and answers a repeat as before.
 */
function startArchive() {
  const requests: Received[] = [];
  const kept = new Map<string, Received['body']>();
  const refusedOnce = new Set<string>();
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server: Server = createServer((req, res) => {
    void read(req).then((text) => {
      const key = String(req.headers['idempotency-key']);
      const body = JSON.parse(text) as Received['body'];
      if (!refusedOnce.has(key)) {
        refusedOnce.add(key);
        requests.push({ key, status: 503, body });
        res.writeHead(503).end('busy');
        return;
      }
      if (!kept.has(key)) kept.set(key, body);
      requests.push({ key, status: 201, body });
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ systemID: `arkiv-${key}` }));
    });
  });
  return {
    requests,
    kept,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/noark5`),
        ),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Entry = {
  id: string;
  journalNumber: string;
  sequenceNumber: number;
  caseReference: string;
  caseEntryNumber: number;
  type: string;
  status: string;
  event: string;
  title: string;
  correspondent: { name: string };
  documents: Array<{ role: string; title: string; sha256: string; byteSize: number; mimeType: string }>;
  screened: boolean;
  delivery: { status: string; attempts: number };
};
type PublicEntry = {
  journalNumber: string;
  title: string;
  correspondent: string;
  documents: string[];
  screened: boolean;
  screeningBasis: string | null;
};

/** The journal (arkivloven, Noark 5): documents become numbered entries, delivered once to the archive. */
describe('journal and archive', () => {
  let t: TestApp;
  const archive = startArchive();
  beforeAll(async () => {
    const url = await archive.listen();
    t = await startTestApp({
      clock: newClock(),
      env: { ARCHIVE_ADAPTER: 'http', ARCHIVE_URL: url, ARCHIVE_RETRY_DELAY_MS: '20', OUTBOX_POLL_MS: '20' },
    });
  });
  afterAll(async () => {
    await t.close();
    await archive.close();
  });

  const journal = async (email = OFFICER, query = '') => {
    const res = await t
      .http()
      .get(`/api/v1/journal${query}`)
      .set('authorization', await t.bearer(email));
    expect(res.status).toBe(200);
    return (res.body as { items: Entry[] }).items;
  };
  /** Waits (by polling the database, bounded) until every entry of the case left `pending`. */
  const delivered = async (reference: string) => {
    for (let i = 0; i < 500; i++) {
      const [{ pending }] = await t.dataSource.query<Array<{ pending: number }>>(
        `SELECT count(*)::int AS pending FROM journal_entry j JOIN archive_delivery d ON d.journal_entry_id = j.id
          WHERE j.case_reference = $1 AND d.status = 'pending'`,
        [reference],
      );
      if (pending === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`entries of ${reference} still pending`);
  };
  const upload = async (id: string) =>
    t
      .http()
      .post(`/api/v1/applications/${id}/attachments?kind=training_plan`)
      .set('authorization', await t.bearer(KARI))
      .attach('file', PDF, { filename: 'Opplæringsplan Kari Nordmann.pdf', contentType: 'application/pdf' });

  it('journals a submission as an incoming entry with its attachment, delivered once though the archive failed first', async () => {
    const { id, reference } = await draft(t);
    expect((await upload(id)).status).toBe(201);
    await expectOk(act(t, KARI, id, 'submit'));
    const [entry] = await journal(OFFICER, `?case=${reference}`);
    expect(entry).toMatchObject({
      caseReference: reference,
      caseEntryNumber: 1,
      type: 'I',
      status: 'J',
      event: 'application_submitted',
      screened: false,
    });
    expect(entry.documents.map((d) => [d.role, d.mimeType, d.title])).toEqual([
      ['H', 'application/json', 'Søknad om tilskudd'],
      ['V', 'application/pdf', 'Vedlegg: opplæringsplan'],
    ]);
    expect(entry.documents[1]).toMatchObject({
      byteSize: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });

    await delivered(reference);
    const calls = archive.requests.filter((r) => r.key === entry.id);
    expect(calls.map((c) => c.status)).toEqual([503, 201]);
    expect(archive.kept.has(entry.id)).toBe(true);
    const [row] = await t.dataSource.query<
      Array<{ status: string; attempts: number; archive_reference: string }>
    >(`SELECT status, attempts, archive_reference FROM archive_delivery WHERE journal_entry_id = $1`, [
      entry.id,
    ]);
    expect(row).toEqual({ status: 'delivered', attempts: 2, archive_reference: `arkiv-${entry.id}` });
    expect((await journal(OFFICER, `?case=${reference}`))[0].delivery).toMatchObject({
      status: 'delivered',
      attempts: 2,
    });

    // The record: a saksmappe holding the journalpost, each file inline with its checksum and size.
    const record = archive.kept.get(entry.id)!;
    expect(record.mappe).toMatchObject({ type: 'saksmappe', mappeID: reference });
    const r = record.mappe.registrering;
    expect(r).toMatchObject({
      systemID: entry.id,
      journalaar: 2026,
      journalsekvensnummer: entry.sequenceNumber,
      journalposttype: { kode: 'I' },
      journalstatus: { kode: 'J' },
    });
    expect(r.dokumentbeskrivelse.map((d) => d.tilknyttetRegistreringSom)).toEqual([
      'Hoveddokument',
      'Vedlegg',
    ]);
    for (const d of r.dokumentbeskrivelse) {
      const [o] = d.dokumentobjekt;
      const bytes = Buffer.from(o.dokumentfil, 'base64');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(o.sjekksum);
      expect(bytes.length).toBe(o.filstoerrelse);
    }
    expect(Buffer.from(r.dokumentbeskrivelse[1].dokumentobjekt[0].dokumentfil, 'base64')).toEqual(PDF);
  });

  it('journals a decision letter as an outgoing entry, sent (E), with the PDF as kept', async () => {
    const { id, reference } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    await expectOk(act(t, OFFICER, id, 'recommend-grant', { amount: 25_000_000, notes: 'Solid plan' }));
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    const entries = await journal(OFFICER, `?case=${reference}`);
    expect(entries.map((e) => [e.caseEntryNumber, e.type, e.status, e.event])).toEqual([
      [2, 'U', 'E', 'decision_letter'],
      [1, 'I', 'J', 'application_submitted'],
    ]);
    const [letter] = await t.dataSource.query<Array<{ sha256: string; byte_size: number }>>(
      `SELECT sha256, byte_size FROM decision_letter WHERE application_id = $1`,
      [id],
    );
    expect(entries[0].documents).toEqual([
      expect.objectContaining({
        role: 'H',
        mimeType: 'application/pdf',
        sha256: letter.sha256,
        byteSize: letter.byte_size,
      }),
    ]);
    expect(entries[0].title).toContain('Tilsagn om tilskudd');
    await delivered(reference);
    const kept = archive.kept.get(entries[0].id)!;
    expect(kept.mappe.registrering.journalposttype.kode).toBe('U');
    expect(kept.mappe.registrering.dokumentbeskrivelse[0].dokumentobjekt[0].sjekksum).toBe(letter.sha256);
  });

  it("numbers the county's entries per year without gaps; a refused command takes no number", async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    expect((await act(t, KARI, id, 'submit')).status).toBe(409);
    const numbers = (await journal()).map((e) => e.sequenceNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const [{ last }] = await t.dataSource.query<Array<{ last: number }>>(
      `SELECT last_number AS last FROM journal_sequence s JOIN county c ON c.id = s.county_id
        WHERE c.code = '50' AND s.journal_year = 2026`,
    );
    expect(last).toBe(numbers.length);
  });

  it("screens a private person's name in the public journal; the county's staff see it", async () => {
    const name = 'Per Hansen Sveis';
    const organisationId = await soleProprietorship(t, name);
    const { id, reference } = await draft(t, { organisationId });
    await expectOk(act(t, KARI, id, 'submit'));
    const company = await draft(t);
    await expectOk(act(t, KARI, company.id, 'submit'));
    const [staffView] = await journal(OFFICER, `?case=${reference}`);
    expect(staffView).toMatchObject({ screened: true, correspondent: { name } });
    expect(staffView.title).toContain(name);

    const res = await t.http().get('/api/v1/public/journal?county=50');
    expect(res.status).toBe(200);
    const items = (res.body as { items: PublicEntry[] }).items;
    const screened = items.find((e) => e.journalNumber === staffView.journalNumber)!;
    expect(screened).toMatchObject({
      correspondent: '*****',
      documents: [],
      screened: true,
      screeningBasis: expect.stringContaining('Offl. § 13') as string,
    });
    expect(screened.title).not.toContain('Per Hansen');
    expect(JSON.stringify(res.body)).not.toContain('Per Hansen');
    // A company's name is public, with its documents' titles.
    const open = items.find((e) => e.title.includes(company.reference))!;
    expect(open).toMatchObject({ screened: false, screeningBasis: null });
    expect(open.correspondent).toMatch(/^Testbedrift \d+ AS$/);
    expect(open.documents.length).toBeGreaterThan(0);
  });

  it('shows another county nothing, and refuses what is not the journal to read', async () => {
    expect(await journal(ROGALAND_OFFICER)).toEqual([]);
    const rogaland = await t.http().get('/api/v1/public/journal?county=11');
    expect(rogaland.status).toBe(200);
    expect((rogaland.body as { items: unknown[] }).items).toEqual([]);
    expect((await t.http().get('/api/v1/public/journal/counties')).body).toEqual([
      { code: '11', name: 'Rogaland fylkeskommune' },
      { code: '50', name: 'Trøndelag fylkeskommune' },
    ]);
    expect((await t.http().get('/api/v1/public/journal?county=99')).status).toBe(404);
    expect((await t.http().get('/api/v1/public/journal?county=trøndelag')).status).toBe(400);
    expect((await t.http().get('/api/v1/journal')).status).toBe(401);
    expect(
      (
        await t
          .http()
          .get('/api/v1/journal')
          .set('authorization', await t.bearer(KARI))
      ).status,
    ).toBe(403);
    const someDay = await journal(OFFICER, '?from=2026-01-01&to=2026-01-31');
    expect(someDay).toEqual([]);
  });
});

let serial = 0;

/** A sole proprietorship (enkeltpersonforetak) registered by Kari: its name is a private person's. */
async function soleProprietorship(t: TestApp, name: string): Promise<string> {
  for (;;) {
    const base = String(70_000_000 + (process.pid % 10_000) * 1000 + ++serial).slice(-8);
    const check = organisationNumberCheckDigit(base);
    if (check === null) continue;
    const res = await t
      .http()
      .post('/api/v1/organisations')
      .set('authorization', await t.bearer(KARI))
      .send({
        organisationNumber: `${base}${check}`,
        name,
        form: 'ENK',
        municipalityNumber: '5001',
        industryCode: '25.110',
        employeeCount: 12,
      });
    if (res.status === 409) continue;
    if (res.status !== 201) throw new Error(`organisation: ${res.status} ${res.text}`);
    return (res.body as { id: string }).id;
  }
}
