import { assertEvent, assign, setup } from 'xstate';
import { appealLastDayOf, isLateAppeal } from './appeal';
import {
  grantedAmount,
  initialContext,
  openAppeal,
  type AppealOutcome,
  type LifecycleContext,
  type LifecycleInput,
} from './context';
import type {
  Audience,
  DeadlineKind,
  LetterKind,
  NotificationTemplate,
  OverdueReportNotice,
  ReleaseReason,
  ScheduleNoticeEffect,
} from './effects';
import type { MachineEvent } from './events';
import type { LifecycleOptions } from './lifecycle.options';
import { eventReasons } from './lifecycle.rules';
import type { Ore } from '@lib/common';
import type { EngineActor } from './roles';
import { statusTag, TAGS, type LifecycleTag } from './tags';
import { add24HourDays, addMonths, normaliseInstant, type Instant } from './time';

/**
 * XState's own machine id. It is the same for every scheme (the definition id is stored beside the
 * snapshot instead) so that `#lifecycle.…` targets work and nothing here names a scheme.
 */
export const LIFECYCLE_MACHINE_ID = 'lifecycle';

const notifyAction = (template: NotificationTemplate, recipients: readonly Audience[]) =>
  ({ type: 'notify', params: { template, recipients } }) as const;

const cancelAction = (deadline: DeadlineKind) => ({ type: 'cancelDeadline', params: { deadline } }) as const;

/** The notice of an overdue final report that follows the call's days after the deadline event. */
const overdueReportNotice = (notice: OverdueReportNotice) =>
  ({
    type: 'scheduleNotice',
    params: ({ event }: { event: MachineEvent }) => ({ notice, overdueSince: normaliseInstant(event.at) }),
  }) as const;

function present<T>(value: T | null, what: string): T {
  // Rules run before every transition, so a missing value here is a bug in the machine, not bad input.
  if (value === null) throw new Error(`lifecycle invariant broken: ${what} is missing`);
  return value;
}

const userOf = (actor: EngineActor): string => present(actor.userId, 'the acting user');

/**
 * Heving of an accepted grant: the case officer proposes, an approver dismisses or decides. The
 * decision ends the grant: every deadline of the case (the final report's, with reminders and notices) goes, the unpaid
 * rest goes back to the frame, and what the decision claims back becomes a repayment claim; the case
 * is settled like an approved report, and closes once nothing is committed and no claim is open.
 */
const cancellationTransitions = {
  PROPOSE_CANCELLATION: {
    guard: 'rulesPass',
    actions: ['recordCancellationProposal', notifyAction('cancellation_proposed', ['approver'])],
  },
  DISMISS_CANCELLATION: {
    guard: 'rulesPass',
    actions: ['clearCancellation', notifyAction('cancellation_dismissed', ['case_officer'])],
  },
  DECIDE_CANCELLATION: {
    guard: 'rulesPass',
    target: `#${LIFECYCLE_MACHINE_ID}.cancelled`,
    actions: [
      'recordCancellationDecision',
      'cancelAllDeadlines',
      // Drawn from the ledger as the decision finds it, before the money moves.
      { type: 'issueLetter', params: { letter: 'cancellation' as const } },
      {
        type: 'cancelFunds',
        params: ({ context }: { context: LifecycleContext }) => ({
          repaymentAmount: present(context.cancellation, 'the cancellation').repaymentAmount,
        }),
      },
      notifyAction('grant_cancelled', ['applicant', 'case_officer', 'finance']),
    ],
  },
} as const;

/** What a reversal grants beyond the decision appealed against (all of it after a rejection). */
const reversalIncrease = (context: LifecycleContext): Ore => {
  const outcome = present(context.appeal?.outcome ?? null, 'the appeal outcome');
  if (outcome.kind !== 'reversed') throw new Error('lifecycle invariant broken: not a reversal');
  return outcome.amount - (context.appeal?.againstAmount ?? 0);
};

const appealLetter = { type: 'issueLetter', params: { letter: 'appeal_outcome' as const } } as const;

const scheduleAcceptance = {
  type: 'scheduleDeadline',
  params: ({ context }: { context: LifecycleContext }) => ({
    deadline: 'acceptance' as const,
    dueAt: present(context.acceptanceDueAt, 'the acceptance deadline'),
  }),
} as const;

