import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MAX_AMOUNT_ORE, PageQuery, Optional, IsVersion, IsIsoInstant } from '@lib/common';
import { STATUSES, type LifecycleStatus } from '@lib/engine';
import { CaseImpartialityDto } from './impartiality.dto';
import { CASE_NUMBER_SEARCH } from './case-number';

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid', description: 'The published call (utlysning) to apply under' })
  @IsUUID()
  callId!: string;

  @ApiProperty({ format: 'uuid', description: 'The organisation applying (you must act for it)' })
  @IsUUID()
  organisationId!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "The scheme's application form, possibly incomplete (see GET /schemes for its schema)",
  })
  @Optional()
  @IsObject()
  content?: Record<string, unknown>;
}

export class UpdateApplicationDto {
  @ApiProperty({ description: 'The content version this edit is based on; a stale one is refused with 409' })
  @IsVersion()
  version!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The whole form, replacing the previous',
  })
  @IsObject()
  content!: Record<string, unknown>;
}

/**
 * The sub-states of the common lifecycle a work queue filters on, as the `state` column holds them
 * (`assessment.recommended`: a recommendation awaits the approver's decision).
 */
export const SUB_STATES = [
  'assessment.in_review',
  'assessment.awaiting_applicant',
  'assessment.recommended',
  'granted.awaiting_acceptance',
  'granted.active',
  'reported.report_review',
  'reported.settling',
  'cancelled.settling',
  'cancelled.closed',
] as const;
export type SubState = (typeof SUB_STATES)[number];

/** A top-level status (`assessment`) or one of its sub-states (`assessment.recommended`). */
export const STATUS_FILTERS = [...STATUSES, ...SUB_STATES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** Orders of a list: newest or oldest submitted first (applicants: created), or by amount applied for. */
export const APPLICATION_SORTS = ['newest', 'oldest', 'amount_desc', 'amount_asc'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export class ApplicationQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: STATUS_FILTERS,
    description: 'A top-level status, or a sub-state such as assessment.recommended',
  })
  @Optional()
  @IsIn(STATUS_FILTERS)
  status?: StatusFilter;

  @ApiPropertyOptional({ example: 'bio' })
  @Optional()
  @IsString()
  @MaxLength(40)
  schemeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only applications under this call (utlysning)' })
  @Optional()
  @IsUUID()
  callId?: string;

  @ApiPropertyOptional({
    example: 'BIO-2026-000042',
    description: 'Only the application with this case reference (saksnummer), if it is yours to see',
  })
  @Optional()
  @IsString()
  @MaxLength(40)
  reference?: string;

  @ApiPropertyOptional({
    example: 'BIO-2026-0000',
    description: 'Case references starting with this (letters, digits and hyphens; case-insensitive)',
  })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(/^[A-Za-z0-9-]+$/)
  referencePrefix?: string;

  @ApiPropertyOptional({
    example: '2026/BIO/0123',
    description:
      'Only cases with this case number (saksnummer): whole (2026/BIO/0123), without the year (BIO/123) or the number alone (123); leading zeros and letter case do not matter',
  })
  @Optional()
  @IsString()
  @MaxLength(40)
  @Matches(CASE_NUMBER_SEARCH, {
    message: 'caseNumber must be a case number such as 2026/BIO/0123, BIO/123 or 123',
  })
  caseNumber?: string;

  @ApiPropertyOptional({
    enum: ['me', 'none'],
    description: 'Staff: cases assigned to me, or cases no case officer has taken yet',
  })
  @Optional()
  @IsIn(['me', 'none'])
  assigned?: 'me' | 'none';

  @ApiPropertyOptional({
    enum: ['true'],
    description:
      'Approvers: recommendations and proposed cancellations in the county that await a decision, never their own (others: none)',
  })
  @Optional()
  @IsIn(['true'])
  awaitingMyDecision?: 'true';

  @ApiPropertyOptional({
    enum: APPLICATION_SORTS,
    default: 'newest',
    description: 'newest/oldest by submission (applicants: by creation); amount_* by the amount applied for',
  })
  @Optional()
  @IsIn(APPLICATION_SORTS)
  sort?: ApplicationSort;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Only this organisation's applications (staff: the organisation's other cases in the county)",
  })
  @Optional()
  @IsUUID()
  organisationId?: string;
}

