import {
  grantedAmount,
  openAppeal,
  pendingCancellation,
  pendingExtension,
  type LifecycleContext,
} from './context';
import type { LifecycleEventType, MachineEvent } from './events';
import type { LifecycleOptions } from './lifecycle.options';
import { formatOre, isOre } from '@lib/common';
import type { EngineActor } from './roles';
import { compareInstants, isInstant, type Instant } from './time';

/**
 * The guards of the common lifecycle, written as functions that return human-readable reasons (empty =
 * allowed). The machine's single guard passes when there are no reasons, and `transition` returns the
 * same reasons on refusal, so the two can never disagree.
 *
 * A rule has two halves: `precondition` depends only on the case, the actor and the time, so it also
 * decides which buttons `allowedEvents` offers; `payload` checks what the event carries.
 */
interface EventRule<T extends LifecycleEventType> {
  readonly precondition?: (context: LifecycleContext, actor: EngineActor, at: Instant) => string[];
  readonly payload?: (
    context: LifecycleContext,
    event: MachineEvent<T>,
    options: LifecycleOptions,
  ) => string[];
}

type Rules = { readonly [K in LifecycleEventType]: EventRule<K> };

const text = (value: unknown, field: string): string[] =>
  typeof value === 'string' && value.trim().length > 0 ? [] : [`${field} must be a non-empty text`];

const optionalText = (value: unknown, field: string): string[] =>
  value === undefined ? [] : text(value, field);

const optionalTexts = (value: unknown, field: string): string[] =>
  value === undefined
    ? []
    : Array.isArray(value)
      ? value.flatMap((item, i) => text(item, `${field}[${i}]`))
      : [`${field} must be a list of texts`];

const amount = (value: unknown, field: string): string[] =>
  isOre(value) && value > 0 ? [] : [`${field} must be a positive whole number of øre`];

const instant = (value: unknown, field: string): string[] =>
  isInstant(value) ? [] : [`${field} must be an ISO-8601 instant with an offset, e.g. 2026-03-01T12:00:00Z`];

const futureInstant = (value: unknown, field: string, at: Instant): string[] => {
  const problems = instant(value, field);
  if (problems.length > 0) return problems;
  return compareInstants(value as Instant, at) > 0 ? [] : [`${field} must be after the time of the event`];
};

const identified = (actor: EngineActor): string[] =>
  typeof actor.userId === 'string' && actor.userId.length > 0
    ? []
    : ['this event must be sent by an identified user'];

/** Four eyes (fireøyneprinsippet): whoever decides must not be whoever recommended. */
const notTheRecommender = (context: LifecycleContext, actor: EngineActor): string[] =>
  context.recommendation !== null && context.recommendation.by === actor.userId
    ? ['four eyes: the decision must be made by someone other than the case officer who recommended it']
    : [];

const dueReached = (dueAt: Instant | null, at: Instant, what: string): string[] => {
  if (dueAt === null) return [`there is no ${what} deadline`];
  return compareInstants(at, dueAt) >= 0 ? [] : [`the ${what} deadline (${dueAt}) has not passed yet`];
};

/** Only one cancellation proposal at a time; a dismissed one leaves room for another. */
const noPendingCancellation = (context: LifecycleContext): string[] =>
  pendingCancellation(context) === null ? [] : ['a cancellation of this grant is already proposed'];

/** An open appeal still with the county (not sent to the appeals board), with no proposal waiting. */
const appealToPrepare = (context: LifecycleContext): string[] => {
  const appeal = openAppeal(context);
  if (appeal === null) return ['no appeal is open'];
  if (appeal.forwarded !== null) return ['the appeal has been sent to the appeals board'];
  return appeal.proposal === null ? [] : ['a proposal on the appeal already waits for an approver'];
};

/** The proposal of the kind waiting on the open appeal, decided by someone other than its proposer. */
const appealProposalToDecide = (
  context: LifecycleContext,
  actor: EngineActor,
  kind: 'reverse' | 'forward',
): string[] => {
  const proposal = openAppeal(context)?.proposal ?? null;
  if (proposal?.kind !== kind) return [...identified(actor), `no proposal to ${kind} the decision waits`];
  return [
    ...identified(actor),
    ...(proposal.by === actor.userId
      ? ['four eyes: the appeal must be decided by someone other than the case officer who proposed it']
      : []),
  ];
};

/** An appeal with the appeals board, whose outcome the county records. */
const appealWithBoard = (context: LifecycleContext, actor: EngineActor): string[] => [
  ...identified(actor),
  ...(openAppeal(context)?.forwarded ? [] : ['no appeal waits for the appeals board']),
];

/**
 * A reversal in the applicant's favour: a grant instead of a rejection, or a higher grant, at most
 * the application's computed maximum.
 */
