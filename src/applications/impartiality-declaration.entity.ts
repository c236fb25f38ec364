import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Whether a member of staff is impartial (habil) or partial (inhabil) on a case. */
export const IMPARTIALITY_VERDICTS = ['impartial', 'partial'] as const;
export type ImpartialityVerdict = (typeof IMPARTIALITY_VERDICTS)[number];

/**
 * Why someone is partial, after forvaltningsloven § 6: is a party (a); related to a party by blood,
 * marriage or as guardian (b, c); represents a party (d); leads or sits on the board of an
 * organisation that is a party (e); or other special circumstances weaken trust in their impartiality
 * (second paragraph, særegne forhold).
 */
export const PARTIALITY_GROUNDS = [
  'party',
  'related_to_party',
  'represents_party',
  'party_organisation',
  'special_circumstances',
] as const;
export type PartialityGround = (typeof PARTIALITY_GROUNDS)[number];

/**
 * A declaration of impartiality (habilitetserklæring) on a case by a member of the county's staff.
 * Append-only: a later declaration supersedes an earlier impartial one, and a declaration of
 * partiality stands for good.
 */
@Entity({ name: 'impartiality_declaration' })
@Check('impartiality_declaration_verdict', `"verdict" IN ('impartial', 'partial')`)
@Check(
  'impartiality_declaration_ground',
  `"ground" IN ('party', 'related_to_party', 'represents_party', 'party_organisation', 'special_circumstances')`,
)
@Check(
  'impartiality_declaration_grounds_when_partial',
  `("verdict" = 'partial') = ("ground" IS NOT NULL) AND ("verdict" = 'partial' OR "explanation" IS NULL)`,
)
@Index('impartiality_declaration_case_idx', ['applicationId', 'userId', 'declaredAt'])
export class ImpartialityDeclaration {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'impartiality_declaration_pkey' })
  id!: string;

  @ForeignKey('application', { name: 'impartiality_declaration_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ForeignKey('user_account', { name: 'impartiality_declaration_user_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  verdict!: ImpartialityVerdict;

  /** The § 6 ground; set exactly when partial. */
  @Column({ type: 'text', nullable: true })
  ground!: PartialityGround | null;

  /** The declarant's own words on the ground; only with a declaration of partiality. */
  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' })
  declaredAt!: Date;
}