// ── Command bodies: one per action, so that unknown fields are refused per action ────────────

/** A command with nothing to say but an optional comment for the record. */
export class CommentDto {
  @ApiPropertyOptional({ example: 'Signed by the general manager' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  comment?: string;
}

export class ReasonDto {
  @ApiPropertyOptional({ example: 'The project is postponed' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason?: string;
}

export class AssignDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Another case officer of the county; default: yourself',
  })
  @Optional()
  @IsUUID()
  caseOfficerId?: string;
}

export class MessageWithDueDto {
  @ApiProperty({ example: 'Please attach the training plan from the provider' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  message!: string;

  @ApiProperty({ example: '2026-03-18T12:00:00+01:00', description: 'ISO 8601 instant with offset' })
  @IsIsoInstant()
  dueAt!: string;
}

/** A request for information (the due date may be left to the call's answer period in business days). */
export class RequestInformationDto {
  @ApiProperty({ example: 'Please attach the training plan from the provider' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  message!: string;

  @ApiPropertyOptional({
    example: '2026-02-16T23:59:00+01:00',
    description:
      "ISO 8601 instant with offset; default: the end of the day the call's business days (virkedager) ahead, the case's `dueDates.informationResponse`",
  })
  @Optional()
  @IsIsoInstant()
  dueAt?: string;
}

export class OptionalMessageDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  message?: string;
}

export class MessageDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  message!: string;
}

export class RecommendGrantDto {
  @ApiProperty({ example: 25_000_000, description: 'Amount in øre (integer)' })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_ORE)
  amount!: number;

  @ApiProperty({ example: 'Clear restructuring need; realistic plan' })
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  notes!: string;
}

export class GroundsDto {
  @ApiProperty({ example: 'The training is mandatory by law and not eligible' })
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  grounds!: string;
}

export class DecideGrantDto {
  @ApiPropertyOptional({
    example: 'FU 161/20',
    description: "The committee's case, when above the delegation limit",
  })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  committeeCaseRef?: string;

  @ApiPropertyOptional({
    example: 'The training strengthens the restructuring the company has started',
    description: 'Why the grant is given (begrunnelse), in words the applicant reads',
  })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  grounds?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['The final report is sent within the deadline', 'Costs are documented with invoices'],
    description: 'What the grant is conditional on (vilkår), one per item',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  conditions?: string[];
}

export class SubmitReportDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The scheme's final report (sluttrapport)",
  })
  @IsObject()
  report!: Record<string, unknown>;
}

