import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsIsoDate, IsOre, NestedList, NestedObject, nok, Optional } from '@lib/common';
import {
  ETABLERER_APPLICANT_CATEGORIES,
  ETABLERER_COST_CATEGORIES,
  type EtablererApplicantCategory,
  type EtablererCostCategory,
} from './etablerer-vocabulary';

/*
 * What an applicant fills in for entrepreneurship training for immigrants (etablereropplæring), and
 * what it reports at the end (sluttrapport), after domain research §2.4. The DTOs check each field's
 * shape; whether the whole is eligible under a call is for `checkEtablererEligibility`. Amounts are
 * whole øre.
 */

export interface EtablererApplicant {
  readonly category: EtablererApplicantCategory;
  /** The applicant's expertise in business start-up and in the target group. */
  readonly expertise: string;
  /** Voluntary organisations: registered in Frivillighetsregisteret. */
  readonly registeredInVoluntaryRegister: boolean;
}

export interface EtablererTargetGroup {
  readonly description: string;
  /** Home-based women with immigrant background are part of the target group. */
  readonly includesHomeBasedWomen: boolean;
}

/** The results the project aims at, and reports (the same measures). */
export interface EtablererResults {
  readonly courseParticipants: number;
  readonly newBusinesses: number;
  readonly guidanceSessions: number;
}

export interface EtablererCostLine {
  readonly category: EtablererCostCategory;
  readonly description?: string;
  readonly amountOre: number;
}

/** Financing plan (finansieringsplan): own funds + other public funding + grant = the budget. */
export interface EtablererFinancingPlan {
  /** Own budget funds (egne midler), øre. */
  readonly ownFundsOre: number;
  /** Other public funding for the project, øre (0 when none). */
  readonly otherPublicFundingOre: number;
  readonly requestedGrantOre: number;
}

/** The applicant's state-aid declarations (domain research §4.5). */
export interface EtablererDeclarations {
  /** The applicant carries on economic activity: the grant is training aid under GBER art. 31. */
  readonly economicActivity: boolean;
  /** The applicant declares it is an SME (fewer than 250 employees, EEA definition); checked against the register. */
  readonly smeDeclared: boolean;
  /** The training is not needed to meet mandatory national standards (no aid for that under GBER). */
  readonly notMandatoryTraining: boolean;
}

export interface EtablererApplicationContent {
  readonly projectTitle: string;
  readonly applicant: EtablererApplicant;
  readonly targetGroup: EtablererTargetGroup;
  /** What the course teaches (business plan, tax and accounting, Norwegian rules …) and how. */
  readonly courseContent: string;
  /** Implementation and cooperation (Etablerertjenesten, NAV, the adult education centre …). */
  readonly implementationPlan: string;
  /** First day of the project, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last day of the project, `YYYY-MM-DD`. */
  readonly endDate: string;
  readonly plannedResults: EtablererResults;
  readonly costPlan: readonly EtablererCostLine[];
  readonly financingPlan: EtablererFinancingPlan;
  readonly declarations: EtablererDeclarations;
}

/** The state-aid basis of the settlement, from the application's declarations and the register. */
export interface EtablererStateAidBasis {
  readonly economicActivity: boolean;
  /** An SME under the call's boundary, as declared and checked against the register at submission. */
  readonly sme: boolean;
}

/** Final report (sluttrapport): results, actual costs and financing. */
export interface EtablererFinalReport {
  readonly summary: string;
  readonly results: EtablererResults;
  readonly actualCosts: readonly EtablererCostLine[];
  readonly actualOwnFundsOre: number;
  readonly otherPublicFundingOre: number;
}

export class EtablererApplicantDto implements EtablererApplicant {
  @ApiProperty({ enum: ETABLERER_APPLICANT_CATEGORIES, example: 'public_body' })
  @IsIn(ETABLERER_APPLICANT_CATEGORIES)
  category!: EtablererApplicantCategory;

