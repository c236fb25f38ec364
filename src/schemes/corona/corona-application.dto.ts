import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, IsOre, NestedList, NestedObject, nok, Optional } from '@lib/common';
import {
  TrainingAidDeclarationsDto,
  TrainingCostLineDto,
  TrainingFinancingPlanDto,
  type TrainingAidDeclarations,
  type TrainingCostLine,
  type TrainingFinancingPlan,
} from '@lib/engine';
import { IsSectionOfMeasure } from './corona-validation';
import {
  CORONA_CANDIDATE_REFERENCE_PATTERN,
  CORONA_CONTRACT_OUTCOMES,
  CORONA_MEASURES,
  CORONA_NACE_CODE_PATTERN,
  CORONA_PROGRAMME_CODE_PATTERN,
  CORONA_VIGO_CONTRACT_NUMBER_PATTERN,
  type CoronaContractOutcome,
  type CoronaMeasure,
} from './corona-vocabulary';

/*
 * What a company fills in for a corona measure (søknad) and what it reports at the end
 * (sluttrapport). Both are discriminated by `measure`, which must be the call's measure
 * (`checkCoronaEligibility` refuses another); the section of that measure is required and the
 * other sections must be absent. The DTOs check each field's shape; the rules check the whole.
 */

// ── bio_extra: a cost-based training grant like BIO ─────────────────────────────────────────

export interface CoronaTrainingPlan {
  /** What the training covers and how it is organised (opplæringsplan). */
  readonly content: string;
  readonly providerName: string;
}

export interface CoronaParticipants {
  readonly count: number;
  readonly weeksEach: number;
  /** Participants who are 100 % laid off (helt permitterte): not eligible (§2.1.1). */
  readonly fullyLaidOffCount: number;
}

/** A cost line and the financing plan are the kernel's training-aid form pieces. */
export type CoronaCostLine = TrainingCostLine;
export type CoronaFinancingPlan = TrainingFinancingPlan;

/** The training-aid declarations, with the covid exception to "not in difficulty". */
export interface CoronaBioExtraDeclarations extends TrainingAidDeclarations {
  /** Not in difficulty on the call's reference date (31.12.2019), when the call has one. */
  readonly notInDifficultyOnReferenceDate: boolean;
}

export interface CoronaBioExtraApplication {
  /** The company's NACE (SN2007) code: decides whether it is in a prioritised sector. */
  readonly naceCode: string;
  /** How the company was hit by covid-19 (an assessment criterion in crisis years, §2.1.4). */
  readonly coronaImpact: string;
  readonly restructuringNeed: string;
  readonly trainingPlan: CoronaTrainingPlan;
  readonly startDate: string;
  readonly endDate: string;
  readonly participants: CoronaParticipants;
  readonly costPlan: readonly CoronaCostLine[];
  readonly financingPlan: CoronaFinancingPlan;
  readonly declarations: CoronaBioExtraDeclarations;
}

// ── apprentice_package and fagbrev_pa_jobb: a fixed amount per contract ─────────────────────

/**
 * What identifies a contract without naming the person: a pseudonymous candidate reference, the
 * Vigo contract number, or both (at least one; checked by the rules).
 */
export interface CoronaContract {
  readonly candidateReference?: string;
  readonly vigoContractNumber?: string;
  /** The trade (lærefag), e.g. Kokkfaget. */
  readonly trade: string;
  /** The day the contract was signed, `YYYY-MM-DD` (Norwegian calendar). */
  readonly signedOn: string;
}

export interface CoronaApprenticeContract extends CoronaContract {
  /** The package (of the call) the contract is applied for under. */
  readonly packageCode: string;
  /** The education programme (utdanningsprogram) code, e.g. RM. */
  readonly programme: string;
  /** The candidate has the statutory right to upper secondary training (ungdomsrett). */
  readonly statutoryRight: boolean;
  /** The company did not have this apprenticeship place before (ny læreplass). */
  readonly newPlacement: boolean;
  /** The candidate lives in the call's county. */
  readonly candidateResidesInCounty: boolean;
}

export interface CoronaApprenticeDeclarations {
  /** The money goes undiminished to the employer (also when a training office applies). */
  readonly fundsGoUndiminishedToEmployer: boolean;
  /** The company will report on the use of the money. */
  readonly commitsToReporting: boolean;
}

export interface CoronaApprenticeApplication {
  readonly contracts: readonly CoronaApprenticeContract[];
  /** Longest time, in weeks, an apprentice of the company was 100 % laid off; 0 = none. */
  readonly longestApprenticeLayoffWeeks: number;
  /** Number of eligible contracts × the package rate, at most the per-company cap. */
  readonly requestedGrantOre: number;
  readonly declarations: CoronaApprenticeDeclarations;
}

