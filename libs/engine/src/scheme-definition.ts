import type { AttachmentRequirement, CallOpening, CallParameters } from './call-parameters';
import type { LifecycleDefinition } from './lifecycle.definition';
import type { Ore } from '@lib/common';
import type { FormLayout } from './form-layout';

/**
 * Why a scheme refuses something: a stable code, a sentence in bokmål and English (`text`), and the
 * field it concerns. `message` is the English sentence, kept for clients that read only it.
 */
export interface SchemeReason {
  readonly code: string;
  readonly message: string;
  readonly text: LocalizedText;
  readonly field?: string;
}

/** A reason from its code, its sentence in both languages and the field it concerns; `message` is the English. */
export function schemeReason<Code extends string>(
  code: Code,
  text: LocalizedText,
  field?: string,
): SchemeReason & { readonly code: Code } {
  const base = { code, message: text.en, text };
  return field === undefined ? base : { ...base, field };
}

/** The applicant as schemes see it (from the organisation register, not from the form). */
export interface SchemeOrganisation {
  readonly form: string;
  readonly employeeCount: number;
  readonly municipalityNumber: string;
  readonly countyCode: string | null;
}

/** When a call takes submissions, derived from its parameters (ISO instants; null = until the frame is used). */
export interface CallWindow {
  readonly opensAt: string;
  readonly closesAt: string | null;
}

/**
 * One payment of a grant (utbetaling): on acceptance (advance), on a date, or on the final report.
 * `after` names an interim report (its key) that must be approved as well: the instalment is due
 * only once its own gate is open AND that report is approved (or the final report, which covers
 * the whole project, is).
 */
export interface Instalment {
  readonly label: string;
  readonly amount: Ore;
  readonly on: 'acceptance' | 'date' | 'final_report';
  /** For `date`: the calendar day (YYYY-MM-DD) it falls due. */
  readonly date?: string;
  /** The key of an interim report whose approval the instalment also waits for. */
  readonly after?: string;
}

/**
 * A kind of interim (status) report a scheme asks for during the project (delrapport,
 * statusrapport; e.g. a yearly report): its stable key, its name, what it asks (a DTO the kernel
 * validates and the web app draws from its JSON Schema and layout), and the scheme's checks of it.
 */
export interface InterimReportKind {
  /** Stable within the scheme: lower-case letters, digits and `_`, e.g. `yearly`. */
  readonly key: string;
  /** Its name as people use it, e.g. Årsrapport / Yearly report. */
  readonly title: LocalizedText;
  readonly dto: DtoClass<object>;
  readonly form: FormLayout;
  /** Reasons the report cannot be sent as it is (beyond its DTO's shape); empty = fine. */
  check?(report: object): SchemeReason[];
}

/** An interim report one grant owes, and the calendar day (YYYY-MM-DD, Norway) it is due. */
export interface InterimReportDue {
  readonly key: string;
  readonly dueDate: string;
}

/**
 * One line of an application's approved cost plan (kostnadsplan), as a payout request reports the
 * costs accumulated against it: a key stable within the application, its words, and the amount.
 */
export interface CostPlanLine {
  /** Stable within the application's content, e.g. the line's place in the plan (`0`, `1` …). */
  readonly key: string;
  readonly label: LocalizedText;
  /** The approved amount of the line, øre. */
  readonly approvedOre: Ore;
}

/** A class-validator DTO class; the kernel validates JSON against it. */
export type DtoClass<T> = new () => T;

/**
 * What one funding scheme contributes to the kernel: its lifecycle variation, the shapes of its
 * call parameters (extending the kernel's `CallParameters`, which the kernel reads for the
 * delegation threshold, the days to accept and the final report's follow-up), application form
 * and final report, its rules and its money. Pure: the kernel
 * looks up what the functions need (organisation, other grants, the clock) and passes it in.
 *
 * A new scheme is one folder under `src/schemes/` exporting one of these, plus one line in the
 * scheme registry. Nothing in `libs/` names a scheme.
 */
/** A text shown to users, in bokmål (the default) and English. */
export interface LocalizedText {
  readonly nb: string;
  readonly en: string;
}

/**
 * How the public pages present a scheme: its purpose (formål), who may apply (målgruppe), and how
 * its application form and final report (sluttrapport) are asked, step by step.
 */
export interface SchemePresentation {
  readonly purpose: LocalizedText;
  readonly applicants: LocalizedText;
  readonly applicationForm: FormLayout;
  readonly reportForm: FormLayout;
  /** How a call's parameters are asked of the county's administrator. */
  readonly callForm: FormLayout;
}

export interface SchemeDefinition<
  Params extends CallParameters<CallOpening> = CallParameters<CallOpening>,
  Content extends object = object,
  Report extends object = object,
