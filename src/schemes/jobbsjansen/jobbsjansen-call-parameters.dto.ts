import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import {
  deepFreeze,
  IsBasisPoints,
  IsIsoDate,
  IsIsoInstant,
  IsOre,
  NestedObject,
  nok,
  Optional,
} from '@lib/common';
import { CallParametersDto, DEFAULT_REPORT_FOLLOW_UP, type CallParameters } from '@lib/engine';

/*
 * The parameters of one Jobbsjansen del B call (utlysning): one county's rules for one budget year.
 * Everything a rule compares against lives here as data, so next year's call is new data, not code.
 *
 * The interfaces are what the pure rules take; the DTO classes validate the same shape when a call
 * is created over HTTP. `checkJobbsjansenCallParameters` (jobbsjansen.rules.ts) checks what spans
 * several fields (closing after opening, payment dates inside the project period, public applicants).
 */

export interface JobbsjansenCallWindow {
  /** When applications may first be submitted. */
  readonly opensAt: string;
  /** The application deadline (søknadsfrist); absent = open while the frame (ramme) lasts (løpende). */
  readonly closesAt?: string;
}

/** The period projects under this call must lie in (a school year, or a budget year). */
export interface JobbsjansenProjectPeriod {
  /** Earliest first project day, `YYYY-MM-DD`. */
  readonly earliestStart: string;
  /** Latest last project day, `YYYY-MM-DD`. */
  readonly latestEnd: string;
}

/**
 * Two payments a year, one in spring (January–June) and one in autumn (July–December), as IMDi
 * paid Jobbsjansen (§2.2). Whichever comes first in the project period is paid first.
 */
export interface JobbsjansenPaymentSchedule {
  /** Day the spring instalment falls due, `YYYY-MM-DD`. */
  readonly springDate: string;
  /** Day the autumn instalment falls due, `YYYY-MM-DD`. */
  readonly autumnDate: string;
  /** The spring instalment's share of the grant, basis points, rounded down; autumn gets the rest. */
  readonly springShareBasisPoints: number;
  /**
   * Day the yearly report (årsrapport) is due, `YYYY-MM-DD`; the second instalment waits for it to be
   * approved. Absent: 30 days before the second instalment (see `yearlyReportDueDate`).
   */
  readonly yearlyReportDue?: string;
}

/**
 * The kernel's common parameters (eligibility, days to accept, delegation threshold, the final
 * report's follow-up) with Jobbsjansen's own window, and the scheme's own. Eligibility must include
 * an `organisation_form` rule with public forms only. There is no advance: `payments` is the plan.
 */
export interface JobbsjansenCallParameters extends CallParameters<JobbsjansenCallWindow> {
  readonly projectPeriod: JobbsjansenProjectPeriod;
  /** Participants a project should have (IMDi: at least 15). */
  readonly minParticipants: number;
  /**
   * Whether fewer participants refuses the application (true) or is only an advisory the case
   * officer weighs (false, the IMDi wording "should have").
   */
  readonly minParticipantsIsHardRule: boolean;
  /**
   * Own financing (egenfinansiering) the applicant must put in, as a share of the project's total
   * costs, basis points. Own financing above zero is required even when this is 0.
   */
  readonly minOwnShareBasisPoints: number;
  /** The most one project can be granted, øre. */
  readonly maxGrantPerProjectOre: number;
  readonly payments: JobbsjansenPaymentSchedule;
}

export class JobbsjansenCallWindowDto implements JobbsjansenCallWindow {
  @ApiProperty({ example: '2026-06-01T08:00:00+02:00', description: 'Date-time with offset' })
  @IsIsoInstant()
  opensAt!: string;

  @ApiPropertyOptional({
    example: '2027-02-25T23:59:59+01:00',
    description: 'Application deadline (søknadsfrist); absent means open while the frame lasts',
  })
  @Optional()
  @IsIsoInstant()
  closesAt?: string;
}

export class JobbsjansenProjectPeriodDto implements JobbsjansenProjectPeriod {
  @ApiProperty({ example: '2026-08-01', format: 'date', description: 'Earliest first project day' })
  @IsIsoDate()
  earliestStart!: string;

  @ApiProperty({ example: '2027-07-31', format: 'date', description: 'Latest last project day' })
  @IsIsoDate()
  latestEnd!: string;
}

export class JobbsjansenPaymentScheduleDto implements JobbsjansenPaymentSchedule {
  @ApiProperty({ example: '2027-03-15', format: 'date', description: 'Spring instalment due (January–June)' })
  @IsIsoDate()
  springDate!: string;

  @ApiProperty({
    example: '2026-12-15',
    format: 'date',
    description: 'Autumn instalment due (July–December)',
  })
  @IsIsoDate()
  autumnDate!: string;

