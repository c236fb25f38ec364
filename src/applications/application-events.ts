import { DomainError, endOfNorwegianDay, norwegianDate, validatePayload } from '@lib/common';
import {
  decisionLetterTerms,
  attachmentRequirements,
  informationResponseDueDate,
  type SchemeDefinition,
  type SchemeOrganisation,
  type SchemeReason,
} from '@lib/engine';
import type { EntityManager } from 'typeorm';
import { lastInformationRequest, sendOwnAttachments } from '../attachments/attachment.entity';
import { FundingCall } from '../calls/funding-call.entity';
import { County } from '../counties/county.entity';
import { Organisation } from '../organisations/organisation.entity';
import { fromBody, type EventCommand, type EventPreparers } from '../runtime';
import { ApplicationReport } from './application-report.entity';
import { assignCaseNumber } from './case-number';
import { Application } from './application.entity';

/** Statuses in which an organisation "holds" a grant of a scheme (for one-at-a-time schemes). */
const HOLDING_STATUSES = ['granted', 'reported'];

const schemeRefusal = (code: string, detail: string, reasons: readonly SchemeReason[]) =>
  new DomainError('unprocessable', code, detail, { reasons });

/**
 * Submission: the call must be open, the form complete and the call's rules met; the scheme's
 * calculation gives the most that can be granted, and the requested amount is kept on the row.
 */
async function prepareSubmit({
  tx,
  application,
  scheme,
  type,
  now,
  at,
}: EventCommand<Application, 'SUBMIT'>) {
  const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
  assertCallOpen(call, now);
  const content = await validateContent(scheme, application.content, false);
  const schemeOrganisation = await loadSchemeOrganisation(tx, application.organisationId);
  const otherActiveGrant = await tx
    .createQueryBuilder(Application, 'a')
    .where('a.organisationId = :org AND a.schemeId = :scheme AND a.id <> :id', {
      org: application.organisationId,
      scheme: scheme.id,
      id: application.id,
    })
    .andWhere('a.status IN (:...statuses)', { statuses: HOLDING_STATUSES })
    .getExists();
  const params = call.parameters;
  const reasons = scheme.checkEligibility({
    params,
    content,
    organisation: schemeOrganisation,
    now,
    otherActiveGrant,
  });
  if (reasons.length) {
    throw schemeRefusal(
      'not_eligible',
      `The application does not meet the call's rules (${reasons.length})`,
      reasons,
    );
  }
  await sendOwnAttachments(
    tx,
    application.id,
    {},
    attachmentRequirements(params, 'application', scheme.attachmentDefaults),
    now,
  );
  application.requestedAmount = scheme.requestedAmount(content);
  // Last, once nothing can refuse the submission any more; a rollback would give the number back too.
  await assignCaseNumber(tx, application, scheme.referencePrefix, now);
  return {
    type,
    at,
    caseNumber: application.caseNumber ?? undefined,
    maximumAmount: scheme.maximumGrant(params, content, schemeOrganisation),
    projectEndsAt: scheme.projectEndsAt(content),
    ineligibilityReasons: [],
    delegationLimit: params.delegationThresholdOre,
    acceptanceDays: params.acceptanceDays,
  };
}

/**
 * An answer to a request for information sends the attachments added for it: every kind the call
 * requires with answers must be there (422 naming the missing ones).
 */
async function prepareAnswerInfo(command: EventCommand<Application, 'ANSWER_INFO'>) {
  const { tx, application, scheme, now } = command;
  const request = await lastInformationRequest(tx, application.id);
  if (request) {
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    await sendOwnAttachments(
      tx,
      application.id,
      { informationRequestId: request.id },
      attachmentRequirements(call.parameters, 'information_answer', scheme.attachmentDefaults),
      now,
    );
  }
  return fromBody(command);
}

/** The final report: valid by the scheme's report form and fitting the application; stored, the event names it. */
async function prepareSubmitReport({
  tx,
  actor,
  application,
  scheme,
  type,
  body,
  now,
  at,
}: EventCommand<Application, 'SUBMIT_REPORT'>) {
  await assertNoFinalPayoutRequest(
    tx,
    application,
    ['draft', 'returned'],
    'sent with the final payout request',
  );
  const validation = await validatePayload(scheme.reportDto, body.report, { pathPrefix: 'report' });
  if (!validation.ok)
    throw new DomainError('bad_request', 'validation_failed', 'The report is not valid', {
      errors: validation.problems,
    });
  const content = await validateContent(scheme, application.content, false);
  const reasons = scheme.checkReport(content, validation.value);
  if (reasons.length)
    throw schemeRefusal('report_not_acceptable', 'The report does not fit the application', reasons);
  const report = await tx.save(
    tx.create(ApplicationReport, {
      applicationId: application.id,
      kind: 'final',
      content: body.report as Record<string, unknown>,
      submittedBy: actor.kind === 'system' ? application.createdBy : actor.userId,
      // The service's clock, as the history's: the versions and their returns read in one time line.
      submittedAt: now,
    }),
  );
  // The application's own not yet sent go with the report; a final payout request sends its own.
  await sendOwnAttachments(tx, application.id, {}, [], now);
  return { type, at, reportId: report.id };
}

