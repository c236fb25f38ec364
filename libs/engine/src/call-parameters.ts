import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  addBusinessDays,
  addDays,
  applyBasisPoints,
  IsBasisPoints,
  IsOre,
  NestedList,
  NestedObject,
  nok,
  Optional,
} from '@lib/common';
import { DEFAULT_APPEAL_PREPARATION_DAYS } from './appeal';
import { ELIGIBILITY_RULE_TYPES, IsEligibilityRules, type EligibilityRule } from './eligibility';
import { schemeReason, type SchemeReason } from './scheme-definition';
import type { SubmissionWindow } from './submission-window';

/**
 * The parameters every call (utlysning) has, whatever its scheme: the kernel reads these, and a
 * scheme's call parameters extend them with its own figures (caps, intensities, periods …).
 *
 * - Timing: the submission window, the days to accept a grant, the business days (virkedager) an
 *   applicant has to answer a request for information, and the final report's follow-up
 *   (reminders before it is due; the escalation to the case officer and the proposal to let the
 *   grant lapse, bortfall, after it is overdue).
 * - Money limits: the delegation threshold. (The largest grant is not here: BIO caps by company
 *   size, corona per measure, the others per project, so each scheme says it in its own terms.)
 * - Eligibility: the kernel's rule types, with the call's arguments.
 * - Payment plan: `AdvancePaymentCallParameters` for the schemes that pay an advance on acceptance
 *   and the rest on the final report; a scheme with a calendar of its own (Jobbsjansen's spring and
 *   autumn payments) declares that instead.
 *
 * The window's shape is the scheme's choice: most use the kernel's `SubmissionWindow`; corona's
 * window records extended deadlines. Every window has an opening instant.
 */
export interface CallOpening {
  /** When applications may first be submitted (an instant with its offset). */
  readonly opensAt: string;
}

/** When the final report is followed up, in days; the same for every scheme's calls. */
export interface ReportFollowUp {
  /** Days before the final report is due on which the applicant is reminded (e.g. 60, 14, 1). */
  readonly reminderDays: readonly number[];
  /** Days after the final report became overdue on which the case officer is alerted. */
  readonly overdueEscalationDays: number;
  /** Days after the final report became overdue on which a lapse (bortfall) is proposed; after the escalation. */
  readonly overdueLapseProposalDays: number;
}

/** The follow-up most counties use: reminders 60, 14 and 1 days before, escalation at 14 days, lapse at 42. */
export const DEFAULT_REPORT_FOLLOW_UP: ReportFollowUp = Object.freeze({
  reminderDays: Object.freeze([60, 14, 1]),
  overdueEscalationDays: 14,
  overdueLapseProposalDays: 42,
});

export interface CallParameters<Window extends CallOpening = SubmissionWindow> extends ReportFollowUp {
  readonly window: Window;
  /** Who may apply, as the kernel's eligibility rules (organisation form, employees, county …). */
  readonly eligibility: readonly EligibilityRule[];
  /** Days the applicant has to accept the grant commitment (tilsagn) after it is sent. */
  readonly acceptanceDays: number;
  /** Grants above this are decided by the political committee, not the administration, øre. */
  readonly delegationThresholdOre: number;
  /**
   * Business days (virkedager: not weekends or Norwegian public holidays) the applicant has to answer
   * a request for information; absent in calls made before it existed, which get the default.
   */
  readonly informationResponseBusinessDays?: number;
  /**
   * Days a repayment claim (tilbakebetalingskrav) gives the grant holder to pay back what was paid
   * beyond the final amount; absent in calls made before it existed, which get the default.
   */
  readonly repaymentDueDays?: number;
  /** Who must confirm a payout request (utbetalingsanmodning), by its amount; absent: the defaults. */
  readonly payoutAttestation?: PayoutAttestation;
  /**
   * The share of the grant that part payments (delutbetalinger), advance included, may reach before
   * the final report, basis points; the rest is kept for the final payment. Absent: the default.
   */
  readonly partPaymentMaxBasisPoints?: number;
  /**
   * Whether the call's decisions are individual decisions (enkeltvedtak) that may be appealed, so the
   * decision letter says where, how and by when. Absent: the scheme's default (grants to
   * municipalities are often not enkeltvedtak).
   */
  readonly appealable?: boolean;
  /** What the call's decisions rest on (hjemmel), as the decision letter states it. Absent: the scheme's guidelines. */
  readonly legalBasis?: string;
  /**
   * Days the county has to prepare an appeal (reverse the decision or send it to the appeals board)
   * before the case officer is reminded. Absent: `DEFAULT_APPEAL_PREPARATION_DAYS` (21).
   */
  readonly appealPreparationDays?: number;
  /**
   * The attachments (vedlegg) an application under the call may carry, each kind once, and whether
   * it must; absent in calls made before it existed, which allow every kind and require none.
   */
  readonly attachments?: readonly AttachmentRequirement[];
}

