import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An invitation to a new staff user to set their password (invitasjon). The link in the e-mail
 * carries a random token; only its SHA-256 hash is kept, so the table alone opens no account. It
 * works once, and not after `expiresAt`.
 */
@Entity({ name: 'staff_invitation' })
@Index('staff_invitation_token_hash_key', ['tokenHash'], { unique: true })
@Index('staff_invitation_user_idx', ['userId', 'createdAt'])
export class StaffInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'staff_invitation_pkey' })
  id!: string;

  @ForeignKey('user_account', { name: 'staff_invitation_user_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** SHA-256 of the token, hex. */
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @ForeignKey('user_account', { name: 'staff_invitation_invited_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'invited_by_user_id', type: 'uuid' })
  invitedByUserId!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** When the password was set with it; null while it is still open. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
