import { createHash } from 'node:crypto';
import type { JournalEntry } from './journal-entry.entity';
import { noark5Record } from './noark5-record';

const bytes = Buffer.from('{"a":1}\n');
const sha = createHash('sha256').update(bytes).digest('hex');

const entry = (overrides: Partial<JournalEntry> = {}): JournalEntry => ({
  id: '11111111-1111-4111-8111-111111111111',
  countyId: 'c',
  applicationId: 'a',
  caseReference: 'BIO-2026-000001',
  journalYear: 2026,
  sequenceNumber: 7,
  caseEntryNumber: 2,
  type: 'U',
  status: 'E',
  event: 'decision_letter',
  sourceId: 's',
  title: 'Tilsagn om tilskudd – BIO-2026-000001 – Per Hansen Sveis',
  publicTitle: 'Tilsagn om tilskudd – BIO-2026-000001 – *****',
  correspondent: { name: 'Per Hansen Sveis', organisationNumber: '921456786', privatePerson: true },
  journalDate: '2026-02-02',
  documentDate: new Date('2026-02-02T08:00:00Z'),
  documents: [
    {
      number: 1,
      role: 'H',
      title: 'Tilsagn om tilskudd',
      mimeType: 'application/pdf',
      fileName: 'vedtak.pdf',
      byteSize: bytes.length,
      sha256: sha,
      source: { kind: 'generated' },
    },
  ],
  generatedDocument: null,
  screened: true,
  screeningBasis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1',
  createdAt: new Date('2026-02-02T08:00:00Z'),
  ...overrides,
});

const kase = { countyName: 'Trøndelag fylkeskommune', schemeName: 'BIO', caseDate: '2026-01-20' };

describe('noark5Record', () => {
  it('is a saksmappe holding the journalpost, its file inline with checksum and size', () => {
    const e = entry();
    const record = noark5Record(e, kase, [{ document: e.documents[0], bytes }]);
    expect(record.mappe).toMatchObject({
      type: 'saksmappe',
      mappeID: 'BIO-2026-000001',
      saksdato: '2026-01-20',
    });
    const r = record.mappe.registrering;
    expect(r).toMatchObject({
      type: 'journalpost',
      systemID: e.id,
      journalaar: 2026,
      journalsekvensnummer: 7,
      journalpostnummer: 2,
      journalposttype: { kode: 'U', kodenavn: 'Utgående dokument' },
      journalstatus: { kode: 'E', kodenavn: 'Ekspedert' },
      sendtDato: '2026-02-02T08:00:00.000Z',
      korrespondansepart: [
        { korrespondanseparttype: 'Mottaker', korrespondansepartNavn: 'Per Hansen Sveis' },
      ],
      skjerming: { tilgangsrestriksjon: '13', skjermingshjemmel: e.screeningBasis },
    });
    expect(r).not.toHaveProperty('mottattDato');
    const [d] = r.dokumentbeskrivelse;
    expect(d).toMatchObject({
      dokumentnummer: 1,
      tilknyttetRegistreringSom: 'Hoveddokument',
      dokumenttype: 'Brev',
    });
    expect(d.dokumentobjekt[0]).toMatchObject({
      sjekksum: sha,
      sjekksumAlgoritme: 'SHA-256',
      filstoerrelse: bytes.length,
      dokumentfil: bytes.toString('base64'),
    });
  });

  it('names the sender of an incoming entry, and says nothing of screening for an open one', () => {
    const e = entry({ type: 'I', status: 'J', screened: false, screeningBasis: null });
    const r = noark5Record(e, kase, []).mappe.registrering;
    expect(r.korrespondansepart[0].korrespondanseparttype).toBe('Avsender');
    expect(r).toMatchObject({ mottattDato: '2026-02-02T08:00:00.000Z' });
    expect(r).not.toHaveProperty('skjerming');
  });
});
