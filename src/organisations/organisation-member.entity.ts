import { CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** An applicant user's right to act for an organisation. */
@Entity({ name: 'organisation_member' })
@Index('organisation_member_organisation_idx', ['organisationId'])
export class OrganisationMember {
  @ForeignKey('user_account', { name: 'organisation_member_user_fk', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'organisation_member_pkey' })
  userId!: string;

  @ForeignKey('organisation', { name: 'organisation_member_organisation_fk', onDelete: 'CASCADE' })
  @PrimaryColumn({
    name: 'organisation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'organisation_member_pkey',
  })
  organisationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
