import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ATTACHMENT_KINDS, AttachmentRequirementDto, type AttachmentKind } from '@lib/engine';
import { RETENTION_CLASSES, type RetentionClass } from './attachment.entity';

/** The query of an upload: which of the call's kinds of attachment the file is. */
export class AttachmentKindQuery {
  @ApiProperty({ enum: ATTACHMENT_KINDS, example: 'training_plan' })
  @IsIn(ATTACHMENT_KINDS)
  kind!: AttachmentKind;
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

  @ApiProperty({ type: String, nullable: true, description: 'When it was sent with the application' })
  submittedAt!: string | null;

  @ApiProperty({ enum: RETENTION_CLASSES })
  retentionClass!: RetentionClass;
}

export class AttachmentListDto {
  @ApiProperty({ type: AttachmentRequirementDto, isArray: true, description: 'The kinds the call allows' })
  requirements!: AttachmentRequirementDto[];

  @ApiProperty({ type: AttachmentDto, isArray: true, description: 'Oldest first' })
  items!: AttachmentDto[];

  @ApiProperty({ description: 'Whether the applicant may upload and delete now' })
  editable!: boolean;

  @ApiProperty({ example: 20971520, description: 'The largest file accepted, bytes' })
  maxBytes!: number;
}
