import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

/**
 * One grant's money on one frame (a commitment, tilsagn): what was committed to it and what has
 * since been released, paid, repaid or carried over. The CHECKs make it impossible to pay or release
 * more than is outstanding, or to take back more than was paid.
 */
@Entity({ name: 'grant_position' })
@Index('grant_position_application_idx', ['applicationId'])
// Positions with money outstanding (the payments due), partial on an expression: the migration makes it.
@Index('grant_position_outstanding_idx', { synchronize: false })
@Check(
  'grant_position_non_negative',
  `"committed" >= 0 AND "released" >= 0 AND "disbursed" >= 0 AND "repaid" >= 0 AND "carried_out" >= 0`,
)
@Check(
  'grant_position_outstanding_non_negative',
  `"committed" - "released" - "disbursed" - "carried_out" >= 0`,
)
@Check('grant_position_repaid_within_disbursed', `"repaid" <= "disbursed"`)
@Check(
  'grant_position_recipient_organisation_number_format',
  `"recipient_organisation_number" ~ '^[0-9]{9}$'`,
)
export class GrantPosition {
  @PrimaryColumn({ name: 'frame_id', type: 'uuid', primaryKeyConstraintName: 'grant_position_pkey' })
  frameId!: string;

  @PrimaryColumn({ name: 'grant_key', type: 'text', primaryKeyConstraintName: 'grant_position_pkey' })
  grantKey!: string;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  /** For a direct allocation (no application): who receives the money. */
  @Column({ type: 'text', nullable: true })
  recipient!: string | null;

  /** For a direct allocation: the recipient's organisation number (organisasjonsnummer), nine digits. */
  @Column({ name: 'recipient_organisation_number', type: 'char', length: 9, nullable: true })
  recipientOrganisationNumber!: string | null;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  committed!: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  released!: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  disbursed!: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  repaid!: number;

  @Column({ name: 'carried_out', type: 'bigint', default: 0, transformer: bigintAsNumber })
  carriedOut!: number;
}