  @ApiProperty({ example: 'Etablerertjenesten has run start-up courses in several languages since 2005' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  expertise!: string;

  @ApiProperty({
    example: false,
    description: 'Voluntary organisations: registered in Frivillighetsregisteret',
  })
  @IsBoolean()
  registeredInVoluntaryRegister!: boolean;
}

export class EtablererTargetGroupDto implements EtablererTargetGroup {
  @ApiProperty({ example: 'Immigrants who want to start a business, including home-based women' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  description!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  includesHomeBasedWomen!: boolean;
}

export class EtablererResultsDto implements EtablererResults {
  @ApiProperty({ example: 30, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  courseParticipants!: number;

  @ApiProperty({ example: 6, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  newBusinesses!: number;

  @ApiProperty({ example: 60, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  guidanceSessions!: number;
}

export class EtablererCostLineDto implements EtablererCostLine {
  @ApiProperty({ enum: ETABLERER_COST_CATEGORIES, example: 'trainer_personnel' })
  @IsIn(ETABLERER_COST_CATEGORIES)
  category!: EtablererCostCategory;

  @ApiPropertyOptional({ example: 'Two course leaders, 2 × 10 evenings' })
  @Optional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ example: nok(180_000), minimum: 0, description: 'Øre' })
  @IsOre()
  amountOre!: number;
}

export class EtablererFinancingPlanDto implements EtablererFinancingPlan {
  @ApiProperty({ example: nok(160_000), minimum: 0, description: 'Øre' })
  @IsOre()
  ownFundsOre!: number;

  @ApiProperty({ example: nok(10_000), minimum: 0, description: 'Øre; 0 when none' })
  @IsOre()
  otherPublicFundingOre!: number;

  @ApiProperty({ example: nok(150_000), minimum: 0, description: 'Øre' })
  @IsOre()
  requestedGrantOre!: number;
}

export class EtablererDeclarationsDto implements EtablererDeclarations {
  @ApiProperty({ example: false })
  @IsBoolean()
  economicActivity!: boolean;

  @ApiProperty({ example: false, description: 'Only matters with economic activity' })
  @IsBoolean()
  smeDeclared!: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  notMandatoryTraining!: boolean;
}

export class EtablererApplicationDto implements EtablererApplicationContent {
  @ApiProperty({ example: 'Start i Trøndelag 2027' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  projectTitle!: string;

  @NestedObject(() => EtablererApplicantDto)
  applicant!: EtablererApplicantDto;

  @NestedObject(() => EtablererTargetGroupDto)
  targetGroup!: EtablererTargetGroupDto;

  @ApiProperty({
    example: 'Business plan, tax and VAT, accounting, permits; taught in Norwegian, Arabic and Tigrinya',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  courseContent!: string;

  @ApiProperty({
    example: 'Two courses of ten evenings, then individual guidance; with NAV and Etablerertjenesten',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  implementationPlan!: string;

  @ApiProperty({ example: '2027-02-01', format: 'date' })
  @IsIsoDate()
  startDate!: string;

  @ApiProperty({ example: '2027-12-15', format: 'date' })
  @IsIsoDate()
  endDate!: string;

  @NestedObject(() => EtablererResultsDto)
  plannedResults!: EtablererResultsDto;

  @NestedList(() => EtablererCostLineDto, { min: 1, max: 100 })
  costPlan!: EtablererCostLineDto[];

  @NestedObject(() => EtablererFinancingPlanDto)
  financingPlan!: EtablererFinancingPlanDto;

  @NestedObject(() => EtablererDeclarationsDto)
  declarations!: EtablererDeclarationsDto;
}

export class EtablererFinalReportDto implements EtablererFinalReport {
  @ApiProperty({ example: 'Two courses held; 27 completed, 5 businesses registered by December' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  summary!: string;

  @NestedObject(() => EtablererResultsDto)
  results!: EtablererResultsDto;

  @NestedList(() => EtablererCostLineDto, { min: 1, max: 100 })
  actualCosts!: EtablererCostLineDto[];

  @ApiProperty({ example: nok(150_000), minimum: 0, description: 'Øre' })
  @IsOre()
  actualOwnFundsOre!: number;

  @ApiProperty({ example: nok(10_000), minimum: 0, description: 'Øre' })
  @IsOre()
  otherPublicFundingOre!: number;
}
