import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AdvancePaymentCallParametersDto,
  DEFAULT_REPORT_FOLLOW_UP,
  SubmissionWindowDto,
  type AdvancePaymentCallParameters,
} from '@lib/engine';
import { deepFreeze, IsBasisPoints, IsOre, NestedObject } from '@lib/common';
import { nok, type Ratio } from '@lib/common';
import { BIO_ATTACHMENT_DEFAULTS } from './bio-attachments';
import {
  BIO_COST_CATEGORIES,
  BIO_STATE_AID_BASES,
  type BioCostCategory,
  type BioStateAidBasis,
} from './bio-vocabulary';

/*
 * The parameters of one BIO call (utlysning): one county's rules for one year or round. Counties
 * change these every year, so everything a rule compares against lives here as data.
 *
 * The interfaces are what the pure rules and calculations take; the DTO classes validate the same
 * shape when a call is created or edited over HTTP. Run `checkBioCallParameters` (bio.rules.ts) as
 * well: it checks what spans several fields (closing after opening, GBER intensity ceiling, …).
 */

export interface BioSizeCaps {
  /** Companies with fewer employees than this are small (Trøndelag: 50, so 49 is small and 50 is not). */
  readonly smallBelowEmployees: number;
  /** Maximum grant for a small company, øre. */
  readonly smallCompanyMaxOre: number;
  /** Maximum grant for any other company, øre. */
  readonly otherCompanyMaxOre: number;
}

/**
 * The kernel's common parameters (window, eligibility, days to accept, delegation threshold, the
 * final report's follow-up, the advance share) and BIO's own. Eligibility: organisation forms,
 * employees (the owner of a sole proprietorship is not one, so `min_employees` 1 shuts out an ENK
 * without employees), county.
 */
export interface BioCallParameters extends AdvancePaymentCallParameters {
  readonly maxGrantBySize: BioSizeCaps;
  /**
   * Cap per participating employee, øre: the grant may not exceed this × the number of participants.
   * (Not × the company's total employee count: the money follows the people being trained.)
   */
  readonly maxGrantPerParticipantOre: number;
  /** Aid intensity (støtteintensitet): the grant's maximum share of eligible costs, basis points. */
  readonly aidIntensityBasisPoints: number;
  /** Travel, subsistence and administration together: maximum share of total costs, basis points. */
  readonly maxTravelAndAdministrationBasisPoints: number;
  /** Provider (training) costs: minimum share of eligible costs, as an exact ratio (1/3). */
  readonly minTrainingCostShare: Ratio;
  /** Cost categories that count as eligible costs; others may be in the plan but earn no grant. */
  readonly eligibleCostCategories: readonly BioCostCategory[];
  /** Maximum training weeks per participant (26 or 52 in the county guidelines). */
  readonly maxWeeksPerParticipant: number;
  /** The project must end within this many months of its start (and, at grant time, of the tilsagn). */
  readonly completionMonths: number;
  /** The project may not start before the application is sent (GBER art. 6: incentive effect). */
  readonly startNotBeforeApplicationDate: boolean;
  /** Extra notice: days from sending to start (Innlandet: about one month). Used only with the flag above. */
  readonly minDaysFromApplicationToStart: number;
  readonly stateAidBasis: BioStateAidBasis;
}

export class BioSizeCapsDto implements BioSizeCaps {
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

export class RatioDto implements Ratio {
  @ApiProperty({ example: 1, minimum: 0 })
  @IsInt()
  @Min(0)
  numerator!: number;

  @ApiProperty({ example: 3, minimum: 1 })
  @IsInt()
  @Min(1)
  denominator!: number;
}

export class BioCallParametersDto extends AdvancePaymentCallParametersDto implements BioCallParameters {
  @NestedObject(() => SubmissionWindowDto)
  window!: SubmissionWindowDto;

  @NestedObject(() => BioSizeCapsDto)
  maxGrantBySize!: BioSizeCapsDto;

  @ApiProperty({ example: nok(100_000), description: 'Øre per participating employee' })
  @IsOre()
  maxGrantPerParticipantOre!: number;

  @ApiProperty({ example: 5000, minimum: 0, maximum: 10_000, description: 'Basis points; 5000 = 50 %' })
  @IsBasisPoints()
  aidIntensityBasisPoints!: number;

  @ApiProperty({ example: 1000, minimum: 0, maximum: 10_000, description: 'Basis points of total costs' })
  @IsBasisPoints()
  maxTravelAndAdministrationBasisPoints!: number;

  @ApiProperty({ type: () => RatioDto, description: 'Minimum provider-cost share of eligible costs' })
  @IsObject()
  @ValidateNested()
  @Type(() => RatioDto)
  minTrainingCostShare!: RatioDto;

  @ApiProperty({ enum: BIO_COST_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(BIO_COST_CATEGORIES, { each: true })
  eligibleCostCategories!: BioCostCategory[];

  @ApiProperty({ example: 52, minimum: 1, maximum: 104 })
  @IsInt()
  @Min(1)
  @Max(104)
  maxWeeksPerParticipant!: number;

  @ApiProperty({ example: 18, minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  completionMonths!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  startNotBeforeApplicationDate!: boolean;

  @ApiProperty({ example: 0, minimum: 0, maximum: 365 })
  @IsInt()
  @Min(0)
  @Max(365)
  minDaysFromApplicationToStart!: number;

  @ApiProperty({ enum: BIO_STATE_AID_BASES, example: 'gber_art31' })
  @IsIn(BIO_STATE_AID_BASES)
  stateAidBasis!: BioStateAidBasis;
}

/**
 * Trøndelag's BIO call as published on trondelagfylke.no (rolling, opening in January and running
 * while money lasts), used as seed data. Figures the current page does not state are taken from
 * Trøndelag 2022 (52 weeks), the NAV-era baseline (training ≥ 1/3), Vestland's three-week acceptance
 * and the engine's assumed delegation threshold; see domain-research.md §2.1 and §7.
 */
export const TRONDELAG_BIO_CALL_PARAMETERS: BioCallParameters = deepFreeze({
  window: { kind: 'rolling', opensAt: '2026-01-05T08:00:00+01:00' },
  eligibility: [
    { rule: 'organisation_form', forms: ['AS', 'ASA', 'ENK', 'ANS', 'DA', 'SA', 'NUF'] },
    { rule: 'min_employees', count: 1 },
    { rule: 'county', countyCodes: ['50'] },
  ],
  maxGrantBySize: {
    smallBelowEmployees: 50,
    smallCompanyMaxOre: nok(300_000),
    otherCompanyMaxOre: nok(500_000),
  },
  maxGrantPerParticipantOre: nok(100_000),
  aidIntensityBasisPoints: 5000,
  maxTravelAndAdministrationBasisPoints: 1000,
  minTrainingCostShare: { numerator: 1, denominator: 3 },
  eligibleCostCategories: ['participant_wages', 'provider_fees', 'travel_subsistence', 'administration'],
  maxWeeksPerParticipant: 52,
  completionMonths: 18,
  startNotBeforeApplicationDate: true,
  minDaysFromApplicationToStart: 0,
  stateAidBasis: 'gber_art31',
  delegationThresholdOre: nok(500_000),
  acceptanceDays: 21,
  advancePaymentBasisPoints: 0,
  // BIO's own kinds, but none required: the demo can be walked through without files.
  attachments: BIO_ATTACHMENT_DEFAULTS.map(({ kind, context }) => ({
    kind,
    required: false,
    ...(context && { context }),
  })),
  ...DEFAULT_REPORT_FOLLOW_UP,
});
