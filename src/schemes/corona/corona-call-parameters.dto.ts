import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
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
  ValidateNested,
} from 'class-validator';
import {
  IsBasisPoints,
  IsIsoDate,
  IsIsoInstant,
  IsOre,
  NestedList,
  NestedObject,
  nok,
  type Ratio,
  Optional,
} from '@lib/common';
import { AdvancePaymentCallParametersDto, type AdvancePaymentCallParameters } from '@lib/engine';
import { IsSectionOfMeasure } from './corona-validation';
import {
  CORONA_COST_CATEGORIES,
  CORONA_MEASURES,
  CORONA_NACE_CODE_PATTERN,
  CORONA_PROGRAMME_CODE_PATTERN,
  CORONA_STATE_AID_BASES,
  type CoronaCostCategory,
  type CoronaMeasure,
  type CoronaStateAidBasis,
} from './corona-vocabulary';

/*
 * The parameters of one corona call (utlysning). `measure` chooses what the call runs; the section
 * of that measure (`bioExtra`, `apprenticePackage` or `fagbrevPaJobb`) holds its rules, and the
 * sections of the other measures must be absent. Everything a rule compares against is data here,
 * because the counties changed these per round (domain research §0, §2.5).
 *
 * Run `checkCoronaCallParameters` (corona.rules.ts) as well: it checks what spans several fields.
 */

/**
 * When applications are taken. Corona calls had their deadlines extended (Trøndelag BIO2 2020:
 * 1 June, then 1 October, then 30 November, §2.1.2): the original deadline stays in `closesAt` and
 * each extension is appended to `extensions`, so the call's history shows.
 */
export interface CoronaCallWindow {
  readonly opensAt: string;
  /** The original deadline (søknadsfrist); absent = open until the frame is used up. */
  readonly closesAt?: string;
  /** Extended deadlines, earliest first; the last one is the call's closing. */
  readonly extensions?: readonly string[];
}

export interface CoronaSizeCaps {
  /** Companies with fewer employees than this are small (Trøndelag BIO1: under 50). */
  readonly smallBelowEmployees: number;
  readonly smallCompanyMaxOre: number;
  readonly otherCompanyMaxOre: number;
}

/** A sector the call prioritises (tourism, culture, small-scale food, restaurants in Trøndelag 2020). */
export interface CoronaPrioritisedSector {
  /** NACE (SN2007) code or prefix: `56` covers every restaurant code, `10.1` only meat processing. */
  readonly naceCodePrefix: string;
  readonly name: string;
}

/** The extraordinary BIO money: a cost-based grant like BIO, with the call's own figures. */
export interface CoronaBioExtraParameters {
  readonly stateAidBasis: CoronaStateAidBasis;
  /** Aid intensity (støtteintensitet), basis points (Trøndelag BIO1 2020: up to 60 %). */
  readonly aidIntensityBasisPoints: number;
  readonly maxGrantBySize: CoronaSizeCaps;
  /** Cap per participating employee, øre. */
  readonly maxGrantPerParticipantOre: number;
  /** Provider fees: minimum share of eligible costs (1/3). */
  readonly minTrainingCostShare: Ratio;
  /** Travel, subsistence and administration together: maximum share of total costs, basis points. */
  readonly maxTravelAndAdministrationBasisPoints: number;
  readonly eligibleCostCategories: readonly CoronaCostCategory[];
  readonly maxWeeksPerParticipant: number;
  /** The project must end within this many months of its start: longer than ordinary BIO's 18. */
  readonly completionMonths: number;
  /** The project may not start before the application is sent (GBER incentive effect). */
  readonly startNotBeforeApplicationDate: boolean;
  /**
   * Covid exception to "not an undertaking in difficulty": a company that was not in difficulty on
   * this date may apply even if it is now (Innlandet 2021: 31.12.2019, §2.1.2). Absent = no exception.
   */
  readonly difficultyReferenceDate?: string;
  /** Sectors the case officer should prioritise; a flag on the case, never a refusal. */
  readonly prioritisedSectors: readonly CoronaPrioritisedSector[];
}

/** The calendar days (in Norway, both inclusive) in which a contract must be signed to count. */
export interface CoronaContractPeriod {
  readonly from: string;
  readonly to: string;
}

/** One package of the apprentice measure (Trøndelag 2020: three packages, §2.5). */
export interface CoronaApprenticePackageDefinition {
  /** Stable code the application's contracts refer to. */
  readonly code: string;
  readonly name: string;
  /** The fixed amount per eligible contract, øre. */
  readonly ratePerContractOre: number;
  /** Only a placement the company did not have before (ny læreplass) counts. */
  readonly requiresNewPlacement: boolean;
  /** Only a candidate with the statutory right to upper secondary training (ungdomsrett) counts. */
  readonly requiresStatutoryRight: boolean;
  /** The company must have had an apprentice 100 % laid off for at least this many weeks; 0 = no such rule. */
  readonly minPriorLayoffWeeks: number;
}