const reversalAmount = (context: LifecycleContext, value: unknown): string[] => {
  const problems = amount(value, 'amount');
  if (problems.length > 0) return problems;
  const granted = value as number;
  const before = context.appeal?.againstAmount ?? null;
  if (before !== null && granted <= before)
    return [`a reversal must grant more than the ${formatOre(before)} appealed against`];
  if (context.maximumAmount !== null && granted > context.maximumAmount)
    return [
      `the amount ${formatOre(granted)} exceeds the maximum grant of ${formatOre(context.maximumAmount)} for this application`,
    ];
  return [];
};

const RULES: Rules = {
  SUBMIT: {
    payload: (_context, event) => [
      ...(isOre(event.maximumAmount) && event.maximumAmount > 0
        ? []
        : ['maximumAmount must be a positive whole number of øre']),
      ...(event.delegationLimit === undefined ||
      event.delegationLimit === null ||
      isOre(event.delegationLimit)
        ? []
        : ['delegationLimit must be null or a whole number of øre']),
      ...(event.acceptanceDays === undefined ||
      event.acceptanceDays === null ||
      (Number.isSafeInteger(event.acceptanceDays) && event.acceptanceDays >= 1)
        ? []
        : ['acceptanceDays must be a whole number of 1 or more']),
      ...instant(event.projectEndsAt, 'projectEndsAt'),
      ...(Array.isArray(event.ineligibilityReasons) &&
      event.ineligibilityReasons.every((r) => typeof r === 'string')
        ? event.ineligibilityReasons.map((reason) => `not eligible: ${reason}`)
        : ['ineligibilityReasons must be a list of texts']),
    ],
  },
  WITHDRAW: { payload: (_context, event) => optionalText(event.reason, 'reason') },
  ASSIGN: {
    payload: (context, event) => {
      if (event.caseOfficerId !== undefined) {
        const problems = text(event.caseOfficerId, 'caseOfficerId');
        if (problems.length > 0) return problems;
      }
      const assignee = event.caseOfficerId ?? event.actor.userId;
      if (assignee === null) return ['caseOfficerId is required when the sender is not an identified user'];
      return assignee === context.caseOfficerId ? [`the case is already assigned to ${assignee}`] : [];
    },
  },
  REQUEST_INFO: {
    payload: (_context, event) => [
      ...text(event.message, 'message'),
      ...futureInstant(event.dueAt, 'dueAt', event.at),
    ],
  },
  ANSWER_INFO: { payload: (_context, event) => optionalText(event.message, 'message') },
  INFORMATION_DEADLINE_PASSED: {
    precondition: (context, _actor, at) =>
      dueReached(context.informationRequest?.dueAt ?? null, at, 'information'),
  },
  RECOMMEND_GRANT: {
    precondition: (_context, actor) => identified(actor),
    payload: (context, event) => {
      const problems = [
        ...amount(event.amount, 'amount'),
        ...(typeof event.notes === 'string' ? [] : ['notes must be a text']),
      ];
      if (problems.length > 0) return problems;
      if (context.maximumAmount === null) return ['the application has no computed maximum grant'];
      return event.amount > context.maximumAmount
        ? [
            `the recommended amount ${formatOre(event.amount)} exceeds the maximum grant of ${formatOre(context.maximumAmount)} for this application`,
          ]
        : [];
    },
  },
  RECOMMEND_REJECTION: {
    precondition: (_context, actor) => identified(actor),
    payload: (_context, event) => text(event.grounds, 'grounds'),
  },
  RETURN_TO_REVIEW: { payload: (_context, event) => text(event.message, 'message') },
  DECIDE_GRANT: {
    precondition: (context, actor) => [
      ...identified(actor),
      ...(context.recommendation?.kind === 'grant' ? [] : ['the recommendation is not a grant']),
      ...notTheRecommender(context, actor),
    ],
    payload: (context, event, options) => {
      const problems = [
        ...optionalText(event.committeeCaseRef, 'committeeCaseRef'),
        ...optionalText(event.grounds, 'grounds'),
        ...optionalTexts(event.conditions, 'conditions'),
      ];
      if (problems.length > 0) return problems;
      const limit = context.delegationLimit ?? options.requireCommitteeAbove;
      const recommended = context.recommendation?.kind === 'grant' ? context.recommendation.amount : 0;
      return limit !== null && recommended > limit && event.committeeCaseRef === undefined
        ? [
            `a grant of ${formatOre(recommended)} is above the delegation limit of ${formatOre(limit)} and needs a committee case reference (committeeCaseRef, e.g. "FU 161/20")`,
          ]
        : [];
    },
  },
  DECIDE_REJECTION: {
    precondition: (context, actor) => [
      ...identified(actor),
      ...(context.recommendation?.kind === 'rejection' ? [] : ['the recommendation is not a rejection']),
      ...notTheRecommender(context, actor),
    ],
    payload: (_context, event) => text(event.grounds, 'grounds'),
  },
  ACCEPT: {
    precondition: (context, _actor, at) =>
      context.acceptanceDueAt !== null && compareInstants(at, context.acceptanceDueAt) > 0
        ? [`the acceptance deadline (${context.acceptanceDueAt}) has passed`]
        : [],
  },
  DECLINE_GRANT: { payload: (_context, event) => optionalText(event.reason, 'reason') },
  ACCEPTANCE_DEADLINE_PASSED: {
    // An appeal against the grant holds the acceptance; its outcome sets a new deadline.
    precondition: (context, _actor, at) => [
      ...dueReached(context.acceptanceDueAt, at, 'acceptance'),
      ...(openAppeal(context) === null ? [] : ['an appeal against the grant is open']),
    ],
  },
  REPORT_DEADLINE_PASSED: {
    precondition: (context, _actor, at) => {
      const problems = dueReached(context.finalReportDueAt, at, 'final report');
      if (problems.length > 0) return problems;
      return context.finalReportOverdueNotifiedFor === context.finalReportDueAt
        ? ['the applicant has already been reminded of this final report deadline']
        : [];
    },
  },
  SUBMIT_REPORT: { payload: (_context, event) => text(event.reportId, 'reportId') },
  RETURN_REPORT: {
    payload: (_context, event) => [
      ...text(event.message, 'message'),
      ...futureInstant(event.dueAt, 'dueAt', event.at),
    ],
  },
  APPROVE_REPORT: {
    payload: (context, event) => {
      if (!isOre(event.finalPayableAmount))
        return ['finalPayableAmount must be a whole number of øre, zero or more'];
      const granted = grantedAmount(context);
      return event.finalPayableAmount > granted
        ? [
            `the final payable amount ${formatOre(event.finalPayableAmount)} exceeds the granted ${formatOre(granted)}`,
          ]
        : [];
    },
  },
  SETTLE: {
    payload: (_context, event) => [
      ...settled(event.outstanding, 'outstanding', 'committed and unpaid'),
      ...settled(event.openClaimAmount, 'openClaimAmount', 'in open repayment claims'),
    ],
  },
  REQUEST_EXTENSION: {
    precondition: (context) => [
      ...(pendingExtension(context) === null
        ? []
        : ['a request for a later deadline already waits for the case officer']),
      ...noPendingCancellation(context),
    ],
    payload: (context, event) => {
      const problems = [
        ...text(event.reason, 'reason'),
        ...(event.dueAt === undefined && event.projectEndsAt === undefined
          ? ['dueAt (a later final report deadline) or projectEndsAt (a later project end) is required']
          : []),
        ...(event.dueAt === undefined ? [] : futureInstant(event.dueAt, 'dueAt', event.at)),
        ...(event.projectEndsAt === undefined
          ? []
          : futureInstant(event.projectEndsAt, 'projectEndsAt', event.at)),
      ];
      if (problems.length > 0) return problems;
      const current = context.finalReportDueAt;
      const end = context.projectEndsAt;
      return [
        ...(event.dueAt !== undefined && current !== null && compareInstants(event.dueAt, current) <= 0
          ? [`dueAt must be after the current final report deadline (${current})`]
          : []),
        ...(event.projectEndsAt !== undefined &&
        end !== null &&
        compareInstants(event.projectEndsAt, end) <= 0
          ? [`projectEndsAt must be after the current project end (${end})`]
          : []),
      ];
    },
  },
  GRANT_EXTENSION: {
    precondition: (context, actor) => [
      ...identified(actor),
      ...(pendingExtension(context) === null ? ['no request for a later deadline is waiting'] : []),
    ],
    payload: (context, event) => [
      ...(event.dueAt === undefined ? [] : futureInstant(event.dueAt, 'dueAt', event.at)),
      ...(event.projectEndsAt === undefined
        ? []
        : (context.extension?.requestedProjectEndsAt ?? null) === null
          ? ['projectEndsAt: the request did not ask for a later project end']
          : futureInstant(event.projectEndsAt, 'projectEndsAt', event.at)),
      ...optionalText(event.grounds, 'grounds'),
    ],
  },
  REFUSE_EXTENSION: {
    precondition: (context, actor) => [
      ...identified(actor),
      ...(pendingExtension(context) === null ? ['no request for a later deadline is waiting'] : []),
    ],
    payload: (_context, event) => text(event.grounds, 'grounds'),
  },
  PROPOSE_CANCELLATION: {
    precondition: (context, actor) => [...identified(actor), ...noPendingCancellation(context)],
    payload: (_context, event) => [
      ...text(event.grounds, 'grounds'),
      ...(event.repaymentAmount === undefined || isOre(event.repaymentAmount)
        ? []
        : ['repaymentAmount must be a whole number of øre, zero or more']),
    ],
  },
  DISMISS_CANCELLATION: {
    precondition: (context, actor) => [
      ...identified(actor),
      ...(pendingCancellation(context) === null ? ['no cancellation is proposed'] : []),
    ],
    payload: (_context, event) => text(event.message, 'message'),
  },
  DECIDE_CANCELLATION: {
    precondition: (context, actor) => {
      const proposal = pendingCancellation(context);
      if (proposal === null) return [...identified(actor), 'no cancellation is proposed'];
      return [
        ...identified(actor),
        ...(proposal.proposedBy === actor.userId
          ? [
              'four eyes: the cancellation must be decided by someone other than the case officer who proposed it',
            ]
          : []),
      ];
    },
  },
  LODGE_APPEAL: {
    precondition: (context) => {
      if (context.decision === null) return ['there is no decision to appeal'];
      if (openAppeal(context) !== null) return ['an appeal against this decision is already open'];
      const last = context.appeal?.outcome ?? null;
      return last !== null && last.decidedBy === 'appeals_board' && last.kind !== 'quashed'
        ? ["the appeals board's decision on the appeal is final (forvaltningsloven § 28)"]
        : [];
    },
    payload: (_context, event) => text(event.grounds, 'grounds'),
  },
  PROPOSE_APPEAL_REVERSAL: {
    precondition: (context, actor) => [...identified(actor), ...appealToPrepare(context)],
    payload: (context, event) => [
      ...text(event.grounds, 'grounds'),
      ...reversalAmount(context, event.amount),
    ],
  },
  PROPOSE_APPEAL_FORWARD: {
    precondition: (context, actor) => [...identified(actor), ...appealToPrepare(context)],
    payload: (_context, event) => text(event.note, 'note'),
  },
  DISMISS_APPEAL_PROPOSAL: {
    precondition: (context, actor) => [
      ...identified(actor),
      ...(openAppeal(context)?.proposal ? [] : ['no proposal on the appeal waits']),
    ],
    payload: (_context, event) => text(event.message, 'message'),
  },
  DECIDE_APPEAL_REVERSAL: {
    precondition: (context, actor) => appealProposalToDecide(context, actor, 'reverse'),
  },
  DECIDE_APPEAL_FORWARD: {
    precondition: (context, actor) => appealProposalToDecide(context, actor, 'forward'),
  },
  RECORD_APPEAL_UPHELD: {
    precondition: appealWithBoard,
    payload: (_context, event) => text(event.grounds, 'grounds'),
  },
  RECORD_APPEAL_REVERSED: {
    precondition: appealWithBoard,
    payload: (context, event) => [
      ...text(event.grounds, 'grounds'),
      ...reversalAmount(context, event.amount),
    ],
  },
  RECORD_APPEAL_QUASHED: {
    precondition: appealWithBoard,
    payload: (_context, event) => text(event.grounds, 'grounds'),
  },
};

