import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatNorwegianDateTime, IsIsoInstant, Optional } from '@lib/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, ValidateIf } from 'class-validator';
import { schemeReason, type CallWindow, type SchemeReason } from './scheme-definition';

/**
 * When a call takes applications, the same way for every scheme that has no calendar of its own:
 * `rolling` (from opening until a closing time, or until the frame is used) or `fixed` (application
 * deadlines, søknadsfrister, such as 1 April and 1 October; the call closes at the last one).
 */
export const SUBMISSION_WINDOW_KINDS = ['rolling', 'fixed'] as const;
export type SubmissionWindowKind = (typeof SUBMISSION_WINDOW_KINDS)[number];

export interface SubmissionWindow {
  readonly kind: SubmissionWindowKind;
  /** When applications may first be submitted (an instant with its offset). */
  readonly opensAt: string;
  /** Rolling calls only; absent = open until the frame (ramme) is used up. */
  readonly closesAt?: string;
  /** Fixed calls only: the application deadlines, earliest first. */
  readonly deadlines?: readonly string[];
}

export class SubmissionWindowDto implements SubmissionWindow {
  @ApiProperty({ enum: SUBMISSION_WINDOW_KINDS, example: 'rolling' })
  @IsIn(SUBMISSION_WINDOW_KINDS)
  kind!: SubmissionWindowKind;

  @ApiProperty({ example: '2026-01-05T08:00:00+01:00', description: 'Date-time with offset' })
  @IsIsoInstant()
  opensAt!: string;

  @ApiPropertyOptional({
    example: '2026-11-30T23:59:59+01:00',
    description: 'Rolling calls only; absent means open until the frame is used up',
  })
  @Optional()
  @IsIsoInstant()
  closesAt?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['2027-04-01T23:59:59+02:00', '2027-10-01T23:59:59+02:00'],
    description: 'Fixed calls only: application deadlines (søknadsfrister), earliest first',
  })
  @ValidateIf((window: SubmissionWindowDto) => window.kind === 'fixed' || window.deadlines !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(24)
  @IsIsoInstant({ each: true })
  deadlines?: string[];
}

/** The window as the call's opening and closing instants (closing: the last deadline of a fixed call). */
export function submissionPeriod(window: SubmissionWindow): CallWindow {
  return {
    opensAt: window.opensAt,
    closesAt: (window.kind === 'rolling' ? window.closesAt : window.deadlines?.at(-1)) ?? null,
  };
}

/** Why an application cannot be submitted at `now` (not yet open, or closed); empty = open. */
export function submissionRefusals(window: SubmissionWindow, now: Date): SchemeReason[] {
  if (now.getTime() < Date.parse(window.opensAt))
    return [
      schemeReason('call_not_open', {
        nb: `Utlysningen åpner ${formatNorwegianDateTime(window.opensAt)}`,
        en: `The call opens at ${window.opensAt}`,
      }),
    ];
  const { closesAt } = submissionPeriod(window);
  if (closesAt !== null && now.getTime() > Date.parse(closesAt))
    return [
      schemeReason('call_closed', {
        nb: `Utlysningen stengte ${formatNorwegianDateTime(closesAt)}`,
        en: `The call closed at ${closesAt}`,
      }),
    ];
  return [];
}

/** What spans the window's fields: closing after opening, deadlines ascending and after the opening. */
export function checkSubmissionWindow(window: SubmissionWindow, at = 'window'): SchemeReason[] {
  const reasons: SchemeReason[] = [];
  const invalid = (nb: string, en: string, field: string) =>
    reasons.push(schemeReason('invalid_call_window', { nb, en }, `${at}.${field}`));
  const opens = Date.parse(window.opensAt);
  if (window.kind === 'rolling' && window.deadlines !== undefined)
    invalid('En løpende utlysning har ingen søknadsfrister', 'A rolling call has no deadlines', 'deadlines');
  if (window.kind === 'fixed') {
    const deadlines = (window.deadlines ?? []).map((d) => Date.parse(d));
    if (window.closesAt !== undefined)
      invalid(
        'En utlysning med faste frister stenger ved siste frist; utelat closesAt',
        'A fixed call closes at its last deadline; omit closesAt',
        'closesAt',
      );
    if (deadlines.length === 0)
      invalid(
        'En utlysning med faste frister trenger minst én frist',
        'A fixed call needs at least one deadline',
        'deadlines',
      );
    if (deadlines.some((d, i) => d <= opens || (i > 0 && d <= deadlines[i - 1])))
      invalid(
        'Fristene må komme etter åpningen, tidligste først og uten gjentakelser',
        'Deadlines must come after the opening, earliest first, without repeats',
        'deadlines',
      );
  }
  if (window.closesAt !== undefined && Date.parse(window.closesAt) <= opens)
    invalid('Utlysningen må stenge etter at den åpner', 'The call must close after it opens', 'closesAt');
  return reasons;
}