export interface CoronaFagbrevContract extends CoronaContract {
  /** The candidate is employed by the applicant (Fagbrev på jobb is training in one's own job). */
  readonly employedByApplicant: boolean;
  /** The candidate is laid off (permittert): prioritised. */
  readonly laidOff: boolean;
}

export interface CoronaFagbrevDeclarations {
  readonly commitsToReporting: boolean;
}

export interface CoronaFagbrevApplication {
  readonly contracts: readonly CoronaFagbrevContract[];
  readonly requestedGrantOre: number;
  readonly declarations: CoronaFagbrevDeclarations;
}

export interface CoronaApplicationContent {
  readonly measure: CoronaMeasure;
  readonly bioExtra?: CoronaBioExtraApplication;
  readonly apprenticePackage?: CoronaApprenticeApplication;
  readonly fagbrevPaJobb?: CoronaFagbrevApplication;
}

// ── Final report (sluttrapport) ─────────────────────────────────────────────────────────────

export interface CoronaBioExtraReport {
  readonly summary: string;
  readonly participantsCompleted: number;
  readonly actualCosts: readonly CoronaCostLine[];
}

/** How one contract of the application stands. */
export interface CoronaContractStatus {
  /** The contract's candidate reference or, when it has none, its Vigo contract number. */
  readonly reference: string;
  readonly outcome: CoronaContractOutcome;
  /** When an ended contract (hevet) ended. */
  readonly endedOn?: string;
}

export interface CoronaApprenticeReport {
  readonly contracts: readonly CoronaContractStatus[];
  /** The whole grant went to the employer, nothing kept back by an intermediary. */
  readonly fundsPassedUndiminishedToEmployer: boolean;
}

export interface CoronaFagbrevReport {
  readonly summary: string;
  readonly contracts: readonly CoronaContractStatus[];
}

export interface CoronaFinalReport {
  readonly measure: CoronaMeasure;
  readonly bioExtra?: CoronaBioExtraReport;
  readonly apprenticePackage?: CoronaApprenticeReport;
  readonly fagbrevPaJobb?: CoronaFagbrevReport;
}

// ── DTO classes: bio_extra ──────────────────────────────────────────────────────────────────

