import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * The last case number (saksnummer) given in one county, scheme and year. A submission takes the
 * next one by updating this row, so the row stays locked until the submission commits: numbers are
 * given in commit order, and a submission that is rolled back gives its number back.
 */
@Entity({ name: 'case_number_counter' })
@Check('case_number_counter_last_positive', `"last_number" >= 1`)
@Check('case_number_counter_year', `"year" BETWEEN 2000 AND 2100`)
export class CaseNumberCounter {
  @ForeignKey('county', { name: 'case_number_counter_county_fk', onDelete: 'RESTRICT' })
  @PrimaryColumn({ name: 'county_id', type: 'uuid', primaryKeyConstraintName: 'case_number_counter_pkey' })
  countyId!: string;

  @PrimaryColumn({ name: 'scheme_id', type: 'text', primaryKeyConstraintName: 'case_number_counter_pkey' })
  schemeId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'case_number_counter_pkey' })
  year!: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber!: number;
}
