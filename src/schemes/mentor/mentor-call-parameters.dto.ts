import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { deepFreeze, IsBasisPoints, IsOre, NestedObject, nok } from '@lib/common';
import {
  AdvancePaymentCallParametersDto,
  DEFAULT_REPORT_FOLLOW_UP,
  SubmissionWindowDto,
  type AdvancePaymentCallParameters,
} from '@lib/engine';

/*
 * The parameters of one call (utlysning) of the mentor and trainee scheme for immigrants: one
 * county's rules for one round. Counties word and change these every year, so every figure a rule
 * compares against is data here. The DTO classes check each field's shape; `checkMentorCallParameters`
 * (mentor.rules.ts) checks what spans several fields.
 */

/**
 * How staff time in the own share is turned into money: an hourly rate of a share of the person's
 * gross annual salary (Rogaland: 1.2 ‰), capped (800 NOK/h), rounded down to whole øre.
 */
export interface MentorStaffTimeRate {
  /** The hourly rate's share of gross annual salary, in basis points: 12 = 0.12 % = 1.2 ‰. */
  readonly basisPointsOfAnnualSalary: number;
  /** The highest hourly rate, øre (800 NOK = 80 000). */
  readonly maxHourlyRateOre: number;
}

/**
 * The kernel's common parameters (window, eligibility, days to accept, delegation threshold, the
 * final report's follow-up, the advance share) and the scheme's own. Who may apply: Trøndelag: municipalities and municipal companies in the county.
 */
export interface MentorCallParameters extends AdvancePaymentCallParameters {
  /** The own share (egenandel) must be at least this share of the amount applied for, basis points (5000 = 50 %). */
  readonly minOwnShareBasisPoints: number;
  readonly staffTimeRate: MentorStaffTimeRate;
  /** Staff time in the own share must be documented with timesheets (timelister). */
  readonly timesheetsRequired: boolean;
  /** Projects with fewer participants than this are not refused, but get a lower priority (Trøndelag: 10). */
  readonly priorityMinParticipants: number;
  /** The largest grant to one project, øre. */
  readonly maxGrantOre: number;
  /** The project must end within this many months of its start. */
  readonly maxProjectMonths: number;
  /**
   * De minimis ceiling for applicants with economic activity (state aid), øre: the grant plus de
   * minimis aid received in the last three fiscal years must stay within it.
   */
  readonly deMinimisCeilingOre: number;
}

export class MentorStaffTimeRateDto implements MentorStaffTimeRate {
  @ApiProperty({
    example: 12,
    minimum: 0,
    maximum: 10_000,
    description: 'Hourly rate as basis points of gross annual salary: 12 = 1.2 ‰',
  })
  @IsBasisPoints()
  basisPointsOfAnnualSalary!: number;

  @ApiProperty({ example: nok(800), description: 'Highest hourly rate, øre' })
  @IsOre()
  maxHourlyRateOre!: number;
}

export class MentorCallParametersDto extends AdvancePaymentCallParametersDto implements MentorCallParameters {
  @NestedObject(() => SubmissionWindowDto)
  window!: SubmissionWindowDto;

  @ApiProperty({
    example: 5000,
    minimum: 0,
    maximum: 10_000,
    description: 'Basis points of the amount applied for',
  })
  @IsBasisPoints()
  minOwnShareBasisPoints!: number;

  @NestedObject(() => MentorStaffTimeRateDto)
  staffTimeRate!: MentorStaffTimeRateDto;

  @ApiProperty({ example: true })
  @IsBoolean()
  timesheetsRequired!: boolean;

  @ApiProperty({
    example: 10,
    minimum: 0,
    description: 'Fewer participants lowers the priority (not a refusal)',
  })
  @IsInt()
  @Min(0)
  @Max(100_000)
  priorityMinParticipants!: number;

  @ApiProperty({ example: nok(400_000), description: 'Largest grant to one project, øre' })
  @IsOre()
  maxGrantOre!: number;

  @ApiProperty({ example: 24, minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  maxProjectMonths!: number;

  @ApiProperty({ example: nok(3_400_000), description: 'De minimis ceiling over three fiscal years, øre' })
  @IsOre()
  deMinimisCeilingOre!: number;
}

/*
 * Demo calls (seed data). Sources: domain research §2.3 (who may apply, own share ≥ 50 % of the
 * amount applied for, 1.2 ‰ / 800 NOK, timesheets, deadlines 1 April and 1 October in Trøndelag,
 * rolling in Rogaland, ≥ 10 participants as a priority) and §4.5 (de minimis). [ASSUMPTION] where
 * the research has no figure: the grant cap (Vestland gave 180 000–400 000 NOK per project), 24
 * months, the 500 000 NOK delegation threshold, 21 days to accept, 50 % advance, and the de minimis
 * ceiling of EUR 300 000 at about 11.3 NOK/EUR.
 */

const STAFF_TIME_RATE: MentorStaffTimeRate = { basisPointsOfAnnualSalary: 12, maxHourlyRateOre: nok(800) };

/**
 * Trøndelag: municipalities (and municipal companies) in Trøndelag only, rounds with deadlines 1
 * April and 1 October. The historical deadlines are moved to the coming year: the call for 2027 is
 * announced in November 2026, so it takes applications now, towards 1 April 2027.
 */
export const TRONDELAG_MENTOR_CALL_PARAMETERS: MentorCallParameters = deepFreeze({
  window: {
    kind: 'fixed',
    opensAt: '2026-11-02T08:00:00+01:00',
    deadlines: ['2027-04-01T23:59:59+02:00', '2027-10-01T23:59:59+02:00'],
  },
  eligibility: [
    { rule: 'organisation_form', forms: ['KOMM', 'KF', 'IKS'] },
    { rule: 'county', countyCodes: ['50'] },
  ],
  minOwnShareBasisPoints: 5000,
  staffTimeRate: STAFF_TIME_RATE,
  timesheetsRequired: true,
  priorityMinParticipants: 10,
  maxGrantOre: nok(400_000),
  maxProjectMonths: 24,
  deMinimisCeilingOre: nok(3_400_000),
  delegationThresholdOre: nok(500_000),
  acceptanceDays: 21,
  advancePaymentBasisPoints: 5000,
  ...DEFAULT_REPORT_FOLLOW_UP,
});

/**
 * Rogaland: municipalities, public and private businesses and voluntary organisations in Rogaland;
 * rolling, open from January until the frame is spent.
 */
export const ROGALAND_MENTOR_CALL_PARAMETERS: MentorCallParameters = deepFreeze({
  window: { kind: 'rolling', opensAt: '2026-01-05T08:00:00+01:00' },
  eligibility: [
    {
      rule: 'organisation_form',
      forms: ['AS', 'ASA', 'ENK', 'ANS', 'DA', 'SA', 'NUF', 'STI', 'FLI', 'KOMM', 'KF', 'IKS', 'ORGL'],
    },
    { rule: 'county', countyCodes: ['11'] },
  ],
  minOwnShareBasisPoints: 5000,
  staffTimeRate: STAFF_TIME_RATE,
  timesheetsRequired: true,
  priorityMinParticipants: 10,
  maxGrantOre: nok(400_000),
  maxProjectMonths: 24,
  deMinimisCeilingOre: nok(3_400_000),
  delegationThresholdOre: nok(500_000),
  acceptanceDays: 21,
  advancePaymentBasisPoints: 5000,
  ...DEFAULT_REPORT_FOLLOW_UP,
});
