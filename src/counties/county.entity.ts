import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A county authority (fylkeskommune): the tenant that owns schemes, frames and calls, and employs staff. */
@Entity({ name: 'county' })
@Check('county_code_format', `"code" ~ '^[0-9]{2}$'`)
@Index('county_code_key', ['code'], { unique: true })
export class County {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'county_pkey' })
  id!: string;

  /** Two-digit county number (fylkesnummer), e.g. "50" for Trøndelag; prefixes its municipality numbers. */
  @Column({ type: 'varchar', length: 2 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
