import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** Noark 5 journalposttype, the small subset the service writes: I (incoming) and U (outgoing). */
export const JOURNAL_ENTRY_TYPES = ['I', 'U'] as const;
export type JournalEntryType = (typeof JOURNAL_ENTRY_TYPES)[number];

/** Noark 5 journalstatus, the subset the service writes: J (journalført) for incoming, E (ekspedert) for sent. */
export const JOURNAL_STATUSES = ['J', 'E'] as const;
export type JournalStatus = (typeof JOURNAL_STATUSES)[number];

/** What the document event was. */
export const JOURNAL_EVENTS = [
  'application_submitted',
  'decision_letter',
  'payout_request',
  'interim_report',
] as const;
export type JournalEvent = (typeof JOURNAL_EVENTS)[number];

/** Where a document's bytes are read from when the entry is delivered. */
export type JournalDocumentSource =
  | { readonly kind: 'generated' }
  | { readonly kind: 'decision_letter'; readonly id: string }
  | { readonly kind: 'attachment'; readonly id: string };

/** One document of an entry (dokumentbeskrivelse with its one dokumentobjekt). */
export interface JournalDocument {
  /** dokumentnummer, 1 for the main document. */
  readonly number: number;
  /** tilknyttetRegistreringSom: H (hoveddokument) or V (vedlegg). */
  readonly role: 'H' | 'V';
  readonly title: string;
  readonly mimeType: string;
  readonly fileName: string;
  readonly byteSize: number;
  /** Hex SHA-256 of the bytes (sjekksum, sjekksumAlgoritme SHA-256). */
  readonly sha256: string;
  readonly source: JournalDocumentSource;
}

/** The correspondent (korrespondansepart): the organisation the document came from or went to. */
export interface JournalCorrespondent {
  readonly name: string;
  readonly organisationNumber: string;
  /** A private person (a sole proprietorship's name is its owner's): screened in the public journal. */
  readonly privatePerson: boolean;
}

/**
 * A registry entry (journalpost) of the county's journal: one incoming or outgoing document with its
 * attachments, on the case (saksmappe) of its application. Append-only. Numbered without gaps per
 * county and journal year (journalsekvensnummer), and per case (journalpostnummer).
 */
@Entity({ name: 'journal_entry' })
@Check('journal_entry_type', `"type" IN ('I', 'U')`)
@Check('journal_entry_status', `"status" IN ('J', 'E')`)
@Check(
  'journal_entry_event',
  `"event" IN ('application_submitted', 'decision_letter', 'payout_request', 'interim_report')`,
)
@Check('journal_entry_sequence_positive', `"sequence_number" > 0 AND "case_entry_number" > 0`)
@Check('journal_entry_screening', `("screening_basis" IS NULL) = (NOT "screened")`)
@Index('journal_entry_sequence_key', ['countyId', 'journalYear', 'sequenceNumber'], { unique: true })
@Index('journal_entry_case_number_key', ['applicationId', 'caseEntryNumber'], { unique: true })
@Index('journal_entry_county_date_idx', ['countyId', 'journalDate', 'sequenceNumber'])
export class JournalEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'journal_entry_pkey' })
  id!: string;

  @ForeignKey('county', { name: 'journal_entry_county_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @ForeignKey('application', { name: 'journal_entry_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  /** The case (saksmappe): the application's case reference. */
  @Column({ name: 'case_reference', type: 'text' })
  caseReference!: string;

  /** journalaar */
  @Column({ name: 'journal_year', type: 'integer' })
  journalYear!: number;

  /** journalsekvensnummer: 1, 2, 3 … per county and journal year, without gaps. */
  @Column({ name: 'sequence_number', type: 'integer' })
  sequenceNumber!: number;

  /** journalpostnummer: the entry's number within its case, 1, 2, 3 … */
  @Column({ name: 'case_entry_number', type: 'integer' })
  caseEntryNumber!: number;

  @Column({ type: 'text' })
  type!: JournalEntryType;

  @Column({ type: 'text' })
  status!: JournalStatus;

  @Column({ type: 'text' })
  event!: JournalEvent;

  /** What happened to whom (the source row: letter, payout request, interim report version). */
  @Column({ name: 'source_id', type: 'uuid' })
  sourceId!: string;

  /** tittel */
  @Column({ type: 'text' })
  title!: string;

  /** offentligTittel: the title with what is screened left out. */
  @Column({ name: 'public_title', type: 'text' })
  publicTitle!: string;

  @Column({ type: 'jsonb' })
  correspondent!: JournalCorrespondent;

  /** journaldato: the day (Norwegian time) it was registered. */
  @Column({ name: 'journal_date', type: 'date' })
  journalDate!: string;

  /** dokumentetsDato: when it was sent (incoming) or issued (outgoing). */
  @Column({ name: 'document_date', type: 'timestamptz' })
  documentDate!: Date;

  @Column({ type: 'jsonb' })
  documents!: JournalDocument[];

  /** The bytes of the generated main document (a submitted form as JSON), when it has one. */
  @Column({ name: 'generated_document', type: 'bytea', nullable: true, select: false })
  generatedDocument!: Buffer | null;

  /** Parts of the entry are exempt from public access (skjerming). */
  @Column({ type: 'boolean' })
  screened!: boolean;

  /** skjermingshjemmel, when screened. */
  @Column({ name: 'screening_basis', type: 'text', nullable: true })
  screeningBasis!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The last journalsekvensnummer per county and journal year; the row lock keeps the numbers gapless. */
@Entity({ name: 'journal_sequence' })
export class JournalSequence {
  @PrimaryColumn({ name: 'county_id', type: 'uuid', primaryKeyConstraintName: 'journal_sequence_pkey' })
  countyId!: string;

  @PrimaryColumn({ name: 'journal_year', type: 'integer', primaryKeyConstraintName: 'journal_sequence_pkey' })
  journalYear!: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber!: number;
}

/** pending until the archive took it; logged when no archive is configured (the `none` adapter). */
export const ARCHIVE_DELIVERY_STATUSES = ['pending', 'delivered', 'logged', 'failed'] as const;
export type ArchiveDeliveryStatus = (typeof ARCHIVE_DELIVERY_STATUSES)[number];

/** How the delivery of one journal entry to the archive stands (the entry itself never changes). */
@Entity({ name: 'archive_delivery' })
@Check('archive_delivery_status', `"status" IN ('pending', 'delivered', 'logged', 'failed')`)
@Check('archive_delivery_delivered', `("status" IN ('delivered', 'logged')) = ("delivered_at" IS NOT NULL)`)
export class ArchiveDelivery {
  @ForeignKey('journal_entry', { name: 'archive_delivery_journal_entry_fk', onDelete: 'RESTRICT' })
  @PrimaryColumn({
    name: 'journal_entry_id',
    type: 'uuid',
    primaryKeyConstraintName: 'archive_delivery_pkey',
  })
  journalEntryId!: string;

  @Column({ type: 'text' })
  status!: ArchiveDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** What the archive called it (its systemID or URL), when it said. */
  @Column({ name: 'archive_reference', type: 'text', nullable: true })
  archiveReference!: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
