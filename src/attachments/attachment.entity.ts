import { DomainError } from '@lib/common';
import { missingAttachments, type AttachmentKind, type ResolvedAttachmentRequirement } from '@lib/engine';
import { Check, Column, Entity, EntityManager, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

/** How long an attachment is kept once its case is closed, by the archive rules it falls under. */
export const RETENTION_CLASSES = ['case_record'] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

/**
 * An attachment (vedlegg) on an application: the file's bytes are in the attachment storage under
 * `storageKey`; the row says what it is. It is the application's own, or goes with at most one of its
 * payout requests, interim reports or requests for information (the answer). Sent with what it goes
 * with (`submittedAt` set) it is part of the case record and can no longer be changed or deleted.
 */
@Entity({ name: 'attachment' })
@Index('attachment_application_idx', ['applicationId', 'uploadedAt'])
@Index('attachment_payout_request_idx', ['payoutRequestId'], { where: `"payout_request_id" IS NOT NULL` })
@Index('attachment_interim_report_idx', ['interimReportId'], { where: `"interim_report_id" IS NOT NULL` })
@Index('attachment_information_request_idx', ['informationRequestId'], {
  where: `"information_request_id" IS NOT NULL`,
})
@Check(
  'attachment_kind',
  `"kind" IN ('training_plan', 'annual_accounts', 'auditor_statement', 'course_certificate', 'receipts', 'other')`,
)
@Check(
  'attachment_one_owner',
  `num_nonnulls("payout_request_id", "interim_report_id", "information_request_id") <= 1`,
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

  /** The payout request it goes with, if any. */
  @ForeignKey('payout_request', { name: 'attachment_payout_request_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'payout_request_id', type: 'uuid', nullable: true })
  payoutRequestId!: string | null;

  /** The interim report it goes with, if any. */
  @ForeignKey('interim_report', { name: 'attachment_interim_report_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'interim_report_id', type: 'uuid', nullable: true })
  interimReportId!: string | null;

  /** The request for information (its REQUEST_INFO record in the case history) whose answer it goes with. */
  @ForeignKey('audit_record', { name: 'attachment_information_request_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'information_request_id', type: 'bigint', nullable: true })
  informationRequestId!: string | null;

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

/** What an attachment goes with, by its owner's column: none is the application's own. */
export type AttachmentOwnerRef =
  | { readonly payoutRequestId: string }
  | { readonly interimReportId: string }
  | { readonly informationRequestId: string }
  | Record<string, never>;

/**
 * Sends the attachments of what is being sent (the application, an answer, a payout request, an
 * interim report): every kind `requirements` requires must be there (422 `attachments_missing`
 * naming them), and those not yet sent are sent now, fixed from then on. With an answer, the
 * application's own not yet sent go too (uploaded before answers had their own).
 */
export async function sendOwnAttachments(
  tx: EntityManager,
  applicationId: string,
  owner: AttachmentOwnerRef,
  requirements: readonly ResolvedAttachmentRequirement[],
  now: Date,
): Promise<void> {
  const [column, value] = Object.entries(owner)[0] ?? [null, null];
  const query = tx
    .createQueryBuilder(Attachment, 'a')
    .select(['a.id', 'a.kind'])
    .where('a.application_id = :applicationId', { applicationId });
  const own = (q: typeof query) => {
    if (column === 'payoutRequestId') return q.andWhere('a.payout_request_id = :value', { value });
    if (column === 'interimReportId') return q.andWhere('a.interim_report_id = :value', { value });
    const bare = 'a.payout_request_id IS NULL AND a.interim_report_id IS NULL';
    if (column === 'informationRequestId')
      return q.andWhere(
        `(a.information_request_id = :value OR (${bare} AND a.information_request_id IS NULL AND a.submitted_at IS NULL))`,
        { value },
      );
    return q.andWhere(`${bare} AND a.information_request_id IS NULL`);
  };
  const carried = await own(query).getMany();
  const missing = missingAttachments(
    requirements,
    carried.map((a) => a.kind),
  );
  if (missing.length)
    throw new DomainError(
      'unprocessable',
      'attachments_missing',
      `Attachments that must go with it are missing: ${missing.join(', ')}`,
      { missing },
    );
  const ids = carried.map((a) => a.id);
  if (!ids.length) return;
  await tx
    .createQueryBuilder()
    .update(Attachment)
    .set({ submittedAt: now })
    .where('id IN (:...ids) AND submitted_at IS NULL', { ids })
    .execute();
}

/** The last request for information of a case (its REQUEST_INFO record): the one an answer answers. */
export async function lastInformationRequest(
  tx: EntityManager,
  applicationId: string,
): Promise<{ readonly id: string; readonly seq: number } | null> {
  const [row] = await tx.query<Array<{ id: string; seq: string }>>(
    `SELECT id, seq FROM audit_record WHERE application_id = $1 AND event = 'REQUEST_INFO' ORDER BY seq DESC LIMIT 1`,
    [applicationId],
  );
  return row ? { id: String(row.id), seq: Number(row.seq) } : null;
}