export class ApproveReportDto {
  @ApiPropertyOptional({
    description: 'Final payable amount in øre; default: what the scheme computes from the report',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_ORE)
  finalPayableAmount?: number;
}

// Cancellation and extension

/** Heving, prepared by the case officer: the grounds the applicant will read, and what is claimed back. */
export class LodgeAppealDto {
  @ApiProperty({
    example: 'The training is required by the new certification rules, which the rejection overlooked',
    description: 'What the applicant wants changed, and why (klage)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  grounds!: string;
}

export class ProposeAppealReversalDto {
  @ApiProperty({
    example: 25_000_000,
    description:
      'The amount granted on reversal, øre: a grant instead of a rejection, or more than was granted',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_ORE)
  amount!: number;

  @ApiProperty({ example: 'The certification requirement makes the training eligible' })
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  grounds!: string;
}

export class ProposeAppealForwardDto {
  @ApiProperty({
    example: 'The appeal brings nothing new; the training is ordinary onboarding',
    description: "The county's preparation note for the appeals board (oversendelse)",
  })
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  note!: string;
}

export class ProposeCancellationDto {
  @ApiProperty({ example: 'The project did not start, and the training will not take place' })
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  grounds!: string;

  @ApiPropertyOptional({
    description: 'øre claimed back of what was paid (at most that, less repayments); default 0',
    example: 5000000,
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_ORE)
  repaymentAmount?: number;
}

/** Utsatt frist: the applicant asks for a later final report deadline. */
export class RequestExtensionDto {
  @ApiProperty({ example: 'The provider moved the last course week to June' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason!: string;

  @ApiPropertyOptional({
    example: '2026-07-31T23:59:00+02:00',
    description:
      'The final report deadline asked for: ISO 8601 instant with offset, after the current one. ' +
      'This, `projectEndsAt` or both.',
  })
  @Optional()
  @IsIsoInstant()
  dueAt?: string;

  @ApiPropertyOptional({
    example: '2026-06-30T12:00:00+02:00',
    description:
      'A later project end asked for (forlenget prosjektperiode), after the current one; a final report ' +
      'deadline counted from the project end moves with it unless `dueAt` is given',
  })
  @Optional()
  @IsIsoInstant()
  projectEndsAt?: string;
}

/** The case officer grants the extension, for the date asked or another one. */
export class GrantExtensionDto {
  @ApiPropertyOptional({
    example: '2026-07-15T23:59:00+02:00',
    description: 'The new deadline, ISO 8601 instant with offset; default: the date the applicant asked for',
  })
  @Optional()
  @IsIsoInstant()
  dueAt?: string;

  @ApiPropertyOptional({
    example: '2026-06-30T12:00:00+02:00',
    description:
      'The new project end, when the request asked for one; default: the one asked for. A final report ' +
      'deadline counted from the project end follows it unless `dueAt` is given',
  })
  @Optional()
  @IsIsoInstant()
  projectEndsAt?: string;

  @ApiPropertyOptional({ example: 'A delay at the provider is a good reason; granted to mid-July' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  grounds?: string;
}
// end of Cancellation and extension

// ── Responses ──────────────────────────────────────────────────────────────────────────────

/** What the applicant is expected to do next on an application. */
export const APPLICANT_TASKS = [
  'complete_application',
  'answer_information_request',
  'accept_grant',
  'submit_final_report',
] as const;
export type ApplicantTaskKind = (typeof APPLICANT_TASKS)[number];

export class ApplicantTaskDto {
  @ApiProperty({ enum: APPLICANT_TASKS, example: 'accept_grant' }) kind!: ApplicantTaskKind;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-03-18T12:00:00.000Z',
    description: "When it is due; null when the case sets no deadline (a draft's is the call's closing)",
  })
  dueAt!: string | null;
}

export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    example: 'BIO-2026-000042',
    description: "The application's reference from its creation: its address and payment texts use it",
  })
  reference!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026/BIO/0042',
    description:
      'The case number (saksnummer), given on submission: year, scheme code and a number without gaps per county, scheme and year. Null for a draft',
  })
  caseNumber!: string | null;
  @ApiProperty({ example: 'bio' }) schemeId!: string;
  @ApiProperty({ format: 'uuid' }) callId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) countyId!: string;
  @ApiProperty({ enum: STATUSES }) status!: LifecycleStatus;
  @ApiProperty({ example: 'assessment.in_review' }) state!: string;
  @ApiProperty({ type: [String], example: ['status:assessment', 'awaiting:case_officer'] }) tags!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) content!: Record<string, unknown>;
  @ApiProperty() contentVersion!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'øre' }) requestedAmount!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'øre' }) maximumAmount!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'øre' }) grantedAmount!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) caseOfficerId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The case record (information requests, decision, deadlines); staff also see the recommendation',
  })
  case!: Record<string, unknown>;
  @ApiProperty({
    type: [String],
    example: ['SUBMIT', 'WITHDRAW', 'EDIT'],
    description: 'What the caller may do now: lifecycle events, and EDIT while the form is editable',
  })
  allowedActions!: string[];
  @ApiProperty({
    type: ApplicantTaskDto,
    nullable: true,
    description: "What the applicant must do next and by when; null while it is someone else's move or done",
  })
  applicantTask!: ApplicantTaskDto | null;
}

