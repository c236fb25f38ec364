import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { StaffRole } from '@lib/common';

export type UserKind = 'applicant' | 'staff';

/**
 * A person who logs in. Applicants act for the organisations they are members of; staff work for
 * one county with one or more roles.
 */
@Entity({ name: 'user_account' })
@Check('user_account_kind', `"kind" IN ('applicant', 'staff')`)
@Check('user_account_staff_has_county', `("kind" = 'staff') = ("county_id" IS NOT NULL)`)
@Check('user_account_roles_known', `"roles" <@ ARRAY['case_officer', 'approver', 'finance', 'admin']::text[]`)
@Check('user_account_applicant_no_roles', `"kind" = 'staff' OR cardinality("roles") = 0`)
@Check('user_account_email_lower', `"email" = lower("email")`)
@Index('user_account_email_key', ['email'], { unique: true })
@Index('user_account_county_idx', ['countyId'])
export class UserAccount {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'user_account_pkey' })
  id!: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  /** argon2id hash (PHC string); null for users who only sign in through an external provider. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'text' })
  kind!: UserKind;

  @ForeignKey('county', { name: 'user_account_county_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'county_id', type: 'uuid', nullable: true })
  countyId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: StaffRole[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** An administrator's change names the version it is based on; a stale one is refused. */
  @VersionColumn({ default: 1 })
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