/** How a call's decision letters read: appealable or not, and their legal basis. */
export interface DecisionLetterTerms {
  readonly appealable: boolean;
  readonly legalBasis: string;
}

/**
 * The decision letter's terms under a call: the call's own, else the scheme's default appealability
 * and a basis that names no more than the scheme's guidelines.
 */
export function decisionLetterTerms(
  params: Pick<CallParameters<CallOpening>, 'appealable' | 'legalBasis'>,
  scheme: { readonly name: string; readonly appealableByDefault?: boolean },
): DecisionLetterTerms {
  const legalBasis = params.legalBasis?.trim();
  return {
    appealable: params.appealable ?? scheme.appealableByDefault ?? true,
    legalBasis: legalBasis || `Retningslinjene for ${scheme.name}, slik utlysningen viser til dem.`,
  };
}

/** The kinds of attachment (vedlegg) a call may ask for. */
export const ATTACHMENT_KINDS = [
  'training_plan',
  'annual_accounts',
  'auditor_statement',
  'course_certificate',
  'receipts',
  'other',
] as const;

export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * What an attachment goes with: the application itself, an answer to a request for information, a
 * part or the final payout request, or an interim report. Each is sent once, and its attachments with it.
 */
export const ATTACHMENT_CONTEXTS = [
  'application',
  'information_answer',
  'part_payout_request',
  'final_payout_request',
  'interim_report',
] as const;

export type AttachmentContext = (typeof ATTACHMENT_CONTEXTS)[number];

/**
 * One kind of attachment a call allows in one context, and whether what is sent there must carry
 * it. `context` absent: the application (calls made before contexts existed). On a payout request,
 * `fromAccountantThreshold` makes it required only when the amount asks for an accountant's or
 * auditor's confirmation under the call's `payoutAttestation` (e.g. the auditor's statement).
 */
export interface AttachmentRequirement {
  readonly kind: AttachmentKind;
  readonly required: boolean;
  readonly context?: AttachmentContext;
  readonly fromAccountantThreshold?: boolean;
}

/** A requirement as it stands for one thing being sent: required or not, now. */
export interface ResolvedAttachmentRequirement {
  readonly kind: AttachmentKind;
  readonly required: boolean;
}

const contextOf = (r: AttachmentRequirement): AttachmentContext => r.context ?? 'application';

/**
 * The attachments allowed in a context: the call's own entries for it, else the scheme's defaults
 * for it, else every kind and none required. On a payout request `amount` (øre) decides the entries
 * required from the accountant's threshold.
 */
export function attachmentRequirements(
  params: Pick<CallParameters<CallOpening>, 'attachments' | 'payoutAttestation'>,
  context: AttachmentContext = 'application',
  schemeDefaults: readonly AttachmentRequirement[] = [],
  amount = 0,
): readonly ResolvedAttachmentRequirement[] {
  const own = (params.attachments ?? []).filter((r) => contextOf(r) === context);
  const defaults = schemeDefaults.filter((r) => contextOf(r) === context);
  const entries = own.length ? own : defaults;
  if (!entries.length) return ATTACHMENT_KINDS.map((kind) => ({ kind, required: false }));
  const accountant = payoutAttestationFor(params, amount).accountant === 'required';
  return entries.map((r) => ({
    kind: r.kind,
    required: r.required && (!r.fromAccountantThreshold || accountant),
  }));
}

/** The required kinds a thing being sent lacks, given the kinds it carries. */
export function missingAttachments(
  requirements: readonly ResolvedAttachmentRequirement[],
  carried: readonly string[],
): AttachmentKind[] {
  return requirements.filter((r) => r.required && !carried.includes(r.kind)).map((r) => r.kind);
}

