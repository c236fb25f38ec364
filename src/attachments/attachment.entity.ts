import type { AttachmentKind } from '@lib/engine';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

/** How long an attachment is kept once its case is closed, by the archive rules it falls under. */
export const RETENTION_CLASSES = ['case_record'] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

/**
 * An attachment (vedlegg) on an application: the file's bytes are in the attachment storage under
 * `storageKey`; the row says what it is. Sent with the application (`submittedAt` set) it is part of
 * the case record and can no longer be changed or deleted by the applicant.
 */
@Entity({ name: 'attachment' })
@Index('attachment_application_idx', ['applicationId', 'uploadedAt'])
@Check(
  'attachment_kind',
  `"kind" IN ('training_plan', 'annual_accounts', 'auditor_statement', 'course_certificate', 'other')`,
)
@Check('attachment_size_positive', `"size_bytes" > 0`)
@Check('attachment_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
@Check('attachment_retention_class', `"retention_class" IN ('case_record')`)
export class Attachment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'attachment_pkey' })
  id!: string;

  @ForeignKey('application', { name: 'attachment_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  kind!: AttachmentKind;

  /** The name the file was uploaded with, for people; never used as a path. */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  /** The media type read from the content. */
  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: bigintAsNumber })
  sizeBytes!: number;

  /** SHA-256 of the bytes, hex. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @ForeignKey('user_account', { name: 'attachment_uploaded_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;

  /** When it was sent with the application (or an answer or a report); null while it is a draft's. */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'retention_class', type: 'text' })
  retentionClass!: RetentionClass;
}