/**
 * Klage (forvaltningsloven §§ 28–34), in the states whose decision may be appealed: the rejection,
 * and the grant before and after acceptance. The applicant lodges it; the case officer proposes and
 * an approver who did not propose it decides either to reverse the decision (a grant, or a higher
 * one: the increase is committed on the frame like any grant) or to send the case to the appeals
 * board (klagenemnda), whose outcome the county records. `where` says what a reversal or an upheld
 * grant does besides: a rejection becomes a grant awaiting acceptance; a grant not yet accepted gets
 * a new acceptance deadline (an open appeal holds the old one).
 */
function appealTransitions(where: 'rejected' | 'awaiting_acceptance' | 'active') {
  const reversalTarget = where === 'rejected' ? { target: `#${LIFECYCLE_MACHINE_ID}.granted` } : {};
  const renew = where === 'active' ? [] : (['renewAcceptance'] as const);
  const acceptance = where === 'active' ? [] : ([scheduleAcceptance] as const);
  // In the order of a grant decision: frame, commitment, deadline, letter, notice.
  const reversalActions = [
    'recordAppealReversal',
    ...renew,
    ...(where === 'rejected' ? (['assignFrame'] as const) : []),
    {
      type: 'commitFunds',
      params: ({ context }: { context: LifecycleContext }) => ({ amount: reversalIncrease(context) }),
    },
    ...acceptance,
    appealLetter,
    notifyAction('appeal_reversed', ['applicant', 'case_officer', 'finance']),
  ] as const;
  return {
    LODGE_APPEAL: {
      guard: 'rulesPass',
      actions: [
        'recordAppeal',
        {
          type: 'scheduleNotice',
          params: ({ context }: { context: LifecycleContext }) => ({
            notice: 'appeal_preparation' as const,
            lodgedAt: present(context.appeal, 'the appeal').lodgedAt,
          }),
        },
        notifyAction('appeal_lodged', ['applicant', 'case_officer']),
      ],
    },
    PROPOSE_APPEAL_REVERSAL: {
      guard: 'rulesPass',
      actions: ['recordAppealProposal', notifyAction('appeal_proposal_ready', ['approver'])],
    },
    PROPOSE_APPEAL_FORWARD: {
      guard: 'rulesPass',
      actions: ['recordAppealProposal', notifyAction('appeal_proposal_ready', ['approver'])],
    },
    DISMISS_APPEAL_PROPOSAL: {
      guard: 'rulesPass',
      actions: ['clearAppealProposal', notifyAction('appeal_proposal_returned', ['case_officer'])],
    },
    DECIDE_APPEAL_REVERSAL: { guard: 'rulesPass', ...reversalTarget, actions: reversalActions },
    DECIDE_APPEAL_FORWARD: {
      guard: 'rulesPass',
      actions: [
        'recordAppealForward',
        { type: 'issueLetter', params: { letter: 'appeal_forwarded' as const } },
        notifyAction('appeal_forwarded', ['applicant', 'case_officer']),
      ],
    },
    RECORD_APPEAL_UPHELD: {
      guard: 'rulesPass',
      actions: [
        'recordAppealOutcome',
        // A rejection upheld stays a rejection; a grant upheld before acceptance may now be accepted.
        ...(where === 'awaiting_acceptance' ? renew : []),
        ...(where === 'awaiting_acceptance' ? acceptance : []),
        appealLetter,
        notifyAction('appeal_upheld', ['applicant', 'case_officer']),
      ],
    },
    RECORD_APPEAL_REVERSED: { guard: 'rulesPass', ...reversalTarget, actions: reversalActions },
    // Only a rejection goes back to assessment here: a quashed grant would first need its money undone.
    ...(where === 'rejected'
      ? ({
          RECORD_APPEAL_QUASHED: {
            guard: 'rulesPass',
            target: `#${LIFECYCLE_MACHINE_ID}.assessment.in_review`,
            actions: [
              'recordAppealOutcome',
              appealLetter,
              notifyAction('appeal_quashed', ['applicant', 'case_officer']),
            ],
          },
        } as const)
      : {}),
  } as const;
}

