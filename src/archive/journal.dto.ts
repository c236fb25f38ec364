import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoDate, Optional } from '@lib/common';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  ARCHIVE_DELIVERY_STATUSES,
  JOURNAL_ENTRY_TYPES,
  JOURNAL_EVENTS,
  JOURNAL_STATUSES,
  type ArchiveDeliveryStatus,
  type JournalEntryType,
  type JournalEvent,
  type JournalStatus,
} from './journal-entry.entity';

const asInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** Which days of the journal (journaldato, Norwegian time), both inclusive, and how many entries. */
export class JournalRangeQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'From this journal date, inclusive' })
  @Optional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'To this journal date, inclusive' })
  @Optional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 200 })
  @Optional()
  @Transform(asInteger)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class JournalQuery extends JournalRangeQuery {
  @ApiPropertyOptional({ example: 'BIO-2026-000123', description: "One case's entries (its case reference)" })
  @Optional()
  @IsString()
  @MaxLength(40)
  case?: string;
}

export class PublicJournalQuery extends JournalRangeQuery {
  @ApiProperty({ example: '50', description: "The county's two-digit number (fylkesnummer)" })
  @IsString()
  @Matches(/^\d{2}$/, { message: 'county must be a two-digit county number' })
  county!: string;
}

export class JournalCorrespondentDto {
  @ApiProperty({ example: 'Fjordverk Mekaniske AS' }) name!: string;
  @ApiProperty({ example: '921456786' }) organisationNumber!: string;
}

export class JournalDocumentDto {
  @ApiProperty({ example: 1, description: 'dokumentnummer' }) number!: number;
  @ApiProperty({ enum: ['H', 'V'], description: 'H: main document (hoveddokument), V: attachment (vedlegg)' })
  role!: 'H' | 'V';
  @ApiProperty({ example: 'Søknad om tilskudd' }) title!: string;
  @ApiProperty({ example: 'application/pdf' }) mimeType!: string;
  @ApiProperty({ example: 23_000 }) byteSize!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes' }) sha256!: string;
}

export class ArchiveDeliveryDto {
  @ApiProperty({
    enum: ARCHIVE_DELIVERY_STATUSES,
    description:
      'pending; delivered to the archive; logged (no archive configured); failed after the last attempt',
  })
  status!: ArchiveDeliveryStatus;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-02T10:00:01.000Z' }) deliveredAt!:
    string | null;
}

/** A registry entry (journalpost) as the county's staff read it. */
export class JournalEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026/17', description: 'journalaar/journalsekvensnummer' }) journalNumber!: string;
  @ApiProperty({ example: 2026 }) journalYear!: number;
  @ApiProperty({ example: 17, description: 'journalsekvensnummer: per county and year, without gaps' })
  sequenceNumber!: number;
  @ApiProperty({ example: 'BIO-2026-000123', description: 'The case (saksmappe)' }) caseReference!: string;
  @ApiProperty({ example: 1, description: 'journalpostnummer: the entry within its case' })
  caseEntryNumber!: number;
  @ApiProperty({ enum: JOURNAL_ENTRY_TYPES, description: 'I: incoming, U: outgoing' })
  type!: JournalEntryType;
  @ApiProperty({ enum: JOURNAL_STATUSES, description: 'J: journalført, E: ekspedert' })
  status!: JournalStatus;
  @ApiProperty({ enum: JOURNAL_EVENTS }) event!: JournalEvent;
  @ApiProperty({ example: 'Søknad om tilskudd – BIO-2026-000123 – Fjordverk Mekaniske AS' }) title!: string;
  @ApiProperty({ description: 'offentligTittel: the title as the public journal shows it' })
  publicTitle!: string;
  @ApiProperty({ type: JournalCorrespondentDto }) correspondent!: JournalCorrespondentDto;
  @ApiProperty({ example: '2026-03-02', description: 'journaldato (Norwegian time)' }) journalDate!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000Z', description: 'dokumentetsDato' }) documentDate!: string;
  @ApiProperty({ type: [JournalDocumentDto] }) documents!: JournalDocumentDto[];
  @ApiProperty({ description: 'Parts are exempt from public access (skjermet)' }) screened!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'skjermingshjemmel' }) screeningBasis!:
    string | null;
  @ApiProperty({ type: ArchiveDeliveryDto }) delivery!: ArchiveDeliveryDto;
}

export class JournalPageDto {
  @ApiProperty({ type: [JournalEntryDto] }) items!: JournalEntryDto[];
}

/** A registry entry as the public journal (offentlig journal) shows it. */
export class PublicJournalEntryDto {
  @ApiProperty({ example: '2026/17' }) journalNumber!: string;
  @ApiProperty({ example: 'BIO-2026-000123' }) caseReference!: string;
  @ApiProperty({ enum: JOURNAL_ENTRY_TYPES }) type!: JournalEntryType;
  @ApiProperty({ enum: JOURNAL_STATUSES }) status!: JournalStatus;
  @ApiProperty({ description: 'offentligTittel' }) title!: string;
  @ApiProperty({ example: 'Fjordverk Mekaniske AS', description: '***** when screened' })
  correspondent!: string;
  @ApiProperty({ example: '2026-03-02' }) journalDate!: string;
  @ApiProperty({ example: '2026-03-02', description: "The document's date (Norwegian time)" })
  documentDate!: string;
  @ApiProperty({ type: [String], description: "The documents' titles; none when the entry is screened" })
  documents!: string[];
  @ApiProperty() screened!: boolean;
  @ApiProperty({ type: String, nullable: true }) screeningBasis!: string | null;
}

/** A county whose public journal can be read. */
export class JournalCountyDto {
  @ApiProperty({ example: '50', description: 'fylkesnummer' }) code!: string;
  @ApiProperty({ example: 'Trøndelag fylkeskommune' }) name!: string;
}

export class PublicJournalPageDto {
  @ApiProperty({ example: 'Trøndelag fylkeskommune' }) countyName!: string;
  @ApiProperty({ type: [PublicJournalEntryDto] }) items!: PublicJournalEntryDto[];
}
