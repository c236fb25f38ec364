import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, IsOre, NestedList, NestedObject, nok, Optional } from '@lib/common';
import {
  JOBBSJANSEN_AGE_BANDS,
  JOBBSJANSEN_COST_CATEGORIES,
  JOBBSJANSEN_OUTCOMES,
  JOBBSJANSEN_PARTICIPANT_CODE_PATTERN,
  type JobbsjansenAgeBand,
  type JobbsjansenCostCategory,
  type JobbsjansenOutcome,
} from './jobbsjansen-vocabulary';

/*
 * What a municipality (or a county unit) fills in when it applies for Jobbsjansen del B (søknad),
 * and what it reports at the end (sluttrapport). The DTOs check each field's shape; whether the
 * whole is eligible under a call is for `checkJobbsjansenEligibility` (jobbsjansen.rules.ts).
 *
 * Personal data is minimised by design (domain research §4.4): the application counts participants
 * per age band; the report lists participants only under pseudonymous codes, with an age band and
 * an outcome. There is no field for a name, a birth date or an identity number, and unknown fields
 * are refused, so a report that tries to send one is a 400, not silently stored.
 */

/** Participants planned, counted per age band (16–24); no names, no birth dates. */
export interface JobbsjansenParticipantCounts {
  readonly aged16to18: number;
  readonly aged19to21: number;
  readonly aged22to24: number;
}

export interface JobbsjansenCostLine {
  readonly category: JobbsjansenCostCategory;
  readonly description?: string;
  readonly amountOre: number;
}

/** Financing plan (finansieringsplan): own financing + other funding + the grant = total costs. */
export interface JobbsjansenFinancingPlan {
  /** The applicant's own financing (egenfinansiering), cash or its own staff's time. */
  readonly ownFinancingOre: number;
  /** Other funding for the same project (other grants, partners). */
  readonly otherFundingOre: number;
  /** The Jobbsjansen grant applied for. */
  readonly requestedGrantOre: number;
}

export interface JobbsjansenApplicationContent {
  readonly projectTitle: string;
  /** The offer: what schooling, for whom, how it prepares for upper secondary (opplæringsloven). */
  readonly projectDescription: string;
  /** Concrete cooperation: municipalities, adult education, upper secondary schools. */
  readonly cooperation: string;
  /** First day of the project, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last day of the project, `YYYY-MM-DD`. */
  readonly endDate: string;
  readonly participants: JobbsjansenParticipantCounts;
  /** School years of schooling per participant: normally one, two in special cases. */
  readonly schoolYearsPerParticipant: number;
  /** Cost plan (kostnadsplan); several lines may share a category. */
  readonly costPlan: readonly JobbsjansenCostLine[];
  readonly financingPlan: JobbsjansenFinancingPlan;
}

/** The project-level results of the final report. */
export interface JobbsjansenProjectResults {
  /** Participants who took part in the offer. */
  readonly participants: number;
  readonly completed: number;
  readonly continuedUpperSecondary: number;
  readonly work: number;
  readonly droppedOut: number;
}

/** One participant in the report: a pseudonymous code, an age band and an outcome, nothing more. */
export interface JobbsjansenParticipantOutcome {
  readonly code: string;
  readonly ageBand: JobbsjansenAgeBand;
  readonly outcome: JobbsjansenOutcome;
}

/** What the project actually spent and how it was financed (regnskap). */
export interface JobbsjansenActualFinancing {
  readonly ownFinancingOre: number;
  readonly otherFundingOre: number;
}

/** Final report (sluttrapport) at project level and participant level. */
export interface JobbsjansenFinalReport {
  /** What was done, and how it compares with the plan. */
  readonly summary: string;
  readonly results: JobbsjansenProjectResults;
  readonly participants: readonly JobbsjansenParticipantOutcome[];
  readonly actualCosts: readonly JobbsjansenCostLine[];
  readonly actualFinancing: JobbsjansenActualFinancing;
}

const ApiCount = (example: number, description?: string) =>
  ApiProperty({ example, minimum: 0, maximum: 10_000, ...(description ? { description } : {}) });

export class JobbsjansenParticipantCountsDto implements JobbsjansenParticipantCounts {
  @ApiCount(6, 'Participants aged 16–18')
  @IsInt()
  @Min(0)
  @Max(10_000)
  aged16to18!: number;

  @ApiCount(8, 'Participants aged 19–21')
  @IsInt()
  @Min(0)
  @Max(10_000)
  aged19to21!: number;

  @ApiCount(4, 'Participants aged 22–24')
  @IsInt()
  @Min(0)
  @Max(10_000)
  aged22to24!: number;
}

export class JobbsjansenCostLineDto implements JobbsjansenCostLine {
  @ApiProperty({ enum: JOBBSJANSEN_COST_CATEGORIES, example: 'teaching_staff' })
  @IsIn(JOBBSJANSEN_COST_CATEGORIES)
  category!: JobbsjansenCostCategory;

  @ApiPropertyOptional({ example: 'Two teachers, 60 % each, spring and autumn term' })
  @Optional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ example: nok(600_000), minimum: 0, description: 'Øre' })
  @IsOre()
  amountOre!: number;
}

