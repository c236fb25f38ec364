import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { Optional } from '@lib/common';
import {
  ATTACHMENT_CONTEXTS,
  ATTACHMENT_KINDS,
  ResolvedAttachmentRequirementDto,
  type AttachmentContext,
  type AttachmentKind,
} from '@lib/engine';
import { RETENTION_CLASSES, type RetentionClass } from './attachment.entity';

/** A query's digits as a number; anything else as it came, for the validator to refuse. */
const wholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;

/**
 * What the attachments go with, at most one of: a payout request (its number), an interim report
 * (its key) or a request for information (its number in the case history). None: the application's
 * own, and while the case awaits an answer, the answer's.
 */
export class AttachmentOwnerQuery {
  @ApiPropertyOptional({ example: 2, description: "A payout request's number in the case" })
  @Optional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  payoutRequest?: number;

  @ApiPropertyOptional({ example: 'yearly', description: "An interim report's key in the scheme" })
  @Optional()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'interimReport must be an interim report key such as yearly' })
  interimReport?: string;

  @ApiPropertyOptional({
    example: 7,
    description: "A request for information, by its number (seq) in the case's history: its answer's attachments",
  })
  @Optional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  informationRequest?: number;
}

/** The query of an upload: which kind of attachment the file is, and what it goes with. */
export class AttachmentKindQuery extends AttachmentOwnerQuery {
  @ApiProperty({ enum: ATTACHMENT_KINDS, example: 'training_plan' })
  @IsIn(ATTACHMENT_KINDS)
  kind!: AttachmentKind;
}

/** What an attachment goes with; null on the application's own. */
export class AttachmentOwnerDto {
  @ApiProperty({ enum: ['payout_request', 'interim_report', 'information_request'] })
  kind!: 'payout_request' | 'interim_report' | 'information_request';

  @ApiPropertyOptional({ example: 2, description: "The payout request's number" })
  payoutRequest?: number;

  @ApiPropertyOptional({ example: 'yearly', description: "The interim report's key" })
  interimReport?: string;

  @ApiPropertyOptional({ example: 7, description: "The request for information's number in the case history" })
  informationRequest?: number;
}

/** The multipart body of an upload: one file, in the field `file`. */
export class AttachmentUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file: PDF, PNG, JPEG, DOCX or XLSX' })
  file!: unknown;
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ATTACHMENT_KINDS })
  kind!: AttachmentKind;

  @ApiProperty({ example: 'opplaeringsplan.pdf', description: 'The name the file was uploaded with' })
  fileName!: string;

  @ApiProperty({ example: 'application/pdf', description: 'The media type read from the content' })
  mediaType!: string;

  @ApiProperty({ example: 48213 })
  sizeBytes!: number;

  @ApiProperty({ example: 'a3f…', description: 'SHA-256 of the bytes, hex' })
  sha256!: string;

  @ApiProperty({ example: '2026-03-01T09:30:00.000Z' })
  uploadedAt!: string;

  @ApiProperty({ example: 'Kari Nordmann' })
  uploadedByName!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When it was sent with the application, answer, payout request or report',
  })
  submittedAt!: string | null;

  @ApiProperty({ type: AttachmentOwnerDto, nullable: true, description: "What it goes with; null: the application's own" })
  owner!: AttachmentOwnerDto | null;

  @ApiProperty({ enum: RETENTION_CLASSES })
  retentionClass!: RetentionClass;
}

export class AttachmentListDto {
  @ApiProperty({ enum: ATTACHMENT_CONTEXTS, description: 'What uploads now go with, by the requirements' })
  context!: AttachmentContext;

  @ApiProperty({
    type: ResolvedAttachmentRequirementDto,
    isArray: true,
    description: 'The kinds the call allows there, and which must be there before it is sent',
  })
  requirements!: ResolvedAttachmentRequirementDto[];

  @ApiProperty({
    type: AttachmentDto,
    isArray: true,
    description: "Oldest first: the owner's, or without one the application's own and its answers'",
  })
  items!: AttachmentDto[];

  @ApiProperty({ description: 'Whether the applicant may upload and delete now' })
  editable!: boolean;

  @ApiProperty({ example: 20971520, description: 'The largest file accepted, bytes' })
  maxBytes!: number;
}
