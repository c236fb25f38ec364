import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { schemeReason, type SchemeReason } from '@lib/engine';

/*
 * Jobbsjansen's yearly report (årsrapport): IMDi asked projects to report every year at project and
 * participant level (§2.2). At project level what was done, the hours of teaching given and how the
 * project is going; at participant level only counts (no personal data): how many took part, how
 * many completed and how many dropped out so far.
 */

/** The key of the yearly report among the scheme's interim reports; instalments name it in `after`. */
export const JOBBSJANSEN_YEARLY_REPORT = 'yearly';

export interface JobbsjansenYearlyReport {
  /** Project level: what was done this year. */
  readonly activities: string;
  /** Project level: hours of teaching given this year. */
  readonly teachingHours: number;
  /** Project level: progress against the plan, and what changes. */
  readonly progress: string;
  /** Participant level: participants this year. */
  readonly participants: number;
  /** Participant level: of them, those who completed. */
  readonly completed: number;
  /** Participant level: of them, those who dropped out. */
  readonly droppedOut: number;
}

export class JobbsjansenYearlyReportDto implements JobbsjansenYearlyReport {
  @ApiProperty({ example: 'Two classes ran from August; language support in the afternoons' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  activities!: string;

  @ApiProperty({ example: 1140, minimum: 0, maximum: 100_000, description: 'Hours of teaching given' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  teachingHours!: number;

  @ApiProperty({ example: 'On plan; one more teacher from January' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  progress!: string;

  @ApiProperty({ example: 18, minimum: 0, maximum: 10_000 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  participants!: number;

  @ApiProperty({ example: 4, minimum: 0, maximum: 10_000 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  completed!: number;

  @ApiProperty({ example: 2, minimum: 0, maximum: 10_000 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  droppedOut!: number;
}

/** Those who completed and those who dropped out are among the participants, so together no more. */
export function checkJobbsjansenYearlyReport(report: JobbsjansenYearlyReport): SchemeReason[] {
  if (report.completed + report.droppedOut <= report.participants) return [];
  return [
    schemeReason(
      'yearly_report_counts',
      {
        nb: 'Fullført og avbrutt kan til sammen ikke være flere enn deltakerne',
        en: 'Completed and dropped out together cannot be more than the participants',
      },
      'completed',
    ),
  ];
}
