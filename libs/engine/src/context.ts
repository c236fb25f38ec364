import type { Ore } from '@lib/common';
import type { Instant } from './time';

/** Innstilling: the case officer's proposal, which an approver then decides on. */
export type Recommendation =
  | {
      readonly kind: 'grant';
      readonly amount: Ore;
      readonly notes: string;
      readonly by: string;
      readonly at: Instant;
    }
  | { readonly kind: 'rejection'; readonly grounds: string; readonly by: string; readonly at: Instant };

/** Vedtak: the decision. `amount` is what was committed (tilsagn). */
export type Decision =
  | {
      readonly kind: 'grant';
      readonly amount: Ore;
      readonly committeeCaseRef: string | null;
      /** Why it was granted, in words for the applicant (begrunnelse); absent when none was given. */
      readonly grounds?: string;
      /** What the grant is conditional on (vilkår), one per item; absent when none were given. */
      readonly conditions?: readonly string[];
      readonly by: string;
      readonly at: Instant;
    }
  | { readonly kind: 'rejection'; readonly grounds: string; readonly by: string; readonly at: Instant };

/**
 * Heving: the cancellation of an accepted grant by a recorded decision. A case officer proposes it
 * with grounds and what is to be paid back; an approver who did not propose it decides it.
 */
export interface Cancellation {
  /** Why the grant is cancelled, in words for the applicant (begrunnelse). */
  readonly grounds: string;
  /** What the decision claims back of what was paid (øre, 0 = nothing); a repayment claim when above 0. */
  readonly repaymentAmount: Ore;
  readonly proposedBy: string;
  readonly proposedAt: Instant;
  /** The approver's decision (vedtak om heving); null while the proposal waits. */
  readonly decidedBy: string | null;
  readonly decidedAt: Instant | null;
}

/** Utsatt frist: the applicant's request for a later final report deadline, and the officer's answer. */
export interface ExtensionRequest {
  readonly reason: string;
  /** The final report deadline the applicant asks for. */
  readonly requestedDueAt: Instant;
  /** The deadline when the request was made. */
  readonly previousDueAt: Instant | null;
  /** The later project end asked for; absent or null when only the deadline was asked for. */
  readonly requestedProjectEndsAt?: Instant | null;
  /** The project end when the request was made. */
  readonly previousProjectEndsAt?: Instant | null;
  readonly requestedBy: string | null;
  readonly requestedAt: Instant;
  /** Null while the request waits for the case officer. */
  readonly outcome: ExtensionOutcome | null;
}

export type ExtensionOutcome =
  | {
      readonly kind: 'granted';
      /** The new deadline: what was asked for, or another date the officer chose. */
      readonly dueAt: Instant;
      /** The new project end, when the request asked for one. */
      readonly projectEndsAt?: Instant | null;
      readonly grounds: string | null;
      readonly by: string;
      readonly at: Instant;
    }
  | { readonly kind: 'refused'; readonly grounds: string; readonly by: string; readonly at: Instant };

/**
 * What the body that decided proposes on an appeal (forvaltningsloven § 33): a case officer proposes,
 * an approver who did not propose it decides. `reverse` is a new decision in the applicant's favour
 * (a grant of `amount`, or a higher amount on a grant); `forward` sends the case to the appeals board.
 */
export type AppealProposal =
  | {
      readonly kind: 'reverse';
      readonly amount: Ore;
      readonly grounds: string;
      readonly by: string;
      readonly at: Instant;
    }
  | { readonly kind: 'forward'; readonly note: string; readonly by: string; readonly at: Instant };

/**
 * How an appeal ended: reversed (omgjort) by the body that decided or by the appeals board (with the
 * new amount granted), upheld (stadfestet) or quashed and returned (opphevet og sendt tilbake) by the
 * board.
 */
export type AppealOutcome =
  | {
      readonly kind: 'reversed';
      readonly decidedBy: 'first_instance' | 'appeals_board';
      readonly amount: Ore;
      readonly grounds: string;
      readonly by: string;
      readonly at: Instant;
    }
  | {
      readonly kind: 'upheld' | 'quashed';
      readonly decidedBy: 'appeals_board';
      readonly grounds: string;
      readonly by: string;
      readonly at: Instant;
    };

/** Klage: the applicant's appeal against the decision on the case (forvaltningsloven §§ 28–34). */
export interface Appeal {
  /** What the applicant wants changed, and why. */
  readonly grounds: string;
  readonly lodgedBy: string | null;
  readonly lodgedAt: Instant;
  /** The decision appealed against, and the amount it granted (null for a rejection). */
  readonly against: 'grant' | 'rejection';
  readonly againstAmount: Ore | null;
  /** The last day to appeal it (ISO calendar date, see `appealLastDay`). */
  readonly lastDay: string;
  /** Lodged after the last day: accepted, and the body that decided says whether to hear it (§ 31). */
  readonly late: boolean;
  /** The case officer's proposal waiting for an approver; null when none. */
  readonly proposal: AppealProposal | null;
  /** Sent to the appeals board (klagenemnda) with the preparation note; null while with the county. */
  readonly forwarded: {
    readonly note: string;
    readonly proposedBy: string;
    readonly by: string;
    readonly at: Instant;
  } | null;
  /** Null while the appeal is open. */
  readonly outcome: AppealOutcome | null;
}

