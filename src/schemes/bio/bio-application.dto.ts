import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsIsoDate, NestedList, NestedObject } from '@lib/common';
import {
  TrainingAidDeclarationsDto,
  TrainingCostLineDto,
  TrainingFinancingPlanDto,
  type TrainingAidDeclarations,
  type TrainingCostLine,
  type TrainingFinancingPlan,
} from '@lib/engine';
import { BIO_PROVIDER_TYPES, type BioProviderType } from './bio-vocabulary';

/*
 * What a company fills in when it applies for BIO (søknad), and what it reports at the end
 * (sluttrapport). The DTOs check each field's shape; whether the whole is eligible under a call is
 * for `checkBioEligibility` (bio.rules.ts). Amounts are whole øre.
 */

export interface BioTrainingPlan {
  /** What the training covers and how it is organised (opplæringsplan). */
  readonly content: string;
  readonly providerName: string;
  readonly providerType: BioProviderType;
}

export interface BioParticipants {
  /** Employees taking part. */
  readonly count: number;
  /** Training weeks for each participant. */
  readonly weeksEach: number;
}

/** A cost line, the financing plan and the declarations are the kernel's training-aid form pieces. */
export type BioCostLine = TrainingCostLine;
export type BioFinancingPlan = TrainingFinancingPlan;
export type BioDeclarations = TrainingAidDeclarations;

export interface BioApplicationContent {
  /** The restructuring need (omstillingsbehov) and why training meets it. */
  readonly restructuringNeed: string;
  readonly trainingPlan: BioTrainingPlan;
  /** First day of the project, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last day of the project, `YYYY-MM-DD`. */
  readonly endDate: string;
  readonly participants: BioParticipants;
  /** Cost plan (kostnadsplan); several lines may share a category. */
  readonly costPlan: readonly BioCostLine[];
  readonly financingPlan: BioFinancingPlan;
  readonly declarations: BioDeclarations;
}

/** Final report (sluttrapport): the basis for the final payment and for releasing what was not used. */
export interface BioFinalReport {
  /** What was done, and how it compares with the plan. */
  readonly summary: string;
  readonly participantsCompleted: number;
  /** Actual costs (regnskap) per category. */
  readonly actualCosts: readonly BioCostLine[];
}

export class BioTrainingPlanDto implements BioTrainingPlan {
  @ApiProperty({ example: 'Six modules on CNC programming and lean production, 2 days a week' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  content!: string;

  @ApiProperty({ example: 'NTNU Videre' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  providerName!: string;

  @ApiProperty({ enum: BIO_PROVIDER_TYPES, example: 'university' })
  @IsIn(BIO_PROVIDER_TYPES)
  providerType!: BioProviderType;
}

export class BioParticipantsDto implements BioParticipants {
  @ApiProperty({ example: 4, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  count!: number;

  @ApiProperty({ example: 20, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(520)
  weeksEach!: number;
}

export class BioCostLineDto extends TrainingCostLineDto {}

export class BioFinancingPlanDto extends TrainingFinancingPlanDto {}

export class BioDeclarationsDto extends TrainingAidDeclarationsDto {}

export class BioApplicationDto implements BioApplicationContent {
  @ApiProperty({ example: 'We are moving from manual welding to robot cells and must retrain operators' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  restructuringNeed!: string;

  @NestedObject(() => BioTrainingPlanDto)
  trainingPlan!: BioTrainingPlanDto;

  @ApiProperty({ example: '2026-03-02', format: 'date' })
  @IsIsoDate()
  startDate!: string;

  @ApiProperty({ example: '2027-02-26', format: 'date' })
  @IsIsoDate()
  endDate!: string;

  @NestedObject(() => BioParticipantsDto)
  participants!: BioParticipantsDto;

  @NestedList(() => BioCostLineDto, { min: 1, max: 100 })
  costPlan!: BioCostLineDto[];

  @NestedObject(() => BioFinancingPlanDto)
  financingPlan!: BioFinancingPlanDto;

  @NestedObject(() => BioDeclarationsDto)
  declarations!: BioDeclarationsDto;
}

export class BioFinalReportDto implements BioFinalReport {
  @ApiProperty({ example: 'All six modules held; two operators certified on the new robot cell' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  summary!: string;

  @ApiProperty({ example: 3, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  participantsCompleted!: number;

  @NestedList(() => BioCostLineDto, { min: 1, max: 100 })
  actualCosts!: BioCostLineDto[];
}
