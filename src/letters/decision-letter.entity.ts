import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionLetterInputs, LetterKind } from './decision-letter.template';

/**
 * A decision letter (vedtaksbrev) sent on a case: append-only. The PDF is not stored; it is drawn
 * again from the stored inputs, and its SHA-256 must match the one recorded when it was sent.
 */
@Entity({ name: 'decision_letter' })
@Check(
  'decision_letter_kind',
  `"kind" IN ('grant', 'rejection', 'cancellation', 'settlement', 'appeal_outcome')`,
)
@Check('decision_letter_sha256_hex', `"sha256" ~ '^[0-9a-f]{64}$'`)
@Check('decision_letter_byte_size_positive', `"byte_size" > 0`)
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
  inputs!: DecisionLetterInputs;

  /** Hex SHA-256 of the PDF bytes as sent. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