/** One kind of attachment a call allows (`AttachmentRequirement`). */
export class AttachmentRequirementDto implements AttachmentRequirement {
  @ApiProperty({ enum: ATTACHMENT_KINDS, example: 'training_plan' })
  @IsIn(ATTACHMENT_KINDS)
  kind!: AttachmentKind;

  @ApiProperty({ example: true, description: 'What is sent in the context cannot be sent without it' })
  @IsBoolean()
  required!: boolean;

  @ApiPropertyOptional({
    enum: ATTACHMENT_CONTEXTS,
    example: 'application',
    description: 'What the attachment goes with; default: the application',
  })
  @Optional()
  @IsIn(ATTACHMENT_CONTEXTS)
  context?: AttachmentContext;

  @ApiPropertyOptional({
    example: true,
    description:
      "On a payout request: required only from the amount that asks for an accountant's confirmation",
  })
  @Optional()
  @IsBoolean()
  fromAccountantThreshold?: boolean;
}

/** One kind of attachment as it stands for what is being sent (`ResolvedAttachmentRequirement`). */
export class ResolvedAttachmentRequirementDto implements ResolvedAttachmentRequirement {
  @ApiProperty({ enum: ATTACHMENT_KINDS, example: 'training_plan' })
  kind!: AttachmentKind;

  @ApiProperty({ example: true, description: 'It cannot be sent without it' })
  required!: boolean;
}

/**
 * Who confirms a payout request, by its amount: below `managerSignatureBelowOre` the managing
 * director's (daglig leder) confirmation suffices; from `accountantConfirmationFromOre` an
 * accountant's or auditor's (regnskapsfører, revisor) confirmation is required as well. In between,
 * the accountant's confirmation may be given but is not required.
 */
export interface PayoutAttestation {
  readonly managerSignatureBelowOre: number;
  readonly accountantConfirmationFromOre: number;
}

/** What a call that does not say asks: an accountant's or auditor's confirmation from 200 000 kr. */
export const DEFAULT_PAYOUT_ATTESTATION: PayoutAttestation = Object.freeze({
  managerSignatureBelowOre: nok(100_000),
  accountantConfirmationFromOre: nok(200_000),
});

/** Part payments may reach 90 % of the grant before the final report, unless the call says otherwise. */
export const DEFAULT_PART_PAYMENT_MAX_BASIS_POINTS = 9_000;

/** What a payout request of `amount` øre must carry under the call's parameters. */
export function payoutAttestationFor(
  params: Pick<CallParameters<CallOpening>, 'payoutAttestation'>,
  amount: number,
): { readonly accountant: 'hidden' | 'optional' | 'required' } {
  const terms = params.payoutAttestation ?? DEFAULT_PAYOUT_ATTESTATION;
  if (amount >= terms.accountantConfirmationFromOre) return { accountant: 'required' };
  return { accountant: amount < terms.managerSignatureBelowOre ? 'hidden' : 'optional' };
}

/**
 * The øre the final payment must keep: the part of the grant that part payments may not reach
 * before the final report.
 */
export function finalPaymentReserve(
  params: Pick<CallParameters<CallOpening>, 'partPaymentMaxBasisPoints'>,
  grantedAmount: number,
): number {
  const share = params.partPaymentMaxBasisPoints ?? DEFAULT_PART_PAYMENT_MAX_BASIS_POINTS;
  return grantedAmount - applyBasisPoints(grantedAmount, share);
}

/** A month: the payment term of a repayment claim when the call does not set its own. */
export const DEFAULT_REPAYMENT_DUE_DAYS = 30;

/**
 * The due date of a repayment claim raised on `day` (a Norwegian calendar date): the call's days
 * later. The claim and the letter that announces it both take it from here.
 */
export function repaymentDueDate(params: { readonly repaymentDueDays?: number }, day: string): string {
  return addDays(day, params.repaymentDueDays ?? DEFAULT_REPAYMENT_DUE_DAYS);
}

/** Two working weeks: the answer period of a call that does not set its own. */
export const DEFAULT_INFORMATION_RESPONSE_BUSINESS_DAYS = 10;