/** Approval fixes what is finally paid: what the report entitles to, or less if the officer says so. */
async function prepareApproveReport({
  tx,
  application,
  scheme,
  type,
  body,
  at,
  context,
}: EventCommand<Application, 'APPROVE_REPORT'>) {
  await assertNoFinalPayoutRequest(
    tx,
    application,
    ['sent'],
    'approved by approving the final payout request',
  );
  const report = context.reportId ? await tx.findOneBy(ApplicationReport, { id: context.reportId }) : null;
  if (!report)
    throw new DomainError('conflict', 'report_missing', 'The application has no final report to approve');
  const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
  const validation = await validatePayload(scheme.reportDto, report.content);
  if (!validation.ok) throw new Error(`stored report ${report.id} no longer validates`);
  const granted = context.decision?.kind === 'grant' ? context.decision.amount : 0;
  const entitled = scheme.finalPayable(call.parameters, granted, validation.value, {
    content: await validateContent(scheme, application.content, false),
    organisation: await loadSchemeOrganisation(tx, application.organisationId),
  });
  const requested = typeof body.finalPayableAmount === 'number' ? body.finalPayableAmount : entitled;
  if (requested > entitled) {
    throw new DomainError(
      'unprocessable',
      'final_payable_above_entitlement',
      `The report entitles the applicant to at most ${entitled} øre; ${requested} øre was given`,
      { entitled, requested },
    );
  }
  return { type, at, finalPayableAmount: requested };
}

/** The report goes back to the applicant; one sent with a final payout request goes back with it. */
async function prepareReturnReport(command: EventCommand<Application, 'RETURN_REPORT'>) {
  await assertNoFinalPayoutRequest(
    command.tx,
    command.application,
    ['sent'],
    'returned by returning the final payout request',
  );
  return fromBody(command);
}

/**
 * The final report of a case with a final payout request (sluttutbetalingsanmodning) moves with that
 * request: its own endpoints submit, return and approve the report in the same transaction, having
 * moved the request on first. Here, the report's endpoints refuse while the request is in `statuses`.
 */
async function assertNoFinalPayoutRequest(
  tx: EntityManager,
  application: Application,
  statuses: readonly string[],
  how: string,
): Promise<void> {
  const [open] = await tx.query<Array<{ number: number }>>(
    `SELECT number FROM payout_request WHERE application_id = $1 AND kind = 'final' AND status = ANY($2::text[])`,
    [application.id, statuses],
  );
  if (open)
    throw new DomainError(
      'conflict',
      'final_payout_request_pending',
      `${application.reference} has final payout request ${open.number}: its final report is ${how}`,
      { payoutRequest: open.number },
    );
}

/**
 * A request for information: by the date the officer chose, or else by the end of the day the
 * call's business days (virkedager) ahead, as the case page prefills it.
 */
async function prepareRequestInfo({
  tx,
  application,
  type,
  body,
  now,
  at,
}: EventCommand<Application, 'REQUEST_INFO'>) {
  const message = body.message as string;
  if (typeof body.dueAt === 'string') return { type, at, message, dueAt: body.dueAt };
  const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
  const dueAt = endOfNorwegianDay(informationResponseDueDate(call.parameters, norwegianDate(now)));
  return { type, at, message, dueAt };
}

/** Assignment to a named officer: one of the county's active case officers (otherwise the sender takes it). */
async function prepareAssign({ tx, application, type, body, at }: EventCommand<Application, 'ASSIGN'>) {
  const officerId = typeof body.caseOfficerId === 'string' ? body.caseOfficerId : undefined;
  if (officerId) await assertCaseOfficer(tx, officerId, application.countyId);
  return { type, at, ...(officerId ? { caseOfficerId: officerId } : {}) };
}

/**
 * A proposed cancellation (heving) may claim back at most what was paid on the grant, less what was
 * repaid; the ledger says how much that is. The effect checks it again when the decision is made.
 */
async function prepareProposeCancellation({
  tx,
  application,
  type,
  body,
  at,
}: EventCommand<Application, 'PROPOSE_CANCELLATION'>) {
  const repaymentAmount = typeof body.repaymentAmount === 'number' ? body.repaymentAmount : 0;
  const [row] = await tx.query<Array<{ paid: string }>>(
    `SELECT coalesce(sum(disbursed - repaid), 0) AS paid FROM grant_position WHERE application_id = $1`,
    [application.id],
  );
  const paid = Number(row?.paid ?? 0);
  if (repaymentAmount > paid) {
    throw new DomainError(
      'unprocessable',
      'repayment_above_paid',
      `At most what was paid (${paid} øre) can be claimed back; ${repaymentAmount} øre was given`,
      { paid, requested: repaymentAmount },
    );
  }
  return { type, at, grounds: body.grounds as string, repaymentAmount };
}

