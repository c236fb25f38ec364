import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LetterInputs, LetterKind } from './decision-letter.template';

/**
 * A letter sent on a case (a decision, a settlement, a repayment claim, a deadline extension): append-only. The PDF is kept as sent, with the
 * inputs it was drawn from: the same inputs draw the same bytes (with the library versions pinned),
 * and a later upgrade of the PDF library never changes a letter already sent.
 */
@Entity({ name: 'decision_letter' })
@Check(
  'decision_letter_kind',
  `"kind" IN ('grant', 'rejection', 'cancellation', 'settlement', 'appeal_outcome', 'appeal_forwarded', 'repayment_claim', 'extension_granted', 'extension_refused')`,
)
@Check('decision_letter_sha256_hex', `"sha256" ~ '^[0-9a-f]{64}$'`)
@Check('decision_letter_byte_size_positive', `"byte_size" > 0`)
@Check('decision_letter_pdf_size', `octet_length("pdf") = "byte_size"`)
@Index('decision_letter_application_idx', ['applicationId', 'createdAt'])
export class DecisionLetter {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'decision_letter_pkey' })
  id!: string;

  @ForeignKey('application', { name: 'decision_letter_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  kind!: LetterKind;

  /** Everything the letter says: the PDF is drawn from this alone. */
  @Column({ type: 'jsonb' })
  inputs!: LetterInputs;

  /** Hex SHA-256 of the PDF bytes as sent. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize!: number;

  /** The PDF as sent; read only when it is downloaded. */
  @Column({ type: 'bytea', select: false })
  pdf!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