export interface CoronaApprenticePackageParameters {
  readonly contractPeriod: CoronaContractPeriod;
  readonly packages: readonly CoronaApprenticePackageDefinition[];
  /** The most one company gets over all packages, øre (Trøndelag: 50 000 for two packages). */
  readonly maxPerCompanyOre: number;
  /** Education programmes (utdanningsprogram) hardest hit and prioritised: a flag, never a refusal. */
  readonly prioritisedProgrammes: readonly string[];
  /** The candidate must live in the county (Trøndelag: registered in Vigo and living in Trøndelag). */
  readonly candidateMustResideInCounty: boolean;
}

export interface CoronaFagbrevParameters {
  readonly contractPeriod: CoronaContractPeriod;
  /** The fixed amount per eligible Fagbrev på jobb contract, øre. */
  readonly ratePerContractOre: number;
  readonly maxPerCompanyOre: number;
  /** Flag laid-off (permitterte) candidates to the case officer as prioritised. */
  readonly prioritiseLaidOffCandidates: boolean;
}

/**
 * The kernel's common parameters (eligibility, days to accept, delegation threshold, the final
 * report's follow-up, the advance share), with corona's own window, and the measure's section.
 */
export interface CoronaCallParameters extends AdvancePaymentCallParameters<CoronaCallWindow> {
  readonly measure: CoronaMeasure;
  readonly bioExtra?: CoronaBioExtraParameters;
  readonly apprenticePackage?: CoronaApprenticePackageParameters;
  readonly fagbrevPaJobb?: CoronaFagbrevParameters;
}

// ── DTO classes ─────────────────────────────────────────────────────────────────────────────

export class CoronaCallWindowDto implements CoronaCallWindow {
  @ApiProperty({ example: '2026-04-01T08:00:00+02:00', description: 'Date-time with offset' })
  @IsIsoInstant()
  opensAt!: string;

  @ApiPropertyOptional({
    example: '2026-06-01T23:59:59+02:00',
    description: 'The original deadline (søknadsfrist); absent = open until the frame is used up',
  })
  @Optional()
  @IsIsoInstant()
  closesAt?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['2026-10-01T23:59:59+02:00', '2026-11-30T23:59:59+01:00'],
    description: 'Extended deadlines, earliest first; the last one closes the call',
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @IsIsoInstant({ each: true })
  extensions?: string[];
}

export class CoronaSizeCapsDto implements CoronaSizeCaps {
  @ApiProperty({ example: 50, minimum: 1, description: 'Fewer employees than this = small company' })
  @IsInt()
  @Min(1)
  smallBelowEmployees!: number;

  @ApiProperty({ example: nok(300_000), description: 'Øre' })
  @IsOre()
  smallCompanyMaxOre!: number;

  @ApiProperty({ example: nok(500_000), description: 'Øre' })
  @IsOre()
  otherCompanyMaxOre!: number;
}

export class CoronaRatioDto implements Ratio {
  @ApiProperty({ example: 1, minimum: 0 })
  @IsInt()
  @Min(0)
  numerator!: number;

  @ApiProperty({ example: 3, minimum: 1 })
  @IsInt()
  @Min(1)
  denominator!: number;
}

export class CoronaPrioritisedSectorDto implements CoronaPrioritisedSector {
  @ApiProperty({ example: '56', description: 'NACE (SN2007) code or prefix' })
  @Matches(CORONA_NACE_CODE_PATTERN, { message: 'naceCodePrefix must be a NACE code such as 56 or 56.101' })
  naceCodePrefix!: string;