/**
 * The common lifecycle, built from one definition and parameterised by a scheme's options.
 *
 * Deliberately absent: `after` timers, `invoke` and spawned actors. They are not restored from
 * persisted snapshots (xstate#5331) and legal deadlines must survive restarts, so time arrives as
 * events (`*_DEADLINE_PASSED`) sent by the deadline worker. Effects are named actions with no
 * implementation: the pure `transition()` returns them as data with their params resolved.
 *
 * Terminal states are ordinary states, not `type: 'final'`, so that a later version can add an exit
 * (an appeal from `rejected`) without migrating snapshots out of XState's `done` status.
 */
export function createLifecycleMachine(options: LifecycleOptions) {
  /** A final report deadline counted from a (new) project end; otherwise the one given. */
  const dueAfterProjectEnd = (projectEndsAt: Instant | null, otherwise: Instant): Instant =>
    options.finalReportDue.from === 'project_end' && projectEndsAt !== null
      ? add24HourDays(projectEndsAt, options.finalReportDue.days)
      : otherwise;

  return setup({
    types: {
      context: {} as LifecycleContext,
      events: {} as MachineEvent,
      input: {} as LifecycleInput,
      tags: {} as LifecycleTag,
    },
    actions: {
      // The effect catalogue (see effects.ts). Never executed by the engine.
      commitFunds: (_, _params: { amount: Ore }) => undefined,
      releaseFunds: (_, _params: { amount: Ore; reason: ReleaseReason }) => undefined,
      settleFunds: (_, _params: { finalPayableAmount: Ore }) => undefined,
      cancelFunds: (_, _params: { repaymentAmount: Ore }) => undefined,
      scheduleDeadline: (_, _params: { deadline: DeadlineKind; dueAt: Instant }) => undefined,
      cancelDeadline: (_, _params: { deadline: DeadlineKind }) => undefined,
      cancelAllDeadlines: () => undefined,
      scheduleNotice: (_, _params: Omit<ScheduleNoticeEffect, 'kind'>) => undefined,
      assignFrame: () => undefined,
      notify: (_, _params: { template: string; recipients: readonly Audience[] }) => undefined,
      issueLetter: (_, _params: { letter: LetterKind }) => undefined,

      // What the lifecycle remembers. Effects listed after these see the updated context.
      recordSubmission: assign(({ event }) => {
        assertEvent(event, 'SUBMIT');
        return {
          submittedAt: normaliseInstant(event.at),
          maximumAmount: event.maximumAmount,
          delegationLimit: event.delegationLimit ?? null,
          acceptanceDays: event.acceptanceDays ?? null,
          projectEndsAt: normaliseInstant(event.projectEndsAt),
        };
      }),
      recordEnd: assign(({ event }) => ({ endedAt: normaliseInstant(event.at) })),
      recordAssignment: assign(({ event }) => {
        assertEvent(event, 'ASSIGN');
        return { caseOfficerId: event.caseOfficerId ?? userOf(event.actor) };
      }),
      recordInformationRequest: assign(({ event }) => {
        assertEvent(event, 'REQUEST_INFO');
        return {
          informationRequest: {
            message: event.message,
            dueAt: normaliseInstant(event.dueAt),
            requestedBy: event.actor.userId,
            requestedAt: normaliseInstant(event.at),
          },
        };
      }),
      clearInformationRequest: assign({ informationRequest: null }),
      recordGrantRecommendation: assign(({ event }) => {
        assertEvent(event, 'RECOMMEND_GRANT');
        return {
          recommendation: {
            kind: 'grant' as const,
            amount: event.amount,
            notes: event.notes,
            by: userOf(event.actor),
            at: normaliseInstant(event.at),
          },
        };
      }),
      recordRejectionRecommendation: assign(({ event }) => {
        assertEvent(event, 'RECOMMEND_REJECTION');
        return {
          recommendation: {
            kind: 'rejection' as const,
            grounds: event.grounds,
            by: userOf(event.actor),
            at: normaliseInstant(event.at),
          },
        };
      }),
      clearRecommendation: assign({ recommendation: null }),
      recordGrantDecision: assign(({ context, event }) => {
        assertEvent(event, 'DECIDE_GRANT');
        const recommendation = present(context.recommendation, 'the recommendation');
        if (recommendation.kind !== 'grant')
          throw new Error('lifecycle invariant broken: not a grant recommendation');
        return {
          decision: {
            kind: 'grant' as const,
            amount: recommendation.amount,
            committeeCaseRef: event.committeeCaseRef ?? null,
            // Only when given, so that decisions made without them keep their recorded shape.
            ...(event.grounds === undefined ? {} : { grounds: event.grounds }),
            ...(event.conditions === undefined ? {} : { conditions: [...event.conditions] }),
            by: userOf(event.actor),
            at: normaliseInstant(event.at),
          },
          acceptanceDueAt: add24HourDays(event.at, context.acceptanceDays ?? options.acceptanceDays),
        };
      }),
      recordRejectionDecision: assign(({ event }) => {
        assertEvent(event, 'DECIDE_REJECTION');
        const at = normaliseInstant(event.at);
        return {
          decision: { kind: 'rejection' as const, grounds: event.grounds, by: userOf(event.actor), at },
          endedAt: at,
        };
      }),
      recordAcceptance: assign(({ context, event }) => {
        assertEvent(event, 'ACCEPT');
        const { from, days } = options.finalReportDue;
        const start = from === 'project_end' ? present(context.projectEndsAt, 'the project end') : event.at;
        return { acceptedAt: normaliseInstant(event.at), finalReportDueAt: add24HourDays(start, days) };
      }),
      recordOverdueReminder: assign(({ context }) => ({
        finalReportOverdueNotifiedFor: context.finalReportDueAt,
      })),
      recordReport: assign(({ event }) => {
        assertEvent(event, 'SUBMIT_REPORT');
        return { reportId: event.reportId };
      }),
      recordReturnedReport: assign(({ event }) => {
        assertEvent(event, 'RETURN_REPORT');
        return { finalReportDueAt: normaliseInstant(event.dueAt) };
      }),
      recordExtensionRequest: assign(({ context, event }) => {
        assertEvent(event, 'REQUEST_EXTENSION');
        const projectEndsAt =
          event.projectEndsAt === undefined ? null : normaliseInstant(event.projectEndsAt);
        return {
          extension: {
            reason: event.reason,
            requestedDueAt:
              event.dueAt !== undefined
                ? normaliseInstant(event.dueAt)
                : dueAfterProjectEnd(
                    projectEndsAt,
                    present(context.finalReportDueAt, 'the final report deadline'),
                  ),
            previousDueAt: context.finalReportDueAt,
            requestedProjectEndsAt: projectEndsAt,
            previousProjectEndsAt: context.projectEndsAt,
            requestedBy: event.actor.userId,
            requestedAt: normaliseInstant(event.at),
            outcome: null,
          },
        };
      }),
      recordExtensionGranted: assign(({ context, event }) => {
        assertEvent(event, 'GRANT_EXTENSION');
        const request = present(context.extension, 'the extension request');
        const projectEndsAt =
          event.projectEndsAt !== undefined
            ? normaliseInstant(event.projectEndsAt)
            : (request.requestedProjectEndsAt ?? null);
        // Another project end than asked moves a deadline counted from it, unless the officer names one.
        const dueAt = normaliseInstant(
          event.dueAt ??
            (event.projectEndsAt !== undefined
              ? dueAfterProjectEnd(projectEndsAt, request.requestedDueAt)
              : request.requestedDueAt),
        );
        return {
          extension: {
            ...request,
            outcome: {
              kind: 'granted' as const,
              dueAt,
              projectEndsAt,
              grounds: event.grounds ?? null,
              by: userOf(event.actor),
              at: normaliseInstant(event.at),
            },
          },
          finalReportDueAt: dueAt,
          projectEndsAt: projectEndsAt ?? context.projectEndsAt,
        };
      }),
      recordExtensionRefused: assign(({ context, event }) => {
        assertEvent(event, 'REFUSE_EXTENSION');
        const request = present(context.extension, 'the extension request');
        return {
          extension: {
            ...request,
            outcome: {
              kind: 'refused' as const,
              grounds: event.grounds,
              by: userOf(event.actor),
              at: normaliseInstant(event.at),
            },
          },
        };
      }),
      recordCancellationProposal: assign(({ event }) => {
        assertEvent(event, 'PROPOSE_CANCELLATION');
        return {
          cancellation: {
            grounds: event.grounds,
            repaymentAmount: event.repaymentAmount ?? 0,
            proposedBy: userOf(event.actor),
            proposedAt: normaliseInstant(event.at),
            decidedBy: null,
            decidedAt: null,
          },
        };
      }),
      clearCancellation: assign({ cancellation: null }),
      recordCancellationDecision: assign(({ context, event }) => {
        assertEvent(event, 'DECIDE_CANCELLATION');
        const at = normaliseInstant(event.at);
        const proposal = present(context.cancellation, 'the cancellation proposal');
        return { cancellation: { ...proposal, decidedBy: userOf(event.actor), decidedAt: at }, endedAt: at };
      }),
      recordAppeal: assign(({ context, event }) => {
        assertEvent(event, 'LODGE_APPEAL');
        const decision = present(context.decision, 'the decision');
        const at = normaliseInstant(event.at);
        return {
          appeal: {
            grounds: event.grounds,
            lodgedBy: event.actor.userId,
            lodgedAt: at,
            against: decision.kind,
            againstAmount: decision.kind === 'grant' ? decision.amount : null,
            lastDay: appealLastDayOf(decision.at),
            late: isLateAppeal(decision.at, at),
            proposal: null,
            forwarded: null,
            outcome: null,
          },
        };
      }),
      recordAppealProposal: assign(({ context, event }) => {
        assertEvent(event, ['PROPOSE_APPEAL_REVERSAL', 'PROPOSE_APPEAL_FORWARD']);
        const appeal = present(openAppeal(context), 'the open appeal');
        const by = userOf(event.actor);
        const at = normaliseInstant(event.at);
        return {
          appeal: {
            ...appeal,
            proposal:
              event.type === 'PROPOSE_APPEAL_REVERSAL'
                ? { kind: 'reverse' as const, amount: event.amount, grounds: event.grounds, by, at }
                : { kind: 'forward' as const, note: event.note, by, at },
          },
        };
      }),
      clearAppealProposal: assign(({ context }) => ({
        appeal: { ...present(openAppeal(context), 'the open appeal'), proposal: null },
      })),
      recordAppealForward: assign(({ context, event }) => {
        assertEvent(event, 'DECIDE_APPEAL_FORWARD');
        const appeal = present(openAppeal(context), 'the open appeal');
        const proposal = present(appeal.proposal, 'the proposal');
        if (proposal.kind !== 'forward')
          throw new Error('lifecycle invariant broken: not a forward proposal');
        return {
          appeal: {
            ...appeal,
            proposal: null,
            forwarded: {
              note: proposal.note,
              proposedBy: proposal.by,
              by: userOf(event.actor),
              at: normaliseInstant(event.at),
            },
          },
        };
      }),
      // Omgjøring, by the county or the appeals board: a new grant decision of the amount.
      recordAppealReversal: assign(({ context, event }) => {
        assertEvent(event, ['DECIDE_APPEAL_REVERSAL', 'RECORD_APPEAL_REVERSED']);
        const appeal = present(openAppeal(context), 'the open appeal');
        let reversal: { amount: Ore; grounds: string; decidedBy: 'first_instance' | 'appeals_board' };
        if (event.type === 'DECIDE_APPEAL_REVERSAL') {
          const proposal = present(appeal.proposal, 'the proposal');
          if (proposal.kind !== 'reverse')
            throw new Error('lifecycle invariant broken: not a reversal proposal');
          reversal = { amount: proposal.amount, grounds: proposal.grounds, decidedBy: 'first_instance' };
        } else {
          reversal = { amount: event.amount, grounds: event.grounds, decidedBy: 'appeals_board' };
        }
        const by = userOf(event.actor);
        const at = normaliseInstant(event.at);
        const previous = context.decision?.kind === 'grant' ? context.decision : null;
        return {
          decision: {
            kind: 'grant' as const,
            amount: reversal.amount,
            committeeCaseRef: previous?.committeeCaseRef ?? null,
            grounds: reversal.grounds,
            ...(previous?.conditions === undefined ? {} : { conditions: [...previous.conditions] }),
            by,
            at,
          },
          endedAt: null,
          appeal: { ...appeal, proposal: null, outcome: { kind: 'reversed' as const, ...reversal, by, at } },
        };
      }),
      recordAppealOutcome: assign(({ context, event }) => {
        assertEvent(event, ['RECORD_APPEAL_UPHELD', 'RECORD_APPEAL_QUASHED']);
        const appeal = present(openAppeal(context), 'the open appeal');
        const outcome: AppealOutcome = {
          kind: event.type === 'RECORD_APPEAL_UPHELD' ? 'upheld' : 'quashed',
          decidedBy: 'appeals_board',
          grounds: event.grounds,
          by: userOf(event.actor),
          at: normaliseInstant(event.at),
        };
        // Opphevet: the decision is gone and the case is assessed again from the start.
        return event.type === 'RECORD_APPEAL_QUASHED'
          ? { appeal: { ...appeal, outcome }, decision: null, recommendation: null, endedAt: null }
          : { appeal: { ...appeal, outcome } };
      }),
      // A grant decided (or kept) on appeal and not yet accepted: the acceptance days run from now.
      renewAcceptance: assign(({ context, event }) => ({
        acceptanceDueAt:
          context.acceptedAt === null
            ? add24HourDays(event.at, context.acceptanceDays ?? options.acceptanceDays)
            : context.acceptanceDueAt,
      })),
      recordReportApproval: assign(({ event }) => {
        assertEvent(event, 'APPROVE_REPORT');
        return { finalPayableAmount: event.finalPayableAmount, endedAt: normaliseInstant(event.at) };
      }),
    },
    guards: {
      // One guard for every transition; the reasons behind it are in lifecycle.rules.ts.
      rulesPass: ({ context, event }) => eventReasons(context, event, options).length === 0,
    },
  }).createMachine({
    id: LIFECYCLE_MACHINE_ID,
    context: ({ input }) => initialContext(input),
    initial: 'draft',
    states: {
      draft: {
        tags: [statusTag('draft'), TAGS.editableByApplicant, TAGS.awaitingApplicant],
        on: {
          SUBMIT: {
            guard: 'rulesPass',
            target: 'applied',
            actions: [
              'recordSubmission',
              // Forvaltningsloven § 11 a: a preliminary reply if no decision within a month.
              {
                type: 'scheduleNotice',
                params: ({ context }) => ({
                  notice: 'preliminary_reply' as const,
                  dueAt: addMonths(present(context.submittedAt, 'the submission time'), 1),
                }),
              },
              notifyAction('application_submitted', ['applicant', 'case_officer']),
            ],
          },
          WITHDRAW: { guard: 'rulesPass', target: 'withdrawn', actions: ['recordEnd'] },
        },
      },
      applied: {
        tags: [statusTag('applied'), TAGS.awaitingCaseOfficer],
        on: {
          ASSIGN: {
            guard: 'rulesPass',
            target: 'assessment',
            actions: ['recordAssignment', notifyAction('assessment_started', ['applicant'])],
          },
          WITHDRAW: {
            guard: 'rulesPass',
            target: 'withdrawn',
            actions: ['recordEnd', notifyAction('application_withdrawn', ['case_officer'])],
          },
        },
      },
      // Saksbehandling.
      assessment: {
        tags: [statusTag('assessment')],
        initial: 'in_review',
        on: {
          // Hand the case to another officer without leaving the current sub-state.
          ASSIGN: {
            guard: 'rulesPass',
            actions: ['recordAssignment', notifyAction('case_assigned', ['case_officer'])],
          },
          WITHDRAW: {
            guard: 'rulesPass',
            target: 'withdrawn',
            actions: ['recordEnd', notifyAction('application_withdrawn', ['case_officer'])],
          },
        },
        states: {
          in_review: {
            tags: [TAGS.awaitingCaseOfficer],
            on: {
              REQUEST_INFO: {
                guard: 'rulesPass',
                target: 'awaiting_applicant',
                actions: [
                  'recordInformationRequest',
                  {
                    type: 'scheduleDeadline',
                    params: ({ context }) => ({
                      deadline: 'information_response' as const,
                      dueAt: present(context.informationRequest, 'the information request').dueAt,
                    }),
                  },
                  notifyAction('information_requested', ['applicant']),
                ],
              },
              RECOMMEND_GRANT: {
                guard: 'rulesPass',
                target: 'recommended',
                actions: ['recordGrantRecommendation', notifyAction('recommendation_ready', ['approver'])],
              },
              RECOMMEND_REJECTION: {
                guard: 'rulesPass',
                target: 'recommended',
                actions: [
                  'recordRejectionRecommendation',
                  notifyAction('recommendation_ready', ['approver']),
                ],
              },
            },
          },
          awaiting_applicant: {
            tags: [TAGS.editableByApplicant, TAGS.awaitingApplicant],
            on: {
              ANSWER_INFO: {
                guard: 'rulesPass',
                target: 'in_review',
                actions: [
                  'clearInformationRequest',
                  cancelAction('information_response'),
                  notifyAction('information_received', ['case_officer']),
                ],
              },
              INFORMATION_DEADLINE_PASSED: {
                guard: 'rulesPass',
                target: 'in_review',
                actions: [
                  'clearInformationRequest',
                  notifyAction('information_deadline_passed', ['case_officer']),
                ],
              },
              // Overrides the parent's WITHDRAW: the open information deadline must go too.
              WITHDRAW: {
                guard: 'rulesPass',
                target: `#${LIFECYCLE_MACHINE_ID}.withdrawn`,
                actions: [
                  'recordEnd',
                  cancelAction('information_response'),
                  notifyAction('application_withdrawn', ['case_officer']),
                ],
              },
            },
          },
          // Innstilling ready for an approver.
          recommended: {
            tags: [TAGS.awaitingApprover],
            on: {
              DECIDE_GRANT: {
                guard: 'rulesPass',
                target: `#${LIFECYCLE_MACHINE_ID}.granted`,
                actions: [
                  'recordGrantDecision',
                  'assignFrame',
                  { type: 'commitFunds', params: ({ context }) => ({ amount: grantedAmount(context) }) },
                  {
                    type: 'scheduleDeadline',
                    params: ({ context }) => ({
                      deadline: 'acceptance' as const,
                      dueAt: present(context.acceptanceDueAt, 'the acceptance deadline'),
                    }),
                  },
                  { type: 'issueLetter', params: { letter: 'grant' as const } },
                  notifyAction('grant_decided', ['applicant', 'case_officer']),
                ],
              },
              DECIDE_REJECTION: {
                guard: 'rulesPass',
                target: `#${LIFECYCLE_MACHINE_ID}.rejected`,
                actions: [
                  'recordRejectionDecision',
                  { type: 'issueLetter', params: { letter: 'rejection' as const } },
                  notifyAction('rejection_decided', ['applicant', 'case_officer']),
                ],
              },
              RETURN_TO_REVIEW: {
                guard: 'rulesPass',
                target: 'in_review',
                actions: ['clearRecommendation', notifyAction('recommendation_returned', ['case_officer'])],
              },
            },
          },
        },
      },
      // Tilsagn given.
      granted: {
        tags: [statusTag('granted')],
        initial: 'awaiting_acceptance',
        states: {
          awaiting_acceptance: {
            tags: [TAGS.awaitingApplicant],
            on: {
              ACCEPT: {
                guard: 'rulesPass',
                target: 'active',
                actions: [
                  'recordAcceptance',
                  cancelAction('acceptance'),
                  {
                    type: 'scheduleDeadline',
                    params: ({ context }) => ({
                      deadline: 'final_report' as const,
                      dueAt: present(context.finalReportDueAt, 'the final report deadline'),
                    }),
                  },
                  notifyAction('grant_accepted', ['case_officer']),
                ],
              },
              DECLINE_GRANT: {
                guard: 'rulesPass',
                target: `#${LIFECYCLE_MACHINE_ID}.withdrawn`,
                actions: [
                  'recordEnd',
                  cancelAction('acceptance'),
                  {
                    type: 'releaseFunds',
                    params: ({ context }) => ({
                      amount: grantedAmount(context),
                      reason: 'declined' as const,
                    }),
                  },
                  notifyAction('grant_declined', ['case_officer']),
                ],
              },
              ...appealTransitions('awaiting_acceptance'),
              ACCEPTANCE_DEADLINE_PASSED: {
                guard: 'rulesPass',
                target: `#${LIFECYCLE_MACHINE_ID}.lapsed`,
                actions: [
                  'recordEnd',
                  {
                    type: 'releaseFunds',
                    params: ({ context }) => ({ amount: grantedAmount(context), reason: 'lapsed' as const }),
                  },
                  notifyAction('grant_lapsed', ['applicant', 'case_officer']),
                ],
              },
            },
          },
          active: {
            tags: [TAGS.payable, TAGS.awaitingApplicant],
            on: {
              SUBMIT_REPORT: {
                guard: 'rulesPass',
                target: `#${LIFECYCLE_MACHINE_ID}.reported`,
                actions: [
                  'recordReport',
                  cancelAction('final_report'),
                  notifyAction('final_report_submitted', ['case_officer']),
                ],
              },
              ...cancellationTransitions,
              ...appealTransitions('active'),
              // Utsatt frist: asked by the applicant, answered by the case officer.
              REQUEST_EXTENSION: {
                guard: 'rulesPass',
                actions: ['recordExtensionRequest', notifyAction('extension_requested', ['case_officer'])],
              },
              GRANT_EXTENSION: {
                guard: 'rulesPass',
                actions: [
                  'recordExtensionGranted',
                  { type: 'issueLetter', params: { letter: 'extension_granted' as const } },
                  // Moves the deadline row; its reminders and overdue notices follow it.
                  {
                    type: 'scheduleDeadline',
                    params: ({ context }) => ({
                      deadline: 'final_report' as const,
                      dueAt: present(context.finalReportDueAt, 'the final report deadline'),
                    }),
                  },
                  notifyAction('extension_granted', ['applicant']),
                ],
              },
              REFUSE_EXTENSION: {
                guard: 'rulesPass',
                actions: [
                  'recordExtensionRefused',
                  { type: 'issueLetter', params: { letter: 'extension_refused' as const } },
                  notifyAction('extension_refused', ['applicant']),
                ],
              },
              // A reminder, not a state change: the grant stays active until a report arrives.
              REPORT_DEADLINE_PASSED: {
                guard: 'rulesPass',
                actions: [
                  'recordOverdueReminder',
                  overdueReportNotice('report_escalation'),
                  overdueReportNotice('report_lapse_proposal'),
                  notifyAction('final_report_overdue', ['applicant', 'case_officer']),
                ],
              },
            },
          },
        },
      },
      reported: {
        tags: [statusTag('reported')],
        initial: 'report_review',
        states: {
          // Approved part payments not yet paid stay due while the final report is read.
          report_review: {
            tags: [TAGS.awaitingCaseOfficer, TAGS.payable],
            on: {
              ...cancellationTransitions,
              RETURN_REPORT: {
                guard: 'rulesPass',
                target: `#${LIFECYCLE_MACHINE_ID}.granted.active`,
                actions: [
                  'recordReturnedReport',
                  {
                    type: 'scheduleDeadline',
                    params: ({ context }) => ({
                      deadline: 'final_report' as const,
                      dueAt: present(context.finalReportDueAt, 'the final report deadline'),
                    }),
                  },
                  notifyAction('final_report_returned', ['applicant']),
                ],
              },
              APPROVE_REPORT: {
                guard: 'rulesPass',
                target: 'settling',
                actions: [
                  'recordReportApproval',
                  { type: 'issueLetter', params: { letter: 'settlement' as const } },
                  // The unpaid rest above the final amount goes back to the frame; an overpayment
                  // becomes a repayment claim. The case closes when the settlement is complete.
                  {
                    type: 'settleFunds',
                    params: ({ context }) => ({
                      finalPayableAmount: present(context.finalPayableAmount, 'the final amount'),
                    }),
                  },
                  notifyAction('final_report_approved', ['applicant', 'finance']),
                ],
              },
            },
          },
          // Oppgjør: the final payment is due, or a repayment claim is open.
          settling: {
            tags: [TAGS.settling, TAGS.payable],
            on: {
              SETTLE: {
                guard: 'rulesPass',
                target: `#${LIFECYCLE_MACHINE_ID}.closed`,
                actions: [notifyAction('grant_settled', ['applicant'])],
              },
            },
          },
        },
      },
      // Cases closed before settlement was a state of its own may still owe their final payment (sluttutbetaling).
      closed: { tags: [statusTag('closed'), TAGS.terminal, TAGS.payable] },
      rejected: {
        tags: [statusTag('rejected'), TAGS.terminal, TAGS.appealable],
        on: appealTransitions('rejected'),
      },
      withdrawn: { tags: [statusTag('withdrawn'), TAGS.terminal] },
      lapsed: { tags: [statusTag('lapsed'), TAGS.terminal] },
      // Hevet: cancelled by a decision, settled like an approved report, then closed.
      cancelled: {
        tags: [statusTag('cancelled')],
        initial: 'settling',
        states: {
          settling: {
            tags: [TAGS.settling],
            on: { SETTLE: { guard: 'rulesPass', target: 'closed' } },
          },
          closed: { tags: [TAGS.terminal] },
        },
      },
    },
  });
}

export type LifecycleMachine = ReturnType<typeof createLifecycleMachine>;