export class JobbsjansenFinancingPlanDto implements JobbsjansenFinancingPlan {
  @ApiProperty({ example: nok(180_000), minimum: 0, description: 'Øre' })
  @IsOre()
  ownFinancingOre!: number;

  @ApiProperty({ example: 0, minimum: 0, description: 'Øre' })
  @IsOre()
  otherFundingOre!: number;

  @ApiProperty({ example: nok(720_000), minimum: 0, description: 'Øre' })
  @IsOre()
  requestedGrantOre!: number;
}

export class JobbsjansenApplicationDto implements JobbsjansenApplicationContent {
  @ApiProperty({ example: 'Grunnskole for ungdom – Trondheim 2026/27' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  projectTitle!: string;

  @ApiProperty({
    example:
      'A combined class in Norwegian, English and mathematics for newly arrived youth, 25 hours a week',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  projectDescription!: string;

  @ApiProperty({
    example: 'Voksenopplæringen, Thora Storm vgs and NAV Trondheim; joint intake and follow-up',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  cooperation!: string;

  @ApiProperty({ example: '2026-08-17', format: 'date' })
  @IsIsoDate()
  startDate!: string;

  @ApiProperty({ example: '2027-06-18', format: 'date' })
  @IsIsoDate()
  endDate!: string;

  @NestedObject(() => JobbsjansenParticipantCountsDto)
  participants!: JobbsjansenParticipantCountsDto;

  @ApiProperty({ example: 1, minimum: 1, maximum: 2, description: 'Normally 1; 2 in special cases' })
  @IsInt()
  @Min(1)
  @Max(2)
  schoolYearsPerParticipant!: number;

  @NestedList(() => JobbsjansenCostLineDto, { min: 1, max: 100 })
  costPlan!: JobbsjansenCostLineDto[];

  @NestedObject(() => JobbsjansenFinancingPlanDto)
  financingPlan!: JobbsjansenFinancingPlanDto;
}

export class JobbsjansenProjectResultsDto implements JobbsjansenProjectResults {
  @ApiCount(18, 'Participants who took part')
  @IsInt()
  @Min(0)
  @Max(10_000)
  participants!: number;

  @ApiCount(5, 'Completed the primary-level schooling')
  @IsInt()
  @Min(0)
  @Max(10_000)
  completed!: number;

  @ApiCount(9, 'Went on to upper secondary education')
  @IsInt()
  @Min(0)
  @Max(10_000)
  continuedUpperSecondary!: number;

  @ApiCount(2, 'Went into work')
  @IsInt()
  @Min(0)
  @Max(10_000)
  work!: number;

  @ApiCount(2, 'Dropped out')
  @IsInt()
  @Min(0)
  @Max(10_000)
  droppedOut!: number;
}

export class JobbsjansenParticipantOutcomeDto implements JobbsjansenParticipantOutcome {
  @ApiProperty({
    example: 'K7Q2M9',
    pattern: JOBBSJANSEN_PARTICIPANT_CODE_PATTERN.source,
    description:
      'Pseudonymous code kept by the project: 6–12 capitals and digits with at least one of each; never a name, birth date or identity number',
  })
  @IsString()
  @Matches(JOBBSJANSEN_PARTICIPANT_CODE_PATTERN, {
    message:
      'code must be a pseudonymous code of 6–12 capital letters and digits, with at least one of each (no names, birth dates or identity numbers)',
  })
  code!: string;

  @ApiProperty({ enum: JOBBSJANSEN_AGE_BANDS, example: 'aged16to18' })
  @IsIn(JOBBSJANSEN_AGE_BANDS)
  ageBand!: JobbsjansenAgeBand;

  @ApiProperty({ enum: JOBBSJANSEN_OUTCOMES, example: 'continued_upper_secondary' })
  @IsIn(JOBBSJANSEN_OUTCOMES)
  outcome!: JobbsjansenOutcome;
}

export class JobbsjansenActualFinancingDto implements JobbsjansenActualFinancing {
  @ApiProperty({ example: nok(180_000), minimum: 0, description: 'Øre' })
  @IsOre()
  ownFinancingOre!: number;

  @ApiProperty({ example: 0, minimum: 0, description: 'Øre' })
  @IsOre()
  otherFundingOre!: number;
}

export class JobbsjansenFinalReportDto implements JobbsjansenFinalReport {
  @ApiProperty({ example: 'Two classes ran all year; 11 of 18 went on to upper secondary or work' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  summary!: string;

  @NestedObject(() => JobbsjansenProjectResultsDto)
  results!: JobbsjansenProjectResultsDto;

  @ApiProperty({ type: () => JobbsjansenParticipantOutcomeDto, isArray: true })
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => JobbsjansenParticipantOutcomeDto)
  participants!: JobbsjansenParticipantOutcomeDto[];

  @NestedList(() => JobbsjansenCostLineDto, { min: 1, max: 100 })
  actualCosts!: JobbsjansenCostLineDto[];

  @NestedObject(() => JobbsjansenActualFinancingDto)
  actualFinancing!: JobbsjansenActualFinancingDto;
}
