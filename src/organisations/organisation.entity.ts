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
import { ORGANISATION_FORM_CODES, type OrganisationForm } from '@lib/common';

/**
 * An applicant: a company, municipality or other body registered in the Brønnøysund register. Its
 * name, form, municipality, industry, employees and status are the register's (Enhetsregisteret),
 * as last read at `registerCheckedAt`; no user types them.
 */
@Entity({ name: 'organisation' })
@Check('organisation_number_format', `"organisation_number" ~ '^[0-9]{9}$'`)
@Check('organisation_municipality_format', `"municipality_number" ~ '^[0-9]{4}$'`)
@Check('organisation_industry_code_format', `"industry_code" ~ '^[0-9]{2}(\\.[0-9]{1,3})?$'`)
@Check('organisation_form_known', `"form" IN (${ORGANISATION_FORM_CODES.map((c) => `'${c}'`).join(', ')})`)
@Check('organisation_employee_count_positive', `"employee_count" >= 0`)
@Check('organisation_payout_account_format', `"payout_account" ~ '^[0-9]{11}$'`)
@Index('organisation_number_key', ['organisationNumber'], { unique: true })
@Index('organisation_county_name_idx', ['countyId', 'name', 'id'])
export class Organisation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisation_pkey' })
  id!: string;

  /** Nine digits with a MOD11 check digit (organisasjonsnummer). */
  @Column({ name: 'organisation_number', type: 'char', length: 9 })
  organisationNumber!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  form!: OrganisationForm;

  /** Four-digit municipality number (kommunenummer) of the business address. */
  @Column({ name: 'municipality_number', type: 'char', length: 4 })
  municipalityNumber!: string;

  /** Industry code (næringskode, NACE / SN2007), e.g. "25.110". */
  @Column({ name: 'industry_code', type: 'varchar', length: 6 })
  industryCode!: string;

  /** antallAnsatte; null when the register publishes none. */
  @Column({ name: 'employee_count', type: 'integer', nullable: true })
  employeeCount!: number | null;

  /** When the register values were last read; null for rows from before they were. */
  @Column({ name: 'register_checked_at', type: 'timestamptz', nullable: true })
  registerCheckedAt!: Date | null;

  /** konkurs */
  @Column({ type: 'boolean', default: false })
  bankrupt!: boolean;

  /** underAvvikling */
  @Column({ name: 'under_liquidation', type: 'boolean', default: false })
  underLiquidation!: boolean;

  /** underTvangsavviklingEllerTvangsopplosning */
  @Column({ name: 'under_forced_dissolution', type: 'boolean', default: false })
  underForcedDissolution!: boolean;

  /** slettedato: deleted from the register (or removed for legal reasons) on this date. */
  @Column({ name: 'deleted_on', type: 'date', nullable: true })
  deletedOn!: string | null;

  /**
   * The account grants are paid to (kontonummer for utbetaling): 11 digits with a MOD11 check digit,
   * set by the organisation's users; null until they do.
   */
  @Column({ name: 'payout_account', type: 'char', length: 11, nullable: true })
  payoutAccount!: string | null;

  /** The county whose staff handle this organisation, derived from the municipality number. */
  @ForeignKey('county', { name: 'organisation_county_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'county_id', type: 'uuid', nullable: true })
  countyId!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