  @ApiProperty({ example: 'Serveringsvirksomhet (restaurants)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class CoronaBioExtraParametersDto implements CoronaBioExtraParameters {
  @ApiProperty({ enum: CORONA_STATE_AID_BASES, example: 'gber_art31' })
  @IsIn(CORONA_STATE_AID_BASES)
  stateAidBasis!: CoronaStateAidBasis;

  @ApiProperty({ example: 6000, minimum: 0, maximum: 10_000, description: 'Basis points; 6000 = 60 %' })
  @IsBasisPoints()
  aidIntensityBasisPoints!: number;

  @NestedObject(() => CoronaSizeCapsDto)
  maxGrantBySize!: CoronaSizeCapsDto;

  @ApiProperty({ example: nok(100_000), description: 'Øre per participating employee' })
  @IsOre()
  maxGrantPerParticipantOre!: number;

  @ApiProperty({ type: () => CoronaRatioDto, description: 'Minimum provider-cost share of eligible costs' })
  @IsObject()
  @ValidateNested()
  @Type(() => CoronaRatioDto)
  minTrainingCostShare!: CoronaRatioDto;

  @ApiProperty({ example: 1000, minimum: 0, maximum: 10_000, description: 'Basis points of total costs' })
  @IsBasisPoints()
  maxTravelAndAdministrationBasisPoints!: number;

  @ApiProperty({ enum: CORONA_COST_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CORONA_COST_CATEGORIES, { each: true })
  eligibleCostCategories!: CoronaCostCategory[];

  @ApiProperty({ example: 52, minimum: 1, maximum: 104 })
  @IsInt()
  @Min(1)
  @Max(104)
  maxWeeksPerParticipant!: number;

  @ApiProperty({ example: 24, minimum: 1, maximum: 60, description: 'Months from start to the latest end' })
  @IsInt()
  @Min(1)
  @Max(60)
  completionMonths!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  startNotBeforeApplicationDate!: boolean;

  @ApiPropertyOptional({
    example: '2019-12-31',
    format: 'date',
    description: 'A company not in difficulty on this date may apply even if it is now (covid exception)',
  })
  @Optional()
  @IsIsoDate()
  difficultyReferenceDate?: string;

  @NestedList(() => CoronaPrioritisedSectorDto, { max: 100 })
  prioritisedSectors!: CoronaPrioritisedSectorDto[];
}

export class CoronaContractPeriodDto implements CoronaContractPeriod {
  @ApiProperty({ example: '2020-07-01', format: 'date', description: 'First signing day, in Norway' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({
    example: '2020-09-01',
    format: 'date',
    description: 'Last signing day, in Norway (inclusive)',
  })
  @IsIsoDate()
  to!: string;
}

export class CoronaApprenticePackageDefinitionDto implements CoronaApprenticePackageDefinition {
  @ApiProperty({ example: 'etter_permittering', description: 'Lower-case code the contracts refer to' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'code must be lower-case letters, digits or _' })
  code!: string;

  @ApiProperty({ example: 'Ny lærling etter permittering' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: nok(35_000), description: 'Øre per eligible contract' })
  @IsOre()
  ratePerContractOre!: number;

  @ApiProperty({ example: false })
  @IsBoolean()
  requiresNewPlacement!: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  requiresStatutoryRight!: boolean;

  @ApiProperty({ example: 2, minimum: 0, maximum: 52, description: '0 = no prior-layoff condition' })
  @IsInt()
  @Min(0)
  @Max(52)
  minPriorLayoffWeeks!: number;
}

export class CoronaApprenticePackageParametersDto implements CoronaApprenticePackageParameters {
  @NestedObject(() => CoronaContractPeriodDto)
  contractPeriod!: CoronaContractPeriodDto;

  @NestedList(() => CoronaApprenticePackageDefinitionDto, { min: 1, max: 20 })
  packages!: CoronaApprenticePackageDefinitionDto[];

  @ApiProperty({ example: nok(50_000), description: 'Øre per company over all packages' })
  @IsOre()
  maxPerCompanyOre!: number;

  @ApiProperty({ type: [String], example: ['DH', 'MK', 'RM', 'SS'], description: 'Programme codes' })
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @Matches(CORONA_PROGRAMME_CODE_PATTERN, {
    each: true,
    message: 'each value in prioritisedProgrammes must be a two-letter programme code',
  })
  prioritisedProgrammes!: string[];

  @ApiProperty({ example: true })
  @IsBoolean()
  candidateMustResideInCounty!: boolean;
}

export class CoronaFagbrevParametersDto implements CoronaFagbrevParameters {
  @NestedObject(() => CoronaContractPeriodDto)
  contractPeriod!: CoronaContractPeriodDto;

  @ApiProperty({ example: nok(30_000), description: 'Øre per eligible contract' })
  @IsOre()
  ratePerContractOre!: number;

  @ApiProperty({ example: nok(150_000), description: 'Øre per company' })
  @IsOre()
  maxPerCompanyOre!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  prioritiseLaidOffCandidates!: boolean;
}

export class CoronaCallParametersDto
  extends AdvancePaymentCallParametersDto<CoronaCallWindow>
  implements CoronaCallParameters
{
  @ApiProperty({ enum: CORONA_MEASURES, example: 'apprentice_package', description: 'What this call runs' })
  @IsIn(CORONA_MEASURES)
  measure!: CoronaMeasure;

  @NestedObject(() => CoronaCallWindowDto)
  window!: CoronaCallWindowDto;

  @ApiPropertyOptional({ type: () => CoronaBioExtraParametersDto, description: 'Measure bio_extra only' })
  @IsSectionOfMeasure('bio_extra')
  @IsObject()
  @ValidateNested()
  @Type(() => CoronaBioExtraParametersDto)
  bioExtra?: CoronaBioExtraParametersDto;

  @ApiPropertyOptional({
    type: () => CoronaApprenticePackageParametersDto,
    description: 'Measure apprentice_package only',
  })
  @IsSectionOfMeasure('apprentice_package')
  @IsObject()
  @ValidateNested()
  @Type(() => CoronaApprenticePackageParametersDto)
  apprenticePackage?: CoronaApprenticePackageParametersDto;

  @ApiPropertyOptional({
    type: () => CoronaFagbrevParametersDto,
    description: 'Measure fagbrev_pa_jobb only',
  })
  @IsSectionOfMeasure('fagbrev_pa_jobb')
  @IsObject()
  @ValidateNested()
  @Type(() => CoronaFagbrevParametersDto)
  fagbrevPaJobb?: CoronaFagbrevParametersDto;
}