/**
 * The default due date of a request for information asked on `today` (a Norwegian calendar date):
 * the call's business days later, skipping weekends and public holidays. The case officer may
 * choose another date; the API's default and the web page's prefilled date both come from here.
 */
export function informationResponseDueDate(
  params: Pick<CallParameters<CallOpening>, 'informationResponseBusinessDays'>,
  today: string,
): string {
  return addBusinessDays(
    today,
    params.informationResponseBusinessDays ?? DEFAULT_INFORMATION_RESPONSE_BUSINESS_DAYS,
  );
}

/** Call parameters of a scheme that pays a share on acceptance (forskudd) and the rest on the final report. */
export interface AdvancePaymentCallParameters<
  Window extends CallOpening = SubmissionWindow,
> extends CallParameters<Window> {
  /** Share of the grant paid once it is accepted, basis points (0 = everything on the final report). */
  readonly advancePaymentBasisPoints: number;
}

/** The payout request thresholds of a call (`PayoutAttestation`). */
export class PayoutAttestationDto implements PayoutAttestation {
  @ApiProperty({
    example: nok(100_000),
    description: "Øre; below this the managing director's confirmation suffices",
  })
  @IsOre()
  managerSignatureBelowOre!: number;

  @ApiProperty({
    example: nok(200_000),
    description: "Øre; from this an accountant's or auditor's confirmation is required",
  })
  @IsOre()
  accountantConfirmationFromOre!: number;
}

/**
 * Validates the fields every call has. A scheme's DTO extends this (or `AdvancePaymentCallParametersDto`)
 * and declares its `window` with the window DTO it uses, e.g.
 * `@NestedObject(() => SubmissionWindowDto) window!: SubmissionWindowDto;`.
 */
export abstract class CallParametersDto<
  Window extends CallOpening = SubmissionWindow,