export interface InformationRequest {
  readonly message: string;
  readonly dueAt: Instant;
  readonly requestedBy: string | null;
  readonly requestedAt: Instant;
}

/**
 * Everything the lifecycle remembers, persisted as JSON inside the snapshot: only strings, integers,
 * null and plain objects (no Date, no undefined). The application's form data lives in its own table.
 * Changing this shape means a new definition version and a snapshot migration.
 */
export interface LifecycleContext {
  readonly createdAt: Instant;
  readonly submittedAt: Instant | null;
  /** Set at SUBMIT by the scheme's grant calculation; a recommendation may not exceed it. */
  readonly maximumAmount: Ore | null;
  /**
   * The call's delegation limit, fixed at SUBMIT: a grant above it needs the political committee's
   * decision (case reference). Null falls back to the definition's `requireCommitteeAbove`.
   */
  readonly delegationLimit: Ore | null;
  /** The call's days to accept a grant, fixed at SUBMIT; null falls back to the definition's. */
  readonly acceptanceDays: number | null;
  readonly projectEndsAt: Instant | null;
  readonly caseOfficerId: string | null;
  readonly informationRequest: InformationRequest | null;
  readonly recommendation: Recommendation | null;
  readonly decision: Decision | null;
  readonly acceptanceDueAt: Instant | null;
  readonly acceptedAt: Instant | null;
  readonly finalReportDueAt: Instant | null;
  /** The due time an overdue reminder was last sent for, so a deadline firing twice notifies once. */
  readonly finalReportOverdueNotifiedFor: Instant | null;
  readonly reportId: string | null;
  readonly finalPayableAmount: Ore | null;
  /** When the case reached a terminal status, whichever it was. */
  readonly endedAt: Instant | null;
  /** A proposed or decided cancellation (heving); null when none (added in snapshot version 2). */
  readonly cancellation: Cancellation | null;
  /** The latest request for a later final report deadline (added in snapshot version 2). */
  readonly extension: ExtensionRequest | null;
  /** The latest appeal (klage) against a decision on the case (added in snapshot version 3). */
  readonly appeal: Appeal | null;
}

export interface LifecycleInput {
  /** When the draft was created. */
  readonly createdAt: Instant;
}

export function initialContext(input: LifecycleInput): LifecycleContext {
  return {
    createdAt: input.createdAt,
    submittedAt: null,
    maximumAmount: null,
    delegationLimit: null,
    acceptanceDays: null,
    projectEndsAt: null,
    caseOfficerId: null,
    informationRequest: null,
    recommendation: null,
    decision: null,
    acceptanceDueAt: null,
    acceptedAt: null,
    finalReportDueAt: null,
    finalReportOverdueNotifiedFor: null,
    reportId: null,
    finalPayableAmount: null,
    endedAt: null,
    cancellation: null,
    extension: null,
    appeal: null,
  };
}

/** The keys a context must have; used to check snapshots loaded from storage and migrated. */
export const CONTEXT_KEYS = Object.keys(initialContext({ createdAt: '1970-01-01T00:00:00.000Z' })) as Array<
  keyof LifecycleContext
>;

/** The granted (committed) amount, or 0 before a grant decision. */
export const grantedAmount = (context: LifecycleContext): Ore =>
  context.decision?.kind === 'grant' ? context.decision.amount : 0;

/**
 * The amount a grant recommendation (innstilling) proposes while it waits for the approver's decision;
 * null when no grant recommendation is pending (none made, returned, decided, or the case ended).
 */
export const pendingRecommendedAmount = (context: LifecycleContext): Ore | null =>
  context.recommendation?.kind === 'grant' && context.decision === null && context.endedAt === null
    ? context.recommendation.amount
    : null;

/** A cancellation proposed and not yet decided (or dismissed). */
export const pendingCancellation = (context: LifecycleContext): Cancellation | null =>
  context.cancellation !== null && context.cancellation.decidedAt === null ? context.cancellation : null;

/** An extension request waiting for the case officer. */
export const pendingExtension = (context: LifecycleContext): ExtensionRequest | null =>
  context.extension !== null && context.extension.outcome === null ? context.extension : null;

/** An appeal lodged and not yet ended. */
export const openAppeal = (context: LifecycleContext): Appeal | null =>
  context.appeal !== null && context.appeal.outcome === null ? context.appeal : null;
