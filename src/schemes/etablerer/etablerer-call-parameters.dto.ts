import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { deepFreeze, IsBasisPoints, IsOre, NestedObject, nok } from '@lib/common';
import {
  AdvancePaymentCallParametersDto,
  DEFAULT_REPORT_FOLLOW_UP,
  SubmissionWindowDto,
  type AdvancePaymentCallParameters,
} from '@lib/engine';

/*
 * The parameters of one call (utlysning) for entrepreneurship training for immigrants
 * (etablereropplæring): one county's rules for one round, as data. The DTO classes check each
 * field's shape; `checkEtablererCallParameters` (etablerer.rules.ts) checks what spans fields.
 */

/**
 * The support share (støtteandel) for applicants with economic activity: training aid under GBER
 * art. 31, normally 50 % of eligible costs, up to 60 % for SMEs (fewer than 250 employees).
 */
export interface EtablererAidIntensity {
  /** Basis points of eligible costs (5000 = 50 %). */
  readonly basisPoints: number;
  /** For SMEs, basis points (6000 = 60 %). */
  readonly smeBasisPoints: number;
  /** An SME has fewer registered employees than this (250). */
  readonly smeBelowEmployees: number;
}

/**
 * The kernel's common parameters (window, eligibility, days to accept, delegation threshold, the
 * final report's follow-up, the advance share) and the scheme's own. Who may apply: municipalities and public bodies, private organisations with expertise, voluntary organisations.
 */
export interface EtablererCallParameters extends AdvancePaymentCallParameters {
  /** Own funds (egne midler) ≥ this share of the amount applied for, basis points (10 000 = at least equal). */
  readonly minOwnFundsBasisPoints: number;
  readonly aidIntensity: EtablererAidIntensity;
  /** The largest grant to one project, øre. */
  readonly maxGrantOre: number;
  /** The project must end within this many months of its start. */
  readonly maxProjectMonths: number;
}

export class EtablererAidIntensityDto implements EtablererAidIntensity {
  @ApiProperty({ example: 5000, minimum: 0, maximum: 10_000, description: 'Basis points of eligible costs' })
  @IsBasisPoints()
  basisPoints!: number;

  @ApiProperty({ example: 6000, minimum: 0, maximum: 10_000, description: 'Basis points for SMEs' })
  @IsBasisPoints()
  smeBasisPoints!: number;

  @ApiProperty({ example: 250, minimum: 1, description: 'Fewer employees than this = SME' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  smeBelowEmployees!: number;
}

export class EtablererCallParametersDto
  extends AdvancePaymentCallParametersDto
  implements EtablererCallParameters
{
  @NestedObject(() => SubmissionWindowDto)
  window!: SubmissionWindowDto;

  @ApiProperty({
    example: 10_000,
    minimum: 0,
    maximum: 10_000,
    description: 'Own funds as basis points of the amount applied for; 10 000 = at least equal',
  })
  @IsBasisPoints()
  minOwnFundsBasisPoints!: number;

  @NestedObject(() => EtablererAidIntensityDto)
  aidIntensity!: EtablererAidIntensityDto;

  @ApiProperty({ example: nok(200_000), description: 'Largest grant to one project, øre' })
  @IsOre()
  maxGrantOre!: number;

  @ApiProperty({ example: 18, minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  maxProjectMonths!: number;
}

/**
 * Trøndelag's call (domain research §2.4): municipalities and public bodies, private organisations
 * with expertise and voluntary organisations; deadlines 1 April and 1 October, moved to the coming
 * year (the 2027 call is announced in November 2026 and takes applications now); support share
 * 50 %, 60 % for SMEs with economic activity (GBER art. 31); own funds at least equal to the amount
 * applied for (Vestfold og Telemark 2021, Vestland). [ASSUMPTION]: the 200 000 NOK cap (Vestland
 * 2021 gave 55 000–200 000), 18 months, the 500 000 NOK delegation threshold, 21 days, 50 % advance.
 */
export const TRONDELAG_ETABLERER_CALL_PARAMETERS: EtablererCallParameters = deepFreeze({
  window: {
    kind: 'fixed',
    opensAt: '2026-11-02T08:00:00+01:00',
    deadlines: ['2027-04-01T23:59:59+02:00', '2027-10-01T23:59:59+02:00'],
  },
  eligibility: [
    {
      rule: 'organisation_form',
      forms: ['KOMM', 'FYLK', 'KF', 'IKS', 'ORGL', 'STAT', 'AS', 'ASA', 'ENK', 'SA', 'STI', 'FLI'],
    },
    { rule: 'county', countyCodes: ['50'] },
  ],
  minOwnFundsBasisPoints: 10_000,
  aidIntensity: { basisPoints: 5000, smeBasisPoints: 6000, smeBelowEmployees: 250 },
  maxGrantOre: nok(200_000),
  maxProjectMonths: 18,
  delegationThresholdOre: nok(500_000),
  acceptanceDays: 21,
  advancePaymentBasisPoints: 5000,
  ...DEFAULT_REPORT_FOLLOW_UP,
});