> implements CallParameters<Window> {
  abstract window: Window;

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    example: [
      { rule: 'organisation_form', forms: ['AS', 'ENK'] },
      { rule: 'county', countyCodes: ['50'] },
    ],
    description: `Who may apply: rules of the types ${ELIGIBILITY_RULE_TYPES.join(', ')}`,
  })
  @IsEligibilityRules()
  eligibility!: EligibilityRule[];

  @ApiProperty({ example: 21, minimum: 1, maximum: 365, description: 'Days to accept the grant commitment' })
  @IsInt()
  @Min(1)
  @Max(365)
  acceptanceDays!: number;

  @ApiProperty({ example: nok(500_000), description: 'Øre; larger grants go to the political committee' })
  @IsOre()
  delegationThresholdOre!: number;

  @ApiPropertyOptional({
    example: 10,
    minimum: 1,
    maximum: 60,
    description: `Business days (virkedager) to answer a request for information; default ${DEFAULT_INFORMATION_RESPONSE_BUSINESS_DAYS}`,
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(60)
  informationResponseBusinessDays?: number;

  @ApiPropertyOptional({
    example: 30,
    minimum: 1,
    maximum: 365,
    description: `Days a repayment claim gives the grant holder to pay back an overpayment; default ${DEFAULT_REPAYMENT_DUE_DAYS}`,
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(365)
  repaymentDueDays?: number;

  @ApiPropertyOptional({
    type: PayoutAttestationDto,
    description: "Who confirms a payout request, by its amount; default: an accountant's from 200 000 kr",
  })
  @Optional()
  @NestedObject(() => PayoutAttestationDto)
  payoutAttestation?: PayoutAttestationDto;

  @ApiPropertyOptional({
    example: DEFAULT_PART_PAYMENT_MAX_BASIS_POINTS,
    minimum: 0,
    maximum: 10_000,
    description: `Basis points of the grant that part payments may reach before the final report; default ${DEFAULT_PART_PAYMENT_MAX_BASIS_POINTS}`,
  })
  @Optional()
  @IsBasisPoints()
  partPaymentMaxBasisPoints?: number;

  @ApiPropertyOptional({
    example: true,
    description: "Whether decisions are appealable (enkeltvedtak); default: the scheme's",
  })
  @Optional()
  @IsBoolean()
  appealable?: boolean;

  @ApiPropertyOptional({
    example: 'Retningslinjer for tilskudd til kompetanseheving og forvaltningsloven',
    maxLength: 1000,
    description: "The legal basis (hjemmel) decision letters state; default: the scheme's guidelines",
  })
  @Optional()
  @IsString()
  @MaxLength(1000)
  legalBasis?: string;

  @ApiPropertyOptional({
    example: DEFAULT_APPEAL_PREPARATION_DAYS,
    minimum: 1,
    maximum: 180,
    description: `Days to prepare an appeal before the case officer is reminded; default ${DEFAULT_APPEAL_PREPARATION_DAYS}`,
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(180)
  appealPreparationDays?: number;

  @ApiPropertyOptional({
    type: AttachmentRequirementDto,
    isArray: true,
    description:
      "The attachments allowed with the application, answers, payout requests and interim reports, each kind once per context; a context not listed: the scheme's defaults, else every kind, none required",
  })
  @Optional()
  @NestedList(() => AttachmentRequirementDto, { max: ATTACHMENT_KINDS.length * ATTACHMENT_CONTEXTS.length })
  attachments?: AttachmentRequirementDto[];

  @ApiProperty({ example: [60, 14, 1], description: 'Days before the final report is due to remind' })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  reminderDays!: number[];

  @ApiProperty({
    example: 14,
    minimum: 1,
    maximum: 365,
    description: 'Days after an overdue report before the case officer is alerted',
  })
  @IsInt()
  @Min(1)
  @Max(365)
  overdueEscalationDays!: number;

  @ApiProperty({
    example: 42,
    minimum: 1,
    maximum: 730,
    description: 'Days after an overdue report before a lapse is proposed; after the escalation',
  })
  @IsInt()
  @Min(1)
  @Max(730)
  overdueLapseProposalDays!: number;
}

/** `CallParametersDto` with the advance share of an advance-and-final payment plan. */
export abstract class AdvancePaymentCallParametersDto<Window extends CallOpening = SubmissionWindow>
  extends CallParametersDto<Window>
  implements AdvancePaymentCallParameters<Window>
{
  @ApiProperty({
    example: 5000,
    minimum: 0,
    maximum: 10_000,
    description: 'Basis points of the grant paid once it is accepted; the rest on the final report',
  })
  @IsBasisPoints()
  advancePaymentBasisPoints!: number;
}

/**
 * What spans the common fields: the lapse proposal comes after the escalation. The kernel runs it
 * for every call, before the scheme's own `checkCallParameters`.
 */
export function checkCommonCallParameters(params: CallParameters<CallOpening>): SchemeReason[] {
  const reasons: SchemeReason[] = [];
  const attestation = params.payoutAttestation;
  if (attestation && attestation.accountantConfirmationFromOre < attestation.managerSignatureBelowOre)
    reasons.push(
      schemeReason(
        'payout_attestation_order',
        {
          nb: 'Grensen for regnskapsførers bekreftelse kan ikke være lavere enn grensen for daglig leders',
          en: "The accountant's threshold cannot be below the managing director's",
        },
        'payoutAttestation.accountantConfirmationFromOre',
      ),
    );
  const kinds = (params.attachments ?? []).map((a) => `${a.context ?? 'application'}/${a.kind}`);
  if (new Set(kinds).size !== kinds.length)
    reasons.push(
      schemeReason(
        'attachment_kind_repeated',
        {
          nb: 'Hver type vedlegg kan bare stå én gang for det samme',
          en: 'Each kind of attachment may be listed only once per context',
        },
        'attachments',
      ),
    );
  if (
    (params.attachments ?? []).some(
      (a) => a.fromAccountantThreshold && !a.context?.endsWith('_payout_request'),
    )
  )
    reasons.push(
      schemeReason(
        'attachment_threshold_off_payout',
        {
          nb: 'Bare vedlegg til utbetalingsanmodninger kan kreves fra grensen for regnskapsførers bekreftelse',
          en: "Only payout request attachments can be required from the accountant's threshold",
        },
        'attachments',
      ),
    );
  if (params.overdueLapseProposalDays <= params.overdueEscalationDays)
    reasons.push(
      schemeReason(
        'escalation_order',
        {
          nb: 'Forslaget om bortfall må komme etter varselet til saksbehandleren',
          en: 'The lapse proposal must come after the escalation to the case officer',
        },
        'overdueLapseProposalDays',
      ),
    );
  return reasons;
}