export class CoronaTrainingPlanDto implements CoronaTrainingPlan {
  @ApiProperty({ example: 'Digital sales and booking for a reopened restaurant, 8 half-days' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  content!: string;

  @ApiProperty({ example: 'Trøndelag fagskole' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  providerName!: string;
}

export class CoronaParticipantsDto implements CoronaParticipants {
  @ApiProperty({ example: 6, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  count!: number;

  @ApiProperty({ example: 12, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(520)
  weeksEach!: number;

  @ApiProperty({ example: 0, minimum: 0, description: 'Participants 100 % laid off (not eligible)' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  fullyLaidOffCount!: number;
}

export class CoronaCostLineDto extends TrainingCostLineDto {}

export class CoronaFinancingPlanDto extends TrainingFinancingPlanDto {}

export class CoronaBioExtraDeclarationsDto
  extends TrainingAidDeclarationsDto
  implements CoronaBioExtraDeclarations
{
  @ApiProperty({ example: true, description: "Not in difficulty on the call's reference date (31.12.2019)" })
  @IsBoolean()
  notInDifficultyOnReferenceDate!: boolean;
}

export class CoronaBioExtraApplicationDto implements CoronaBioExtraApplication {
  @ApiProperty({ example: '56.101', description: 'NACE (SN2007) code of the company' })
  @Matches(CORONA_NACE_CODE_PATTERN, { message: 'naceCode must be a NACE code such as 56.101' })
  naceCode!: string;

  @ApiProperty({ example: 'Turnover down 60 % since March; 8 of 14 employees partly laid off' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  coronaImpact!: string;

  @ApiProperty({ example: 'Moving to take-away and online booking; staff must learn new systems' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  restructuringNeed!: string;

  @NestedObject(() => CoronaTrainingPlanDto)
  trainingPlan!: CoronaTrainingPlanDto;

  @ApiProperty({ example: '2026-12-07', format: 'date' })
  @IsIsoDate()
  startDate!: string;

  @ApiProperty({ example: '2027-06-30', format: 'date' })
  @IsIsoDate()
  endDate!: string;

  @NestedObject(() => CoronaParticipantsDto)
  participants!: CoronaParticipantsDto;

  @NestedList(() => CoronaCostLineDto, { min: 1, max: 100 })
  costPlan!: CoronaCostLineDto[];

  @NestedObject(() => CoronaFinancingPlanDto)
  financingPlan!: CoronaFinancingPlanDto;

  @NestedObject(() => CoronaBioExtraDeclarationsDto)
  declarations!: CoronaBioExtraDeclarationsDto;
}

// ── DTO classes: contracts ──────────────────────────────────────────────────────────────────

export class CoronaApprenticeContractDto implements CoronaApprenticeContract {
  @ApiPropertyOptional({
    example: 'TFK-2026-0417',
    description: 'Pseudonymous candidate reference (never a national identity number)',
  })
  @Optional()
  @Matches(CORONA_CANDIDATE_REFERENCE_PATTERN, {
    message: 'candidateReference must be 2-40 letters, digits, - or _, and not a national identity number',
  })
  candidateReference?: string;

  @ApiPropertyOptional({ example: 'V-50-2026-11873', description: 'The contract number in Vigo' })
  @Optional()
  @Matches(CORONA_VIGO_CONTRACT_NUMBER_PATTERN, {
    message: 'vigoContractNumber must be 4-40 letters, digits or -',
  })
  vigoContractNumber?: string;

  @ApiProperty({ example: 'Kokkfaget', description: 'The trade (lærefag)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  trade!: string;

  @ApiProperty({ example: '2026-11-10', format: 'date', description: 'Signing day (Norwegian calendar)' })
  @IsIsoDate()
  signedOn!: string;

  @ApiProperty({ example: 'ny_laereplass', description: 'A package code of the call' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'packageCode must be lower-case letters, digits or _' })
  packageCode!: string;

  @ApiProperty({ example: 'RM', description: 'Education programme (utdanningsprogram) code' })
  @Matches(CORONA_PROGRAMME_CODE_PATTERN, { message: 'programme must be a two-letter programme code' })
  programme!: string;

  @ApiProperty({ example: true, description: 'The candidate has the statutory right (ungdomsrett)' })
  @IsBoolean()
  statutoryRight!: boolean;

  @ApiProperty({ example: true, description: 'A placement the company did not have before (ny læreplass)' })
  @IsBoolean()
  newPlacement!: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  candidateResidesInCounty!: boolean;
}

export class CoronaApprenticeDeclarationsDto implements CoronaApprenticeDeclarations {
  @ApiProperty({ example: true })
  @IsBoolean()
  fundsGoUndiminishedToEmployer!: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  commitsToReporting!: boolean;
}

export class CoronaApprenticeApplicationDto implements CoronaApprenticeApplication {
  @NestedList(() => CoronaApprenticeContractDto, { min: 1, max: 200 })
  contracts!: CoronaApprenticeContractDto[];

  @ApiProperty({ example: 0, minimum: 0, description: 'Longest 100 % layoff of an apprentice, weeks' })
  @IsInt()
  @Min(0)
  @Max(520)
  longestApprenticeLayoffWeeks!: number;

  @ApiProperty({ example: nok(50_000), description: 'Øre' })
  @IsOre()
  requestedGrantOre!: number;

  @NestedObject(() => CoronaApprenticeDeclarationsDto)
  declarations!: CoronaApprenticeDeclarationsDto;
}

export class CoronaFagbrevContractDto implements CoronaFagbrevContract {
  @ApiPropertyOptional({
    example: 'FPJ-2026-0032',
    description: 'Pseudonymous candidate reference (never a national identity number)',
  })
  @Optional()
  @Matches(CORONA_CANDIDATE_REFERENCE_PATTERN, {
    message: 'candidateReference must be 2-40 letters, digits, - or _, and not a national identity number',
  })
  candidateReference?: string;

  @ApiPropertyOptional({ example: 'V-50-2026-20011', description: 'The contract number in Vigo' })
  @Optional()
  @Matches(CORONA_VIGO_CONTRACT_NUMBER_PATTERN, {
    message: 'vigoContractNumber must be 4-40 letters, digits or -',
  })
  vigoContractNumber?: string;

  @ApiProperty({ example: 'Helsearbeiderfaget', description: 'The trade (lærefag)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  trade!: string;

  @ApiProperty({ example: '2026-11-12', format: 'date', description: 'Signing day (Norwegian calendar)' })
  @IsIsoDate()
  signedOn!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  employedByApplicant!: boolean;

  @ApiProperty({ example: false, description: 'Laid off (permittert): prioritised' })
  @IsBoolean()
  laidOff!: boolean;
}

export class CoronaFagbrevDeclarationsDto implements CoronaFagbrevDeclarations {
  @ApiProperty({ example: true })
  @IsBoolean()
  commitsToReporting!: boolean;
}

export class CoronaFagbrevApplicationDto implements CoronaFagbrevApplication {
  @NestedList(() => CoronaFagbrevContractDto, { min: 1, max: 200 })
  contracts!: CoronaFagbrevContractDto[];

  @ApiProperty({ example: nok(60_000), description: 'Øre' })
  @IsOre()
  requestedGrantOre!: number;

  @NestedObject(() => CoronaFagbrevDeclarationsDto)
  declarations!: CoronaFagbrevDeclarationsDto;
}

export class CoronaApplicationDto implements CoronaApplicationContent {
  @ApiProperty({ enum: CORONA_MEASURES, example: 'apprentice_package', description: "The call's measure" })
  @IsIn(CORONA_MEASURES)
  measure!: CoronaMeasure;

  @ApiPropertyOptional({ type: () => CoronaBioExtraApplicationDto, description: 'Measure bio_extra only' })
  @IsSectionOfMeasure('bio_extra')
  @IsObject()
  @ValidateNested()
  @Type(() => CoronaBioExtraApplicationDto)
  bioExtra?: CoronaBioExtraApplicationDto;

  @ApiPropertyOptional({
    type: () => CoronaApprenticeApplicationDto,
    description: 'Measure apprentice_package only',
  })
  @IsSectionOfMeasure('apprentice_package')
  @IsObject()
  @ValidateNested()
  @Type(() => CoronaApprenticeApplicationDto)
  apprenticePackage?: CoronaApprenticeApplicationDto;

  @ApiPropertyOptional({
    type: () => CoronaFagbrevApplicationDto,
    description: 'Measure fagbrev_pa_jobb only',
  })
  @IsSectionOfMeasure('fagbrev_pa_jobb')
  @IsObject()
  @ValidateNested()
  @Type(() => CoronaFagbrevApplicationDto)
  fagbrevPaJobb?: CoronaFagbrevApplicationDto;
}

// ── DTO classes: final report ───────────────────────────────────────────────────────────────

export class CoronaBioExtraReportDto implements CoronaBioExtraReport {
  @ApiProperty({ example: 'All six employees completed the booking and sales course' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  summary!: string;

  @ApiProperty({ example: 6, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  participantsCompleted!: number;

  @NestedList(() => CoronaCostLineDto, { min: 1, max: 100 })
  actualCosts!: CoronaCostLineDto[];
}

export class CoronaContractStatusDto implements CoronaContractStatus {
  @ApiProperty({ example: 'TFK-2026-0417', description: 'Candidate reference, or the Vigo contract number' })
  @IsString()
  @MinLength(2)
  @MaxLength(40)
  reference!: string;

  @ApiProperty({ enum: CORONA_CONTRACT_OUTCOMES, example: 'running' })
  @IsIn(CORONA_CONTRACT_OUTCOMES)
  outcome!: CoronaContractOutcome;

  @ApiPropertyOptional({
    example: '2027-03-31',
    format: 'date',
    description: 'Required when outcome is ended',
  })
  @ValidateIf((status: CoronaContractStatusDto) => status.outcome === 'ended' || status.endedOn !== undefined)
  @IsIsoDate()
  endedOn?: string;
}

export class CoronaApprenticeReportDto implements CoronaApprenticeReport {
  @NestedList(() => CoronaContractStatusDto, { min: 1, max: 200 })
  contracts!: CoronaContractStatusDto[];

  @ApiProperty({ example: true })
  @IsBoolean()
  fundsPassedUndiminishedToEmployer!: boolean;
}

export class CoronaFagbrevReportDto implements CoronaFagbrevReport {
  @ApiProperty({ example: 'Both candidates follow the plan; theory exam passed in March' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  summary!: string;

  @NestedList(() => CoronaContractStatusDto, { min: 1, max: 200 })
  contracts!: CoronaContractStatusDto[];
}

export class CoronaFinalReportDto implements CoronaFinalReport {
  @ApiProperty({
    enum: CORONA_MEASURES,
    example: 'apprentice_package',
    description: "The application's measure",
  })
  @IsIn(CORONA_MEASURES)
  measure!: CoronaMeasure;

  @ApiPropertyOptional({ type: () => CoronaBioExtraReportDto, description: 'Measure bio_extra only' })
  @IsSectionOfMeasure('bio_extra')
  @IsObject()
  @ValidateNested()
  @Type(() => CoronaBioExtraReportDto)
  bioExtra?: CoronaBioExtraReportDto;

  @ApiPropertyOptional({
    type: () => CoronaApprenticeReportDto,
    description: 'Measure apprentice_package only',
  })
  @IsSectionOfMeasure('apprentice_package')
  @IsObject()
  @ValidateNested()
  @Type(() => CoronaApprenticeReportDto)
  apprenticePackage?: CoronaApprenticeReportDto;

  @ApiPropertyOptional({ type: () => CoronaFagbrevReportDto, description: 'Measure fagbrev_pa_jobb only' })
  @IsSectionOfMeasure('fagbrev_pa_jobb')
  @IsObject()
  @ValidateNested()
  @Type(() => CoronaFagbrevReportDto)
  fagbrevPaJobb?: CoronaFagbrevReportDto;
}
