import type { JournalDocument, JournalEntry } from './journal-entry.entity';

/** Bytes of one document, read when the entry is delivered. */
export interface DocumentBytes {
  readonly document: JournalDocument;
  readonly bytes: Buffer;
}

/** What the case (saksmappe) is, beside the entry. */
export interface CaseFacts {
  readonly countyName: string;
  readonly schemeName: string;
  readonly caseDate: string;
}

const JOURNALPOSTTYPE = { I: 'Inngående dokument', U: 'Utgående dokument' } as const;
const JOURNALSTATUS = { J: 'Journalført', E: 'Ekspedert' } as const;

/** The format of this JSON, named in every delivery so an archive can tell versions apart. */
export const NOARK5_RECORD_FORMAT = 'grant-engine/noark5-arkivstruktur/1';

/**
 * One journal entry as JSON shaped after Noark 5's arkivstruktur: a mappe (saksmappe, the case)
 * holding one registrering (journalpost), its dokumentbeskrivelser each with one dokumentobjekt whose
 * file travels inline as base64 (`dokumentfil`) with its SHA-256 and size. `systemID` of the
 * journalpost is the entry's id: the archive's key for recognising a repeated delivery.
 */
export function noark5Record(entry: JournalEntry, kase: CaseFacts, files: readonly DocumentBytes[]) {
  const korrespondansepart = {
    korrespondanseparttype: entry.type === 'I' ? 'Avsender' : 'Mottaker',
    korrespondansepartNavn: entry.correspondent.name,
    organisasjonsnummer: entry.correspondent.organisationNumber,
  };
  return {
    format: NOARK5_RECORD_FORMAT,
    mappe: {
      type: 'saksmappe',
      mappeID: entry.caseReference,
      referanseEksternNoekkel: { fagsystem: 'grant-engine', noekkel: entry.applicationId },
      tittel: `${kase.schemeName} – ${entry.caseReference}`,
      saksdato: kase.caseDate,
      administrativEnhet: kase.countyName,
      registrering: {
        type: 'journalpost',
        systemID: entry.id,
        journalaar: entry.journalYear,
        journalsekvensnummer: entry.sequenceNumber,
        journalpostnummer: entry.caseEntryNumber,
        journalposttype: { kode: entry.type, kodenavn: JOURNALPOSTTYPE[entry.type] },
        journalstatus: { kode: entry.status, kodenavn: JOURNALSTATUS[entry.status] },
        journaldato: entry.journalDate,
        dokumentetsDato: entry.documentDate.toISOString(),
        ...(entry.type === 'I'
          ? { mottattDato: entry.documentDate.toISOString() }
          : { sendtDato: entry.documentDate.toISOString() }),
        tittel: entry.title,
        offentligTittel: entry.publicTitle,
        korrespondansepart: [korrespondansepart],
        ...(entry.screened
          ? {
              skjerming: {
                tilgangsrestriksjon: '13',
                skjermingshjemmel: entry.screeningBasis,
                skjermingMetadata: ['tittel', 'korrespondansepartNavn'],
              },
            }
          : {}),
        dokumentbeskrivelse: files.map(({ document: d, bytes }) => ({
          dokumentnummer: d.number,
          tilknyttetRegistreringSom: d.role === 'H' ? 'Hoveddokument' : 'Vedlegg',
          dokumenttype: d.role === 'H' ? (entry.type === 'I' ? 'Søknad' : 'Brev') : 'Vedlegg',
          dokumentstatus: 'Dokumentet er ferdigstilt',
          tittel: d.title,
          dokumentobjekt: [
            {
              versjonsnummer: 1,
              variantformat: 'Produksjonsformat',
              format: d.mimeType,
              mimeType: d.mimeType,
              filnavn: d.fileName,
              sjekksum: d.sha256,
              sjekksumAlgoritme: 'SHA-256',
              filstoerrelse: d.byteSize,
              dokumentfil: bytes.toString('base64'),
            },
          ],
        })),
      },
    },
  };
}

export type Noark5Record = ReturnType<typeof noark5Record>;