/** Settlement is complete only with nothing committed and no claim open; the sender says what it found. */
const settled = (value: unknown, field: string, what: string): string[] => {
  if (!isOre(value)) return [`${field} must be a whole number of øre, zero or more`];
  return value === 0 ? [] : [`the grant still has ${formatOre(value)} ${what}`];
};

const ruleFor = (type: LifecycleEventType) =>
  RULES[type] as {
    readonly precondition?: EventRule<LifecycleEventType>['precondition'];
    readonly payload?: (
      context: LifecycleContext,
      event: MachineEvent,
      options: LifecycleOptions,
    ) => string[];
  };

/** Reasons that hold regardless of payload: what `allowedEvents` uses to hide buttons. */
export function preconditionReasons(
  type: LifecycleEventType,
  context: LifecycleContext,
  actor: EngineActor,
  at: Instant,
): string[] {
  if (!isInstant(at)) return instant(at, 'at');
  return ruleFor(type).precondition?.(context, actor, at) ?? [];
}

/** Every reason to refuse `event` in `context`, common rules first, then the scheme's. */
export function eventReasons(
  context: LifecycleContext,
  event: MachineEvent,
  options: LifecycleOptions,
): string[] {
  if (!isInstant(event.at)) return instant(event.at, 'at');
  const rule = ruleFor(event.type);
  const variation = options.rules[event.type] as
    ((args: { context: LifecycleContext; event: MachineEvent }) => readonly string[]) | undefined;
  return [
    ...(rule.precondition?.(context, event.actor, event.at) ?? []),
    ...(rule.payload?.(context, event, options) ?? []),
    ...(variation?.({ context, event }) ?? []),
  ];
}
