import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserAccount } from '../users/user.entity';
import { Organisation } from './organisation.entity';

/** An applicant user's right to act for an organisation. */
@Entity({ name: 'organisation_member' })
@Index('organisation_member_organisation_idx', ['organisationId'])
export class OrganisationMember {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'organisation_member_pkey' })
  userId!: string;

  @PrimaryColumn({
    name: 'organisation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'organisation_member_pkey',
  })
  organisationId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'organisation_member_user_fk' })
  user?: UserAccount;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_member_organisation_fk' })
  organisation?: Organisation;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
