import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A county authority (fylkeskommune): the tenant that owns schemes, frames and calls, and employs staff. */
@Entity({ name: 'county' })
@Check('county_code_format', `"code" ~ '^[0-9]{2}$'`)
@Check('county_organisation_number_format', `"organisation_number" ~ '^[0-9]{9}$'`)
@Check('county_payment_account_format', `"payment_account" ~ '^[0-9]{11}$'`)
@Index('county_code_key', ['code'], { unique: true })
export class County {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'county_pkey' })
  id!: string;

  /** Two-digit county number (fylkesnummer), e.g. "50" for Trøndelag; prefixes its municipality numbers. */
  @Column({ type: 'varchar', length: 2 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The county's own organisation number: the initiating party of its payment files. */
  @Column({ name: 'organisation_number', type: 'char', length: 9, nullable: true })
  organisationNumber!: string | null;

  /** The account grants are paid from (the debtor account of its payment files); null until configured. */
  @Column({ name: 'payment_account', type: 'char', length: 11, nullable: true })
  paymentAccount!: string | null;

  /**
   * Whether the county's case officers and approvers must declare themselves impartial (habil) on a
   * case before acting on it (forvaltningsloven §§ 6–8). On unless the county turns it off.
   */
  @Column({ name: 'impartiality_required', type: 'boolean', default: true })
  impartialityRequired!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
