import type { CallOpening, CallParameters, SchemeDefinition, SchemeOrganisation } from '@lib/engine';

/**
 * A realistic call of a scheme for the demo data: the county it belongs to, its frame (ramme) and
 * the round's parameters, so a newcomer can try every scheme right after start.
 */
export interface DemoCall {
  /** Two-digit county number: 50 Trøndelag, 11 Rogaland (the seeded counties). */
  readonly countyCode: '50' | '11';
  readonly year: number;
  readonly title: string;
  readonly frame: {
    readonly name: string;
    readonly allocationOre: number;
    /** Why the money is there (the budget decision), for the ledger's first entry. */
    readonly reason: string;
    readonly caseReference?: string;
  };
  readonly parameters: CallParameters<CallOpening>;
}

/**
 * The sample application's case from submission to the final report, under the first demo call: who
 * applies, when, and what they report. The conformance run drives it over HTTP to a closed case
 * (`test/schemes/scheme-journey.e2e-spec.ts`); the report is sent the day after the project ends.
 */
export interface SampleCase {
  /** The applicant as the organisation register has it: eligible under the first demo call. */
  readonly applicant: SchemeOrganisation;
  /** When the sample application is submitted (ISO instant): inside the first demo call's window. */
  readonly submittedAt: string;
  /** A final report on the sample application that the scheme's report rules accept. */
  readonly report: object;
}

/** What a scheme folder registers: its definition and its demo calls. */
export interface SchemePlugin {
  readonly scheme: SchemeDefinition;
  readonly demoCalls: readonly DemoCall[];
  /**
   * A complete, realistic application form that is eligible under the first demo call: the
   * conformance suite checks it against the scheme's DTO and payment plan, and it documents the form.
   */
  readonly sampleApplication: object;
  /** The sample application's case: applicant, submission time and final report. */
  readonly sampleCase: SampleCase;
}
