import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { IsOre, nok, Optional } from '@lib/common';
import { TRAINING_COST_CATEGORIES, type TrainingCostCategory, type TrainingCostLine } from './training-costs';

/*
 * Form pieces of cost-based training aid that several schemes ask for in the same shape: a cost
 * line, the financing plan and the state-aid declarations. A scheme names its own class after
 * itself (schemas are named by class) and extends these: `class BioCostLineDto extends
 * TrainingCostLineDto {}`, adding any fields of its own.
 */

/** Financing plan (finansieringsplan): how the total costs are covered. */
export interface TrainingFinancingPlan {
  /** Own contribution (egenandel), cash or the company's own time. */
  readonly ownContributionOre: number;
  /** Other public support for the same costs. */
  readonly otherPublicSupportOre: number;
  /** The grant applied for. */
  readonly requestedGrantOre: number;
}

/** The applicant's state-aid declarations. */
export interface TrainingAidDeclarations {
  /** Has the company received other public support for the same costs? */
  readonly otherPublicSupportReceived: boolean;
  /** How much, øre; 0 when none was received. */
  readonly otherPublicSupportAmountOre: number;
  /** The company declares it is not an undertaking in difficulty (foretak i økonomiske vanskeligheter). */
  readonly notInEconomicDifficulty: boolean;
}

export class TrainingCostLineDto implements TrainingCostLine {
  @ApiProperty({ enum: TRAINING_COST_CATEGORIES, example: 'provider_fees' })
  @IsIn(TRAINING_COST_CATEGORIES)
  category!: TrainingCostCategory;

  @ApiPropertyOptional({ example: 'Course fee, 4 participants' })
  @Optional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ example: nok(120_000), minimum: 0, description: 'Øre' })
  @IsOre()
  amountOre!: number;
}

export class TrainingFinancingPlanDto implements TrainingFinancingPlan {
  @ApiProperty({ example: nok(200_000), minimum: 0, description: 'Øre' })
  @IsOre()
  ownContributionOre!: number;

  @ApiProperty({ example: 0, minimum: 0, description: 'Øre' })
  @IsOre()
  otherPublicSupportOre!: number;

  @ApiProperty({ example: nok(200_000), minimum: 0, description: 'Øre' })
  @IsOre()
  requestedGrantOre!: number;
}

export class TrainingAidDeclarationsDto implements TrainingAidDeclarations {
  @ApiProperty({ example: false })
  @IsBoolean()
  otherPublicSupportReceived!: boolean;

  @ApiProperty({ example: 0, minimum: 0, description: 'Øre; 0 when none' })
  @IsOre()
  otherPublicSupportAmountOre!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  notInEconomicDifficulty!: boolean;
}