> {
  /** Stable id used in URLs, calls and stored applications, e.g. `bio`. */
  readonly id: string;
  /** Case-reference prefix (saksnummer), e.g. `BIO` → BIO-2026-000042. */
  readonly referencePrefix: string;
  readonly name: string;
  readonly description: string;
  /** What the scheme is for and who may apply, in plain words for applicants (bokmål and English). */
  readonly presentation: SchemePresentation;
  readonly lifecycle: LifecycleDefinition;
  readonly callParametersDto: DtoClass<Params>;
  readonly applicationDto: DtoClass<Content>;
  readonly reportDto: DtoClass<Report>;
  /** Rules that span several parameter fields (closing after opening, intensity ceilings …). */
  checkCallParameters(params: Params): SchemeReason[];
  /** The call's submission window, from its parameters (the call's opening and closing columns). */
  callWindow(params: Params): CallWindow;
  /** Every reason the application is not eligible, all at once; empty = eligible. */
  checkEligibility(input: {
    params: Params;
    content: Content;
    organisation: SchemeOrganisation;
    now: Date;
    /** The organisation already holds a grant of this scheme that is not closed. */
    otherActiveGrant: boolean;
  }): SchemeReason[];
  /**
   * Things the case officer should weigh that do not stop a submission (e.g. fewer participants
   * than the scheme expects); shown on the case, never to block it.
   */
  advisories?(input: { params: Params; content: Content; organisation: SchemeOrganisation }): SchemeReason[];
  /** The most this application can be granted (maksimalt tilskudd), whole øre. */
  maximumGrant(params: Params, content: Content, organisation: SchemeOrganisation): Ore;
  /** What the applicant asks for, whole øre. */
  requestedAmount(content: Content): Ore;
  /** When the project ends (ISO instant); the final report is due relative to it. */
  projectEndsAt(content: Content): string;
  /**
   * Top-level fields of the final report that hold personal data (even pseudonymous): shown to the
   * applicant and the county's case officers only, withheld from other staff (data minimisation).
   */
  readonly personalDataInReport?: readonly string[];
  /**
   * Whether a decision under the scheme is an individual decision (enkeltvedtak) that may be
   * appealed, unless the call says otherwise; absent: yes, the main rule for grants to private parties.
   */
  readonly appealableByDefault?: boolean;
  /**
   * The attachments asked for in each context (application, answers, payout requests, interim
   * reports) where a call lists none of its own for that context; absent: every kind, none required.
   */
  readonly attachmentDefaults?: readonly AttachmentRequirement[];
  /** Checks a final report against the application. */
  checkReport(content: Content, report: Report): SchemeReason[];
  /**
   * What is finally paid on this report: never more than granted. The application and the applicant
   * are given for schemes whose settlement depends on them (e.g. the SME aid ceiling).
   */
  finalPayable(
    params: Params,
    grantedAmount: Ore,
    report: Report,
    applicant: { readonly content: Content; readonly organisation: SchemeOrganisation },
  ): Ore;
  /** How a grant of this amount is paid out; the instalments add up to the amount exactly. */
  paymentPlan(params: Params, grantedAmount: Ore, content: Content): Instalment[];
  /** The kinds of interim report the scheme may ask for; none when it asks only for a final report. */
  readonly interimReports?: readonly InterimReportKind[];
  /** The interim reports a grant under these parameters owes, with their due days (keys of `interimReports`). */
  interimReportsDue?(params: Params, content: Content): InterimReportDue[];
  /**
   * The lines of the application's cost plan that payout requests report accumulated costs
   * against; a scheme without a cost plan leaves it out (see `costPlanLinesOf`).
   */
  costPlanLines?(content: Content): CostPlanLine[];
}

/** The application's cost plan lines by its scheme, or none when the scheme has no cost plan. */
export function costPlanLinesOf<Content extends object>(
  scheme: Pick<SchemeDefinition<never, Content>, 'costPlanLines'>,
  content: Content,
): CostPlanLine[] {
  return scheme.costPlanLines ? scheme.costPlanLines(content) : [];
}

/** What an interim report's key may be (it is stored, and part of deadline kinds). */
export const INTERIM_REPORT_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** The scheme's interim report of this key, or undefined. */
export function interimReportKind(
  scheme: Pick<SchemeDefinition, 'interimReports'>,
  key: string,
): InterimReportKind | undefined {
  return scheme.interimReports?.find((kind) => kind.key === key);
}

/** Checks the composed set of schemes at start-up; returns every problem found. */
export function validateSchemes(schemes: readonly SchemeDefinition[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const scheme of schemes) {
    if (!/^[a-z][a-z0-9_-]{1,39}$/.test(scheme.id))
      problems.push(`scheme id "${scheme.id}" must be lower-case letters, digits, - or _`);
    if (!/^[A-Z][A-Z0-9]{1,9}$/.test(scheme.referencePrefix)) {
      problems.push(
        `scheme "${scheme.id}": reference prefix "${scheme.referencePrefix}" must be 2-10 capitals or digits`,
      );
    }
    for (const [what, value] of [
      ['id', scheme.id],
      ['reference prefix', scheme.referencePrefix],
      ['lifecycle id', `lifecycle:${scheme.lifecycle.id}`],
    ] as const) {
      const owner = seen.get(`${what}:${value}`);
      if (owner) problems.push(`schemes "${owner}" and "${scheme.id}" share the ${what} "${value}"`);
      seen.set(`${what}:${value}`, scheme.id);
    }
    const keys = new Set<string>();
    for (const kind of scheme.interimReports ?? []) {
      if (!INTERIM_REPORT_KEY.test(kind.key))
        problems.push(
          `scheme "${scheme.id}": interim report key "${kind.key}" must be lower-case letters, digits or _`,
        );
      if (keys.has(kind.key)) problems.push(`scheme "${scheme.id}" has two interim reports "${kind.key}"`);
      keys.add(kind.key);
    }
    if (scheme.interimReportsDue && keys.size === 0)
      problems.push(`scheme "${scheme.id}" says when interim reports are due but declares none`);
  }
  return problems;
}