/** A reason's sentence in bokmål and English. */
export class ReasonTextDto {
  @ApiProperty({ example: 'Prosjektet har 14 deltakere; ordningen forventer minst 15' }) nb!: string;
  @ApiProperty({ example: 'The project has 14 participants; the scheme expects at least 15' }) en!: string;
}

export class SchemeReasonDto {
  @ApiProperty({ example: 'few_participants' }) code!: string;
  @ApiProperty({ description: 'The English sentence (the same as text.en)' }) message!: string;
  @ApiProperty({ type: ReasonTextDto, description: 'The sentence in bokmål and English' })
  text!: ReasonTextDto;
  @ApiPropertyOptional() field?: string;
}

export class InstalmentDto {
  @ApiProperty({ example: 'Forskudd' }) label!: string;
  @ApiProperty({ description: 'øre' }) amount!: number;
  @ApiProperty({ enum: ['acceptance', 'date', 'final_report'] }) on!: string;
  @ApiPropertyOptional({ example: '2027-03-15' }) date?: string;
  @ApiProperty({
    description:
      'øre paid towards this instalment: what has been paid (less repayments) fills the plan in order',
  })
  paid!: number;
}

/** One payment (utbetaling) of the grant, or money paid back (tilbakebetaling). */
export class GrantPaymentDto {
  @ApiProperty({ enum: ['disbursement', 'repayment'] }) kind!: 'disbursement' | 'repayment';
  @ApiProperty({ description: 'øre' }) amount!: number;
  @ApiProperty({ format: 'date-time', description: 'When finance booked it' }) at!: string;
}

/** The applicant organisation as the case officer names it. */
export class CaseOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Fjordverk Mekaniske AS' }) name!: string;
  @ApiProperty({ example: '921456786' }) organisationNumber!: string;
}

/**
 * Whether a decision must go to the political committee (the call's delegation limit, fixed at
 * submission): the approver is told before deciding, and the decision must cite the committee's case.
 */
export class CommitteeRouteDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'øre; a grant above it is decided by the committee; null: no limit',
  })
  delegationLimit!: number | null;
  @ApiProperty({
    description: 'The recommended grant is above the limit: DECIDE_GRANT needs committeeCaseRef',
  })
  required!: boolean;
}

/** The people and names a case page shows beside the case, so that it never shows an id alone. */
export class CaseNamesDto {
  @ApiProperty({ example: 'Etterutdanning i bedrift 2026' }) callTitle!: string;
  @ApiProperty({ type: CaseOrganisationDto }) organisation!: CaseOrganisationDto;
  @ApiProperty({ type: String, nullable: true, example: 'Ola Saksbehandler' })
  caseOfficerName!: string | null;
}

/** One application with what only a single read computes: the scheme's advisories and the payment plan. */
/** Staff only: the dates the case page needs for due dates, by the service's clock. */
export class CaseDueDatesDto {
  @ApiProperty({
    format: 'date',
    example: '2026-02-02',
    description: "Today's date in Norway: a due date chosen must not be before it",
  })
  today!: string;
  @ApiProperty({
    example: 10,
    description:
      'Business days (virkedager) the call gives the applicant to answer a request for information',
  })
  informationResponseBusinessDays!: number;
  @ApiProperty({
    format: 'date',
    example: '2026-02-16',
    description:
      'The due date of a request for information asked today when none is given: the business days ahead, skipping weekends and Norwegian public holidays',
  })
  informationResponse!: string;
}

