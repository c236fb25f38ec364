import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An internal note (internt notat) on a case, written by the county's staff and never shown to the
 * applicant. Append-only like the rest of the case record: a note is corrected by another note.
 */
@Entity({ name: 'case_note' })
@Index('case_note_application_idx', ['applicationId', 'createdAt'])
export class CaseNote {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_note_pkey' })
  id!: string;

  @ForeignKey('application', { name: 'case_note_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ForeignKey('user_account', { name: 'case_note_author_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @Column({ type: 'text' })
  text!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