  @ApiProperty({
    example: 5000,
    minimum: 0,
    maximum: 10_000,
    description: 'Spring share, basis points, rounded down; autumn gets the rest',
  })
  @IsBasisPoints()
  springShareBasisPoints!: number;

  @ApiPropertyOptional({
    example: '2027-02-13',
    format: 'date',
    description: 'Yearly report due; the second instalment waits for its approval. Absent: 30 days before it',
  })
  @Optional()
  @IsIsoDate()
  yearlyReportDue?: string;
}

export class JobbsjansenCallParametersDto
  extends CallParametersDto<JobbsjansenCallWindow>
  implements JobbsjansenCallParameters
{
  @NestedObject(() => JobbsjansenCallWindowDto)
  window!: JobbsjansenCallWindowDto;

  @NestedObject(() => JobbsjansenProjectPeriodDto)
  projectPeriod!: JobbsjansenProjectPeriodDto;

  @ApiProperty({ example: 15, minimum: 1, maximum: 1000, description: 'Participants a project should have' })
  @IsInt()
  @Min(1)
  @Max(1000)
  minParticipants!: number;

  @ApiProperty({ example: false, description: 'true: fewer participants refuses; false: an advisory only' })
  @IsBoolean()
  minParticipantsIsHardRule!: boolean;

  @ApiProperty({
    example: 2000,
    minimum: 0,
    maximum: 9999,
    description:
      "Minimum own financing, basis points of the project's total costs; above zero is always required",
  })
  @IsBasisPoints()
  @Max(9999)
  minOwnShareBasisPoints!: number;

  @ApiProperty({ example: nok(1_500_000), minimum: 1, description: 'Øre' })
  @IsOre()
  @Min(1)
  maxGrantPerProjectOre!: number;

  @NestedObject(() => JobbsjansenPaymentScheduleDto)
  payments!: JobbsjansenPaymentScheduleDto;
}

/*
 * Demo calls. No county call under the name "Jobbsjansen del B" was found after 2020: counties
 * probably spend the money in agreements with municipalities rather than in a call with a deadline
 * (§2.2, §8). The demo is therefore a rolling call (løpende, while the frame lasts) in which
 * municipalities apply for an offer for the school year 2026/27, opened before the school year and
 * still open now (November 2026). The rules are IMDi's del B rules (public applicants, ≥ 15
 * participants, own financing, no ordinary operations, two payments a year); the figures no
 * source gives (caps, own shares, payment days) are assumptions of a realistic size.
 */

/** Trøndelag: 15 participants is advisory ("should have"), 20 % own financing, 1.5 MNOK per project. */
export const TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS: JobbsjansenCallParameters = deepFreeze({
  window: { opensAt: '2026-06-01T08:00:00+02:00' },
  eligibility: [
    { rule: 'organisation_form', forms: ['KOMM', 'FYLK', 'KF', 'IKS'] },
    { rule: 'county', countyCodes: ['50'] },
  ],
  projectPeriod: { earliestStart: '2026-08-01', latestEnd: '2027-07-31' },
  minParticipants: 15,
  minParticipantsIsHardRule: false,
  minOwnShareBasisPoints: 2000,
  maxGrantPerProjectOre: nok(1_500_000),
  delegationThresholdOre: nok(500_000),
  acceptanceDays: 21,
  payments: { springDate: '2027-03-15', autumnDate: '2026-12-15', springShareBasisPoints: 5000 },
  ...DEFAULT_REPORT_FOLLOW_UP,
});

/**
 * The same call as Rogaland might run it: 15 participants is a hard rule, 25 % own financing,
 * 1.2 MNOK per project, and a deadline. Not seeded (the research gives no Rogaland figures); the
 * tests use it for the hard-rule variant.
 */
export const ROGALAND_JOBBSJANSEN_CALL_PARAMETERS: JobbsjansenCallParameters = deepFreeze({
  window: { opensAt: '2026-06-01T08:00:00+02:00', closesAt: '2027-03-01T12:00:00+01:00' },
  eligibility: [
    { rule: 'organisation_form', forms: ['KOMM', 'FYLK', 'KF', 'IKS'] },
    { rule: 'county', countyCodes: ['11'] },
  ],
  projectPeriod: { earliestStart: '2026-08-01', latestEnd: '2027-07-31' },
  minParticipants: 15,
  minParticipantsIsHardRule: true,
  minOwnShareBasisPoints: 2500,
  maxGrantPerProjectOre: nok(1_200_000),
  delegationThresholdOre: nok(500_000),
  acceptanceDays: 21,
  payments: { springDate: '2027-04-01', autumnDate: '2026-11-01', springShareBasisPoints: 5000 },
  ...DEFAULT_REPORT_FOLLOW_UP,
});