export class ApplicationDetail extends ApplicationView {
  @ApiProperty({
    type: [SchemeReasonDto],
    description: 'Staff only: what the officer should weigh (never blocks); empty for applicants and drafts',
  })
  advisories!: SchemeReasonDto[];
  @ApiProperty({ type: [InstalmentDto], nullable: true, description: 'How the grant is paid, once granted' })
  paymentPlan!: InstalmentDto[] | null;
  @ApiProperty({
    type: [GrantPaymentDto],
    description: 'What has been paid out on the grant and paid back, oldest first; empty before any payment',
  })
  payments!: GrantPaymentDto[];
  @ApiProperty({ description: 'øre paid out on the grant, less repayments' })
  paidAmount!: number;
  @ApiProperty({ type: CaseNamesDto, description: 'The call, the organisation and the case officer by name' })
  names!: CaseNamesDto;
  @ApiProperty({
    type: CommitteeRouteDto,
    nullable: true,
    description:
      'Staff only: the delegation limit and whether the recommendation exceeds it; null for applicants',
  })
  committee!: CommitteeRouteDto | null;
  @ApiProperty({
    type: CaseDueDatesDto,
    nullable: true,
    description:
      "Staff only: today's date and the default due date of a request for information; null for applicants",
  })
  dueDates!: CaseDueDatesDto | null;
  @ApiProperty({
    type: CaseImpartialityDto,
    nullable: true,
    description:
      'Staff only: whether impartiality must be declared, your own declaration and every declaration on the case (habilitet); null for applicants',
  })
  impartiality!: CaseImpartialityDto | null;
}

/** Why and when the case officer sent a version of the final report back (tilbakesendt). */
export class ReportReturnDto {
  @ApiProperty({ example: '2026-03-02T10:15:00.000Z' }) returnedAt!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Siri Saksbehandler' })
  returnedByName!: string | null;
  @ApiProperty({ example: 'Attach the invoices for the travel costs' }) reason!: string;
  @ApiProperty({ example: '2026-03-16T23:59:00.000Z', description: 'The new due date given with it' })
  dueAt!: string;
}

/** One submitted version of the final report. */
export class ReportVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) content!: Record<string, unknown>;
  @ApiProperty({
    type: [String],
    description: 'Fields withheld from this reader: personal data is for the applicant and case officers',
  })
  withheld!: string[];
}

/** A version the case officer sent back, with the reason. */
export class ReturnedReportVersionDto extends ReportVersionDto {
  @ApiProperty({
    type: ReportReturnDto,
    nullable: true,
    description: 'The return; null only for a version whose return is not on record',
  })
  returned!: ReportReturnDto | null;
}

/** The final report: the version sent last, and (to staff) the versions sent back before it. */
export class FinalReportView extends ReportVersionDto {
  @ApiProperty({
    type: [ReturnedReportVersionDto],
    description:
      'Staff only: the earlier versions, each sent back by the case officer with a reason, newest first; empty for applicants',
  })
  previousVersions!: ReturnedReportVersionDto[];
}

/** A row of a list: the application with the names and counts a person reads in a work queue. */
export class ApplicationListItem extends ApplicationView {
  @ApiProperty({ example: 'Fjordverk AS' }) organisationName!: string;
  @ApiProperty({ example: '910000001', description: 'Organisasjonsnummer' }) organisationNumber!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'øre; staff only: the pending grant recommendation (innstilling), else null',
  })
  recommendedAmount!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'Siri Saksbehandler' })
  caseOfficerName!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Whole days since submission; null for drafts' })
  daysSinceSubmitted!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Whole days since information was requested, while the applicant has still to answer',
  })
  daysWaitingOnApplicant!: number | null;
}

export class ApplicationPage {
  @ApiProperty({ type: [ApplicationListItem] }) items!: ApplicationListItem[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The `after` of the next page; null on the last',
  })
  nextCursor!: string | null;
}

export class AuditEntryDto {
  @ApiProperty() seq!: number;
  @ApiProperty() event!: string;
  @ApiProperty({ nullable: true }) fromState!: string | null;
  @ApiProperty() toState!: string;
  @ApiProperty({ nullable: true, format: 'uuid' }) actorUserId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Ola Saksbehandler',
    description: "The actor's name; null for the system",
  })
  actorName!: string | null;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) effects!: unknown[];
  @ApiProperty() machineId!: string;
  @ApiProperty() machineVersion!: number;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() hash!: string;
}

// ── Internal notes (interne notater): staff only ─────────────────────────────────────────────

export class NewCaseNoteDto {
  @ApiProperty({ example: 'Called the general manager: the training plan comes next week' })
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  text!: string;
}

export class CaseNoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'uuid' }) authorUserId!: string;
  @ApiProperty({ example: 'Ola Saksbehandler' }) authorName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