/**
 * Klage: only where the call's decisions are individual decisions that may be appealed (the decision
 * letter says so too); otherwise 422 `not_appealable`.
 */
async function prepareLodgeAppeal(command: EventCommand<Application, 'LODGE_APPEAL'>) {
  const { tx, application, scheme } = command;
  const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
  if (!decisionLetterTerms(call.parameters, scheme).appealable)
    throw new DomainError(
      'unprocessable',
      'not_appealable',
      `The decisions under the call "${call.title}" are not individual decisions that may be appealed`,
    );
  return fromBody(command);
}

/** How each event of the lifecycle is prepared for an application; most take their body as it is. */
export const APPLICATION_EVENTS: EventPreparers<Application> = {
  SUBMIT: prepareSubmit,
  WITHDRAW: fromBody,
  ASSIGN: prepareAssign,
  REQUEST_INFO: prepareRequestInfo,
  ANSWER_INFO: prepareAnswerInfo,
  INFORMATION_DEADLINE_PASSED: fromBody,
  RECOMMEND_GRANT: fromBody,
  RECOMMEND_REJECTION: fromBody,
  RETURN_TO_REVIEW: fromBody,
  DECIDE_GRANT: fromBody,
  DECIDE_REJECTION: fromBody,
  ACCEPT: fromBody,
  DECLINE_GRANT: fromBody,
  ACCEPTANCE_DEADLINE_PASSED: fromBody,
  REPORT_DEADLINE_PASSED: fromBody,
  SUBMIT_REPORT: prepareSubmitReport,
  RETURN_REPORT: prepareReturnReport,
  APPROVE_REPORT: prepareApproveReport,
  SETTLE: fromBody,
  REQUEST_EXTENSION: fromBody,
  GRANT_EXTENSION: fromBody,
  REFUSE_EXTENSION: fromBody,
  PROPOSE_CANCELLATION: prepareProposeCancellation,
  DISMISS_CANCELLATION: fromBody,
  DECIDE_CANCELLATION: fromBody,
  LODGE_APPEAL: prepareLodgeAppeal,
  PROPOSE_APPEAL_REVERSAL: fromBody,
  PROPOSE_APPEAL_FORWARD: fromBody,
  DISMISS_APPEAL_PROPOSAL: fromBody,
  DECIDE_APPEAL_REVERSAL: fromBody,
  DECIDE_APPEAL_FORWARD: fromBody,
  RECORD_APPEAL_UPHELD: fromBody,
  RECORD_APPEAL_REVERSED: fromBody,
  RECORD_APPEAL_QUASHED: fromBody,
};

/** The applicant as schemes see it: from the organisation register, not from the form. */
export async function loadSchemeOrganisation(
  tx: EntityManager,
  organisationId: string,
): Promise<SchemeOrganisation> {
  const organisation = await tx.findOneByOrFail(Organisation, { id: organisationId });
  const county = organisation.countyId ? await tx.findOneBy(County, { id: organisation.countyId }) : null;
  return {
    form: organisation.form,
    employeeCount: organisation.employeeCount,
    municipalityNumber: organisation.municipalityNumber,
    countyCode: county?.code ?? null,
  };
}

/**
 * The form validated by the scheme's DTO: while editing (`partial`), a bad field is a 400; on
 * submission, anything missing or wrong is a 422 naming the fields.
 */
export async function validateContent(
  scheme: SchemeDefinition,
  content: unknown,
  partial: boolean,
): Promise<object> {
  const result = await validatePayload(scheme.applicationDto, content, { partial, pathPrefix: 'content' });
  if (result.ok) return result.value;
  if (partial)
    throw new DomainError('bad_request', 'validation_failed', 'The application form is not valid', {
      errors: result.problems,
    });
  throw new DomainError(
    'unprocessable',
    'application_incomplete',
    `The application cannot be submitted until the form is complete: ${result.problems.map((p) => p.field).join(', ')}`,
    { errors: result.problems },
  );
}

function assertCallOpen(call: FundingCall, now: Date): void {
  if (now < call.opensAt) {
    throw new DomainError(
      'unprocessable',
      'call_not_open',
      `The call opens at ${call.opensAt.toISOString()}`,
      {
        opensAt: call.opensAt.toISOString(),
      },
    );
  }
  if (call.closesAt && now > call.closesAt) {
    throw new DomainError(
      'unprocessable',
      'call_closed',
      `The call closed at ${call.closesAt.toISOString()}`,
      {
        closesAt: call.closesAt.toISOString(),
      },
    );
  }
}

async function assertCaseOfficer(tx: EntityManager, userId: string, countyId: string): Promise<void> {
  const [row] = await tx.query<Array<{ ok: boolean }>>(
    `SELECT true AS ok FROM user_account WHERE id = $1 AND county_id = $2 AND active AND 'case_officer' = ANY(roles)`,
    [userId, countyId],
  );
  if (!row)
    throw new DomainError(
      'unprocessable',
      'not_a_case_officer',
      'The assignee is not a case officer of this county',
    );
}
