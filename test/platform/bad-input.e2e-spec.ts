import { newBioCallParameters } from '../../src/schemes/bio/bio-testing';
import { newJobbsjansenApplication } from '../../src/schemes/jobbsjansen/jobbsjansen-testing';
import { DEMO_ORGANISATIONS } from '../../src/seed/demo-data';
import {
  act,
  APPROVER,
  bioContent,
  draft,
  expectOk,
  FINANCE,
  ids,
  KARI,
  newClock,
  OFFICER,
  recommended,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const ADMIN = 'admin@trondelag.example';
const TOVE = DEMO_ORGANISATIONS[2].user.email; // Trondheim kommune, a Jobbsjansen applicant
const PROBLEM = /^application\/problem\+json/;

/** Objects the samples act on, made once before any bad input is sent. */
interface Fixtures {
  callId: string;
  organisationId: string;
  organisationVersion: number;
  draftId: string;
  draftVersion: number;
  appliedId: string;
  grantedId: string;
  acceptedId: string;
  acceptedReference: string;
  frameId: string;
  laterFrameId: string;
  draftCallId: string;
  staffId: string;
  staffVersion: number;
  /** An accepted Jobbsjansen grant, which owes a yearly report. */
  jobbsjansenAcceptedId: string;
}

/**
 * A valid request for one operation: who may send it, and the path, body and query it is sent with.
 * Every bad input below is a small change of this, so a refusal can only be for what was changed.
 */
interface Sample {
  /** Users allowed to call it (null: no token). Every class is sent with each of them. */
  as: Array<string | null>;
  /** A user who is not allowed to: the same bad inputs must still be a clean 4xx. */
  other?: string;
  path?: Record<string, string>;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
}

const report = {
  summary: 'Done as planned',
  participantsCompleted: 4,
  actualCosts: [
    { category: 'participant_wages', amountOre: 25_000_000 },
    { category: 'provider_fees', amountOre: 15_000_000 },
  ],
};

/** A payout request the accepted grant could take: every bad input is a change of it. */
const payoutRequest = {
  kind: 'part',
  amount: 100_000,
  accountNumber: '8601 11 17947',
  statusReport: 'Two of six modules held',
  costs: [{ line: '0', accumulatedOre: 5_000_000 }],
  managerName: 'Kari Nordmann',
  accountant: { name: 'Siv Revisor', role: 'auditor' },
};

/**
 * One sample per operation that takes a body or a query, keyed as OpenAPI names it. A new endpoint
 * with a body or query makes this suite fail until it has a row here.
 */
const SAMPLES: Record<string, (f: Fixtures) => Sample> = {
  'POST /api/v1/auth/login': () => ({
    as: [null],
    other: KARI,
    body: { email: KARI, password: 'not-the-password' },
  }),
  'POST /api/v1/auth/session': () => ({
    as: [null],
    other: KARI,
    body: { email: KARI, password: 'not-the-password' },
  }),
  'GET /api/v1/applications': (f) => ({
    as: [KARI, OFFICER, APPROVER, FINANCE, ADMIN],
    query: {
      limit: '5',
      status: 'assessment.recommended',
      schemeId: 'bio',
      callId: f.callId,
      reference: 'BIO-2026-000001',
      referencePrefix: 'BIO-2026-0000',
      caseNumber: '2026/BIO/0001',
      assigned: 'me',
      awaitingMyDecision: 'true',
      sort: 'amount_desc',
      organisationId: f.organisationId,
    },
  }),
  'POST /api/v1/applications/{id}/notes': (f) => ({
    as: [OFFICER, APPROVER],
    other: KARI,
    path: { id: f.appliedId },
    body: { text: 'Called the general manager' },
  }),
  'POST /api/v1/applications/{id}/impartiality': (f) => ({
    as: [OFFICER, APPROVER],
    other: KARI,
    path: { id: f.appliedId },
    body: { verdict: 'partial', ground: 'special_circumstances', explanation: 'Former employer' },
  }),
  // Multipart: only the media-type probes apply to its body (see below); the query names the kind.
  'POST /api/v1/applications/{id}/attachments': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.draftId },
    query: { kind: 'training_plan' },
  }),
  // The query names what the attachments go with: at most one owner, by number or key.
  'GET /api/v1/applications/{id}/attachments': (f) => ({
    as: [KARI],
    other: TOVE,
    path: { id: f.draftId },
    query: { interimReport: 'yearly' },
  }),
  'POST /api/v1/applications': (f) => ({
    as: [KARI],
    other: OFFICER,
    body: { callId: f.callId, organisationId: f.organisationId, content: bioContent() },
  }),
  'PATCH /api/v1/applications/{id}': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.draftId },
    body: { version: f.draftVersion, content: bioContent() },
  }),
  'POST /api/v1/applications/{id}/submit': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.draftId },
    body: { comment: 'Signed by the general manager' },
  }),
  'POST /api/v1/applications/{id}/withdraw': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.draftId },
    body: { reason: 'Postponed' },
  }),
  'POST /api/v1/applications/{id}/answer-information': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.appliedId },
    body: { message: 'Attached' },
  }),
  'POST /api/v1/applications/{id}/accept': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.grantedId },
    body: { comment: 'Accepted' },
  }),
  'POST /api/v1/applications/{id}/decline': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.grantedId },
    body: { reason: 'No longer needed' },
  }),
  'POST /api/v1/applications/{id}/report': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.acceptedId },
    body: { report },
  }),
  'POST /api/v1/applications/{id}/assign': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.appliedId },
    body: {},
  }),
  'POST /api/v1/applications/{id}/request-information': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.appliedId },
    body: { message: 'Please attach the training plan', dueAt: '2026-03-18T12:00:00+01:00' },
  }),
  'POST /api/v1/applications/{id}/recommend-grant': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.appliedId },
    body: { amount: 10_000_000, notes: 'Solid plan' },
  }),
  'POST /api/v1/applications/{id}/recommend-rejection': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.appliedId },
    body: { grounds: 'Not eligible' },
  }),
  'POST /api/v1/applications/{id}/return-report': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { message: 'Add the attendance list', dueAt: '2027-04-01T12:00:00+02:00' },
  }),
  'POST /api/v1/applications/{id}/approve-report': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { finalPayableAmount: 1_000_000 },
  }),
  'POST /api/v1/applications/{id}/decide-grant': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.appliedId },
    body: { committeeCaseRef: 'FU 161/20', grounds: 'A solid plan', conditions: ['Report on time'] },
  }),
  'POST /api/v1/applications/{id}/decide-rejection': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.appliedId },
    body: { grounds: 'Not eligible' },
  }),
  'POST /api/v1/applications/{id}/request-extension': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.acceptedId },
    body: { reason: 'The provider moved the last week', dueAt: '2027-06-30T23:59:00+02:00' },
  }),
  'POST /api/v1/applications/{id}/grant-extension': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { dueAt: '2027-06-15T23:59:00+02:00', grounds: 'A good reason' },
  }),
  'POST /api/v1/applications/{id}/refuse-extension': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { grounds: 'No reason outside the company' },
  }),
  'POST /api/v1/applications/{id}/propose-cancellation': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { grounds: 'The project did not start', repaymentAmount: 1_000_000 },
  }),
  'POST /api/v1/applications/{id}/decide-cancellation': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { comment: 'Decided in the meeting' },
  }),
  'POST /api/v1/applications/{id}/dismiss-cancellation': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { message: 'The project started after all' },
  }),
  'POST /api/v1/applications/{id}/appeal': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.acceptedId },
    body: { grounds: 'The amount leaves out the certification course' },
  }),
  'POST /api/v1/applications/{id}/appeal/propose-reversal': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { amount: 30_000_000, grounds: 'The course is part of the plan' },
  }),
  'POST /api/v1/applications/{id}/appeal/propose-forward': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { note: 'Nothing new in the appeal' },
  }),
  'POST /api/v1/applications/{id}/appeal/dismiss-proposal': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { message: 'Look at the costs again' },
  }),
  'POST /api/v1/applications/{id}/appeal/decide-reversal': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { comment: 'Agreed' },
  }),
  'POST /api/v1/applications/{id}/appeal/decide-forward': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { comment: 'Agreed' },
  }),
  'POST /api/v1/applications/{id}/appeal/upheld': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { grounds: 'The grant follows the rates' },
  }),
  'POST /api/v1/applications/{id}/appeal/reversed': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { amount: 30_000_000, grounds: 'The course is part of the plan' },
  }),
  'POST /api/v1/applications/{id}/appeal/quashed': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.acceptedId },
    body: { grounds: 'The case was not well enough lit' },
  }),
  'POST /api/v1/applications/{id}/return-to-review': (f) => ({
    as: [APPROVER],
    other: KARI,
    path: { id: f.appliedId },
    body: { message: 'Check the costs again' },
  }),
  'GET /api/v1/organisations': () => ({ as: [KARI, OFFICER, ADMIN], query: { limit: '5' } }),
  'GET /api/v1/calls/{id}/eligibility': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.callId },
    query: { organisationId: f.organisationId },
  }),
  'POST /api/v1/organisations': () => ({
    as: [KARI],
    other: OFFICER,
    body: {
      organisationNumber: '921456786',
      name: 'Fjordverk Mekaniske AS',
      form: 'AS',
      municipalityNumber: '5001',
      industryCode: '25.110',
      employeeCount: 42,
    },
  }),
  'PUT /api/v1/organisations/{id}/payout-account': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.organisationId },
    body: { accountNumber: '8601 11 17947' },
  }),
  'PATCH /api/v1/organisations/{id}': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.organisationId },
    body: { version: f.organisationVersion, name: 'Fjordverk AS', employeeCount: 43 },
  }),
  'POST /api/v1/staff': () => ({
    as: [ADMIN],
    other: FINANCE,
    body: {
      email: 'ny.saksbehandler@trondelag.example',
      fullName: 'Nina Ny',
      roles: ['case_officer'],
      password: 'a-long-enough-password',
    },
  }),
  'POST /api/v1/staff/invitations': () => ({
    as: [ADMIN],
    other: FINANCE,
    body: { email: 'ny.saksbehandler@trondelag.example', fullName: 'Nina Ny', roles: ['case_officer'] },
  }),
  'POST /api/v1/staff/{id}/invitations': (f) => ({
    as: [ADMIN],
    other: FINANCE,
    path: { id: f.staffId },
    body: { version: f.staffVersion },
  }),
  'PATCH /api/v1/staff/{id}': (f) => ({
    as: [ADMIN],
    other: FINANCE,
    path: { id: f.staffId },
    body: { version: f.staffVersion, roles: ['case_officer', 'approver'] },
  }),
  'POST /api/v1/staff/{id}/deactivate': (f) => ({
    as: [ADMIN],
    other: FINANCE,
    path: { id: f.staffId },
    body: { version: f.staffVersion },
  }),
  'POST /api/v1/staff/{id}/reactivate': (f) => ({
    as: [ADMIN],
    other: FINANCE,
    path: { id: f.staffId },
    body: { version: f.staffVersion },
  }),
  'POST /api/v1/invitations/accept': () => ({
    as: [null],
    other: KARI,
    body: { token: 'an-invitation-token-that-is-not-real-0123456', password: 'a-long-enough-password' },
  }),
  'POST /api/v1/admin/calls': (f) => ({
    as: [ADMIN],
    other: FINANCE,
    body: {
      schemeId: 'bio',
      year: 2027,
      title: 'BIO 2027 – Trøndelag',
      frameId: f.frameId,
      parameters: newBioCallParameters({
        window: { kind: 'rolling', opensAt: '2026-12-01T08:00:00+01:00' },
        reminderDays: [60, 14],
        overdueEscalationDays: 14,
      }),
    },
  }),
  'PATCH /api/v1/admin/calls/{id}': (f) => ({
    as: [ADMIN],
    other: FINANCE,
    path: { id: f.draftCallId },
    body: {
      version: 1,
      title: 'BIO 2027 – Trøndelag (revised)',
      year: 2027,
      parameters: newBioCallParameters({ window: { kind: 'rolling', opensAt: '2026-12-01T08:00:00+01:00' } }),
    },
  }),
  'POST /api/v1/frames': () => ({
    as: [FINANCE],
    other: APPROVER,
    body: { schemeId: 'bio', year: 2031, name: 'BIO 2031', currency: 'NOK' },
  }),
  'PATCH /api/v1/frames/{id}': (f) => ({
    as: [FINANCE],
    other: APPROVER,
    path: { id: f.laterFrameId },
    body: { status: 'closed', version: 1 },
  }),
  'GET /api/v1/frames/{id}/entries': (f) => ({
    as: [FINANCE, APPROVER],
    other: KARI,
    path: { id: f.frameId },
    query: { limit: '5', kind: 'allocation', from: '2026-01-01', to: '2026-12-31', search: 'FT-sak 45/26' },
  }),
  'GET /api/v1/frames/{id}/entries.csv': (f) => ({
    as: [FINANCE, APPROVER],
    other: KARI,
    path: { id: f.frameId },
    query: { kind: 'top_up', from: '2026-01-01', to: '2026-12-31', search: '921 456 786' },
  }),
  'POST /api/v1/frames/{id}/allocations': (f) => ({
    as: [FINANCE],
    other: APPROVER,
    path: { id: f.frameId },
    body: { kind: 'top_up', amount: 1_000_000, reason: 'Extra funds', caseReference: 'FU 1/26' },
  }),
  'POST /api/v1/frames/{id}/reallocations': (f) => ({
    as: [FINANCE],
    other: APPROVER,
    path: { id: f.frameId },
    body: { toFrameId: f.laterFrameId, amount: 1_000_000, reason: 'Move', caseReference: 'FU 12/21' },
  }),
  'POST /api/v1/frames/{id}/direct-allocations': (f) => ({
    as: [FINANCE],
    other: APPROVER,
    path: { id: f.frameId },
    body: {
      recipient: 'Karrieresenteret i Trøndelag',
      organisationNumber: '987654325',
      amount: 1_000_000,
      decisionReference: 'FU 161/20',
      reason: 'Career guidance',
    },
  }),
  'POST /api/v1/frames/{id}/disbursements': (f) => ({
    as: [FINANCE],
    other: APPROVER,
    path: { id: f.frameId },
    body: { grantKey: f.acceptedId, amount: 1_000, reason: 'Advance' },
  }),
  'GET /api/v1/payments/due': () => ({
    as: [FINANCE],
    other: APPROVER,
    query: { limit: '5', after: 'BIO-2026-000001' },
  }),
  'POST /api/v1/payments/due/{reference}/book': (f) => ({
    as: [FINANCE],
    other: APPROVER,
    path: { reference: f.acceptedReference },
    body: { instalment: 1, amount: 1_000 },
  }),
  'GET /api/v1/payments/runs': () => ({
    as: [FINANCE],
    other: APPROVER,
    query: { before: '5' },
  }),
  'POST /api/v1/payments/runs': (f) => ({
    as: [FINANCE],
    other: APPROVER,
    body: {
      requestedExecutionDate: '2026-02-04',
      items: [{ caseReference: f.acceptedReference, instalment: 1, amount: 1_000 }],
    },
  }),
  'PUT /api/v1/counties/current/payment-details': () => ({
    as: [ADMIN],
    other: OFFICER,
    // The seeded details again: every bad input is a change of them, and a good one changes nothing.
    body: { paymentAccount: '8601 11 17947', organisationNumber: '817 920 632' },
  }),
  'GET /api/v1/journal': (f) => ({
    as: [OFFICER],
    other: KARI,
    query: { from: '2026-01-01', to: '2026-12-31', case: f.acceptedReference, limit: '5' },
  }),
  'GET /api/v1/public/journal': () => ({
    as: [null],
    query: { county: '50', from: '2026-01-01', to: '2026-12-31', limit: '5' },
  }),
  'GET /api/v1/repayment-claims': () => ({
    as: [FINANCE],
    other: APPROVER,
    query: { status: 'open', limit: '5' },
  }),
  'POST /api/v1/repayment-claims/{id}/settle': () => ({
    as: [FINANCE],
    other: APPROVER,
    path: { id: '00000000-0000-4000-8000-000000000001' },
    body: { amount: 1_000 },
  }),
  'POST /api/v1/applications/{id}/payout-requests': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.acceptedId },
    body: payoutRequest,
  }),
  'PUT /api/v1/applications/{id}/payout-requests/{number}': (f) => ({
    as: [KARI],
    other: OFFICER,
    path: { id: f.acceptedId, number: '1' },
    body: payoutRequest,
  }),
  'POST /api/v1/applications/{id}/payout-requests/{number}/approve': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.acceptedId, number: '1' },
    body: { amount: 1_000 },
  }),
  'POST /api/v1/applications/{id}/payout-requests/{number}/return': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.acceptedId, number: '1' },
    body: { reason: 'Bilag mangler', dueAt: '2026-06-01T12:00:00+02:00' },
  }),
  'POST /api/v1/applications/{id}/payout-requests/{number}/reject': (f) => ({
    as: [OFFICER],
    other: KARI,
    path: { id: f.acceptedId, number: '1' },
    body: { reason: 'Prosjektet er ikke startet' },
  }),
  'POST /api/v1/payments/due/{reference}/payout-requests/{number}/book': (f) => ({
    as: [FINANCE],
    other: APPROVER,
    path: { reference: f.acceptedReference, number: '1' },
    body: { amount: 1_000 },
  }),
  'PUT /api/v1/applications/{id}/interim-reports/{key}': (f) => ({
    as: [TOVE],
    other: OFFICER,
    path: { id: f.jobbsjansenAcceptedId, key: 'yearly' },
    body: {
      content: {
        activities: 'To klasser',
        teachingHours: 100,
        progress: 'Etter planen',
        participants: 3,
        completed: 1,
        droppedOut: 0,
      },
    },
  }),
  'POST /api/v1/applications/{id}/interim-reports/{key}/return': (f) => ({
    as: [OFFICER],
    other: TOVE,
    path: { id: f.jobbsjansenAcceptedId, key: 'yearly' },
    body: { reason: 'Tallene stemmer ikke' },
  }),
  'POST /api/v1/frames/{id}/repayments': (f) => ({
    as: [FINANCE],
    other: APPROVER,
    path: { id: f.frameId },
    body: { grantKey: f.acceptedId, amount: 1_000, reason: 'Paid back' },
  }),
  'POST /api/v1/frames/{id}/carry-overs': (f) => ({
    as: [FINANCE],
    other: APPROVER,
    path: { id: f.frameId },
    body: {
      toFrameId: f.laterFrameId,
      grantKey: f.acceptedId,
      amount: 1_000,
      caseReference: 'FU 9/27',
      reason: 'Carried over',
    },
  }),
};

// ── OpenAPI ───────────────────────────────────────────────────────────────────────────────────

interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { type?: string; enum?: unknown[] };
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, { properties?: Record<string, { nullable?: boolean }> }> };
}

// ── Bad inputs ────────────────────────────────────────────────────────────────────────────────

/** One request that must be refused. */
interface Probe {
  label: string;
  query?: string;
  /** The raw body, and its Content-Type (null: none). */
  body?: { text: string | Buffer; type: string | null };
  /** 415, or 400 naming `pointer` when there is a field to name. */
  status: 400 | 415;
  pointer?: string;
}

type Path = Array<string | number>;
const pointerOf = (path: Path) =>
  path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

function leaves(value: unknown, path: Path = []): Array<{ path: Path; value: unknown }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [{ path, value }];
}

function setAt(body: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** JSON text of `body` with the value at `path` replaced by raw JSON text (which JSON.stringify cannot make). */
function withRaw(body: Record<string, unknown>, path: Path, raw: string): string {
  return JSON.stringify(setAt(body, path, '@@RAW@@')).replace('"@@RAW@@"', raw);
}

/** JSON text of `obj` with `key` added first, as raw JSON (a literal `__proto__` key, for one). */
function withKey(obj: Record<string, unknown>, key: string, raw: string): string {
  const text = JSON.stringify(obj);
  return text === '{}' ? `{"${key}":${raw}}` : `{"${key}":${raw},${text.slice(1)}`;
}

const json = (text: string) => ({ text, type: 'application/json' });
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(T|$)/;
const DEEP = '['.repeat(10_000) + ']'.repeat(10_000);
const UNSAFE_NUMBERS = ['9007199254740993', '1e300', '-1e300', '1e400'];

function bodyProbes(body: Record<string, unknown>, nullable: Set<string>): Probe[] {
  const probes: Probe[] = [];
  const text = JSON.stringify(body);

  // Wrong content types: the body must not be read as empty and the command run.
  probes.push(
    { label: 'text/plain', body: { text, type: 'text/plain' }, status: 415 },
    {
      label: 'form-encoded',
      body: {
        text: new URLSearchParams(
          Object.entries(body).map(([k, v]): [string, string] => [
            k,
            typeof v === 'string' ? v : JSON.stringify(v),
          ]),
        ).toString(),
        type: 'application/x-www-form-urlencoded',
      },
      status: 415,
    },
    {
      label: 'XML',
      body: { text: '<request><comment>x</comment></request>', type: 'application/xml' },
      status: 415,
    },
    { label: 'no Content-Type', body: { text: Buffer.from(text), type: null }, status: 415 },
  );

  // Not an object at all.
  probes.push(
    { label: 'an array body', body: json('[]'), status: 400 },
    { label: 'a string body', body: json('"x"'), status: 400 },
  );

  for (const { path, value } of leaves(body)) {
    const pointer = pointerOf(path);
    if (typeof value === 'string') {
      probes.push(
        {
          label: `NUL in ${pointer}`,
          body: json(JSON.stringify(setAt(body, path, `${value}\u0000`))),
          status: 400,
          pointer,
        },
        {
          label: `lone surrogate in ${pointer}`,
          body: json(JSON.stringify(setAt(body, path, `${value}\uD800`))),
          status: 400,
          pointer,
        },
      );
      if (DATE_LIKE.test(value)) {
        const impossible = value.includes('T') ? '2027-02-30T12:00:00+01:00' : '2027-02-30';
        probes.push({
          label: `impossible date in ${pointer}`,
          body: json(JSON.stringify(setAt(body, path, impossible))),
          status: 400,
          pointer,
        });
      }
    }
    if (typeof value === 'number') {
      for (const raw of UNSAFE_NUMBERS) {
        probes.push({
          label: `${raw} in ${pointer}`,
          body: json(withRaw(body, path, raw)),
          status: 400,
          pointer,
        });
      }
    }
  }

  const keys = Object.keys(body);
  for (const key of keys) {
    const pointer = `/${key}`;
    const value = body[key];
    if (!nullable.has(key)) {
      probes.push({
        label: `null ${key}`,
        body: json(JSON.stringify({ ...body, [key]: null })),
        status: 400,
        pointer,
      });
    }
    const wrong =
      typeof value === 'string'
        ? 12345
        : typeof value === 'number'
          ? String(value)
          : Array.isArray(value)
            ? 'x'
            : typeof value === 'object'
              ? 'x'
              : 'yes';
    probes.push({
      label: `wrong type for ${key}`,
      body: json(JSON.stringify({ ...body, [key]: wrong })),
      status: 400,
      pointer,
    });
  }
  // Numbers too big, even where the body has no number, and nesting too deep.
  const first = keys.find((k) => typeof body[k] === 'object') ?? keys[0] ?? 'anything';
  probes.push(
    {
      label: `1e400 for ${first}`,
      body: json(withRaw(body, [first], '1e400')),
      status: 400,
      pointer: `/${first}`,
    },
    { label: `10 000 nested arrays in ${first}`, body: json(withRaw(body, [first], DEEP)), status: 400 },
  );

  // Unknown and prototype keys, at the top and inside nested objects.
  const objects: Path[] = [
    [],
    ...keys
      .filter((k) => typeof body[k] === 'object' && body[k] !== null && !Array.isArray(body[k]))
      .map((k) => [k]),
  ];
  for (const at of objects) {
    const target = (at.length ? body[at[0]] : body) as Record<string, unknown>;
    const place = (raw: string) => (at.length ? withRaw(body, at, raw) : raw);
    probes.push({
      label: `unknown key in ${pointerOf(at) || 'the body'}`,
      body: json(place(JSON.stringify({ ...target, unexpectedField: 'x' }))),
      status: 400,
      pointer: pointerOf([...at, 'unexpectedField']),
    });
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      probes.push({
        label: `${key} in ${pointerOf(at) || 'the body'}`,
        body: json(place(withKey(target, key, '{"isAdmin":true}'))),
        status: 400,
        pointer: pointerOf([...at, key]),
      });
    }
  }
  return probes;
}

const cursor = (json: string) => Buffer.from(json).toString('base64url');
const FORGED_CURSORS = [
  cursor('[1]'),
  cursor('["x","y"]'),
  cursor('[null,null]'),
  cursor('{"a":1}'),
  cursor('["a\\u0000","00000000-0000-4000-8000-000000000000"]'),
  cursor('["2027-02-30T12:00:00Z"]'),
  'not a cursor',
];

function queryProbes(sample: Record<string, string>, parameters: OpenApiParameter[]): Probe[] {
  const q = (extra: Record<string, string>, raw = '') =>
    [new URLSearchParams({ ...sample, ...extra }).toString(), raw].filter(Boolean).join('&');
  const probes: Probe[] = [];
  for (const p of parameters) {
    const pointer = `/${p.name}`;
    const without = Object.fromEntries(Object.entries(sample).filter(([k]) => k !== p.name));
    const rest = new URLSearchParams(without).toString();
    const raw = (value: string) => [rest, `${p.name}=${value}`].filter(Boolean).join('&');
    probes.push(
      { label: `NUL in ${p.name}`, query: raw('x%00'), status: 400, pointer },
      { label: `half a surrogate in ${p.name}`, query: raw('%ED%A0%80'), status: 400, pointer },
      {
        label: `${p.name} twice`,
        query: raw(`${sample[p.name] ?? 'x'}&${p.name}=${sample[p.name] ?? 'x'}`),
        status: 400,
        pointer,
      },
    );
    if (p.schema?.type === 'number' || p.schema?.type === 'integer') {
      for (const value of ['abc', '1.5', '-1', '1e400', '99999999999999999999', '']) {
        probes.push({ label: `${p.name}=${value}`, query: raw(value), status: 400, pointer });
      }
    }
    if (p.schema?.enum)
      probes.push({ label: `${p.name} not in its enum`, query: raw('no_such_value'), status: 400, pointer });
    if (p.name === 'after') {
      for (const forged of FORGED_CURSORS) {
        probes.push({
          label: `forged cursor ${forged}`,
          query: raw(encodeURIComponent(forged)),
          status: 400,
          pointer,
        });
      }
    }
  }
  for (const key of ['unexpectedParam', '__proto__', 'constructor', 'prototype']) {
    probes.push({ label: `query key ${key}`, query: q({}, `${key}=x`), status: 400, pointer: `/${key}` });
  }
  return probes;
}

/**
 * Every operation that takes a body or a query, read from the OpenAPI document, is sent every class of
 * bad input (issue 11) by each role allowed to call it and by one that is not: each answer is a 4xx
 * problem+json naming the field where there is one, never a 5xx, and no row of any table changes.
 */
/**
 * An accepted Jobbsjansen grant under the seeded Trøndelag call, which opens in June 2026: the clock
 * is moved there for the case and back.
 */
async function jobbsjansenGrant(t: TestApp, clock: ReturnType<typeof newClock>): Promise<string> {
  const was = clock.now();
  clock.set('2026-08-03T09:00:00+02:00');
  try {
    const [row] = await t.dataSource.query<Array<{ call_id: string; organisation_id: string }>>(
      `SELECT c.id AS call_id, o.id AS organisation_id FROM funding_call c, organisation o
        WHERE c.scheme_id = 'jobbsjansen' AND o.organisation_number = $1
          AND c.county_id = (SELECT id FROM county WHERE code = '50')`,
      [DEMO_ORGANISATIONS[2].organisationNumber],
    );
    const created = await t
      .http()
      .post('/api/v1/applications')
      .set('authorization', await t.bearer(TOVE))
      .send({
        callId: row.call_id,
        organisationId: row.organisation_id,
        content: JSON.parse(JSON.stringify(newJobbsjansenApplication())) as object,
      });
    if (created.status !== 201) throw new Error(`jobbsjansen draft: ${created.text}`);
    const id = (created.body as { id: string }).id;
    for (const [as, step, body] of [
      [TOVE, 'submit', {}],
      [OFFICER, 'assign', {}],
      [OFFICER, 'recommend-grant', { amount: 30_000_000, notes: 'God plan' }],
      [APPROVER, 'decide-grant', {}],
      [TOVE, 'accept', {}],
    ] as const) {
      await expectOk(act(t, as, id, step, body));
    }
    return id;
  } finally {
    clock.set(was);
  }
}

describe('bad input: every operation, every class, a clean 4xx and nothing changed', () => {
  let t: TestApp;
  let openApi: OpenApiDocument;
  let f: Fixtures;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    // No worker: nothing but these requests may change the database while they run.
    const clock = newClock();
    t = await startTestApp({ clock, env: { APP_ROLE: 'api', DATABASE_POOL_SIZE: '10' } });
    openApi = (await t.http().get('/api/docs-json')).body as OpenApiDocument;
    for (const email of [KARI, OFFICER, APPROVER, FINANCE, ADMIN, TOVE])
      tokens.set(email, await t.bearer(email));
    const jobbsjansenAcceptedId = await jobbsjansenGrant(t, clock);

    const { callId, fjordverk } = await ids(t);
    const organisation = (
      await t.http().get(`/api/v1/organisations/${fjordverk}`).set('authorization', tokens.get(KARI)!)
    ).body as { version: number };
    const created = await draft(t);
    const applied = await draft(t);
    await expectOk(act(t, KARI, applied.id, 'submit'));
    const grantedId = await recommended(t, 10_000_000);
    await expectOk(act(t, APPROVER, grantedId, 'decide-grant'));
    const acceptedId = await recommended(t, 10_000_000);
    await expectOk(act(t, APPROVER, acceptedId, 'decide-grant'));
    await expectOk(act(t, KARI, acceptedId, 'accept'));
    const [{ frame_id: frameId }] = await t.dataSource.query(
      `SELECT frame_id FROM funding_call WHERE id = $1`,
      [callId],
    );
    const later = await t
      .http()
      .post('/api/v1/frames')
      .set('authorization', tokens.get(FINANCE)!)
      .send({ schemeId: 'bio', year: 2027, name: 'BIO 2027' });
    const call = await t
      .http()
      .post('/api/v1/admin/calls')
      .set('authorization', tokens.get(ADMIN)!)
      .send({ schemeId: 'bio', year: 2027, title: 'BIO 2027 draft', parameters: newBioCallParameters() });
    if (later.status !== 201 || call.status !== 201) throw new Error(`fixtures: ${later.text} ${call.text}`);
    const [officer]: Array<{ id: string; version: number }> = await t.dataSource.query(
      `SELECT id, version FROM user_account WHERE email = $1`,
      [OFFICER],
    );
    f = {
      callId,
      organisationId: fjordverk,
      organisationVersion: organisation.version,
      draftId: created.id,
      draftVersion: created.contentVersion,
      appliedId: applied.id,
      grantedId,
      acceptedId,
      acceptedReference: (
        (await t.http().get(`/api/v1/applications/${acceptedId}`).set('authorization', tokens.get(OFFICER)!))
          .body as { reference: string }
      ).reference,
      frameId,
      laterFrameId: (later.body as { id: string }).id,
      draftCallId: (call.body as { id: string }).id,
      staffId: officer.id,
      jobbsjansenAcceptedId,
      staffVersion: officer.version,
    };
  });
  afterAll(() => t.close());

  /** Row count and checksum of every table. */
  async function tables(): Promise<Record<string, string>> {
    const names: Array<{ tablename: string }> = await t.dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const rows: Array<{ name: string; state: string }> = await t.dataSource.query(
      names
        .map(
          ({ tablename }) =>
            `SELECT '${tablename}' AS name, count(*) || ':' || md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS state FROM "${tablename}" r`,
        )
        .join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.state]));
  }
  const changed = (before: Record<string, string>, after: Record<string, string>) =>
    Object.keys(after).filter((k) => before[k] !== after[k]);

  const operations = () =>
    Object.entries(openApi.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        method,
        path,
        operation,
      })),
    );

  it('has a sample for every operation with a body or a query, and none for operations that do not exist', () => {
    const needed = operations()
      .filter(
        ({ operation }) =>
          operation.requestBody || (operation.parameters ?? []).some((p) => p.in === 'query'),
      )
      .map(({ route }) => route)
      .sort();
    expect(needed).toEqual(Object.keys(SAMPLES).sort());
  });

  /** Sends probes a few at a time; returns what was wrong with each answer. */
  async function run(
    method: string,
    url: string,
    probes: Probe[],
    as: string | null,
    allowed: boolean,
  ): Promise<string[]> {
    const faults: string[] = [];
    const queue = [...probes];
    const worker = async () => {
      for (let probe = queue.shift(); probe; probe = queue.shift()) {
        const target = probe.query ? `${url}?${probe.query}` : url;
        const req = t.http()[method as 'get' | 'post' | 'patch'](target);
        if (as) req.set('authorization', tokens.get(as)!);
        if (probe.body) {
          if (probe.body.type) req.set('content-type', probe.body.type);
          else req.unset('content-type');
        }
        const res = probe.body ? await req.send(probe.body.text) : await req;
        const who = as ?? 'anonymous';
        const what = `${probe.label} as ${who}: ${res.status} ${res.text.slice(0, 300)}`;
        if (res.status < 400 || res.status >= 500) faults.push(what);
        else if (!PROBLEM.test(res.headers['content-type'] ?? '')) faults.push(`not problem+json: ${what}`);
        else if (allowed) {
          const body = res.body as { errors?: Array<{ pointer: string }> };
          if (res.status !== probe.status) faults.push(`expected ${probe.status}: ${what}`);
          else if (probe.pointer && !(body.errors ?? []).some((e) => e.pointer === probe.pointer)) {
            faults.push(`does not name ${probe.pointer}: ${what}`);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return faults;
  }

  it.each(Object.keys(SAMPLES))('%s', async (route) => {
    const [method, path] = route.split(' ');
    const operation = openApi.paths[path]?.[method.toLowerCase()];
    expect(operation).toBeDefined();
    const sample = SAMPLES[route](f);
    const url = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      encodeURIComponent(sample.path?.[name] ?? ''),
    );

    const ref = operation.requestBody?.content['application/json']?.schema?.$ref;
    const properties = ref ? (openApi.components.schemas[ref.split('/').pop()!].properties ?? {}) : {};
    const nullable = new Set(Object.keys(properties).filter((k) => properties[k].nullable));
    const queryParameters = (operation.parameters ?? []).filter((p) => p.in === 'query');
    // A multipart body (an upload) is streamed by its handler, not parsed as JSON: it is probed only
    // with other media types, which must be refused before anything is read.
    const multipart = operation.requestBody?.content['multipart/form-data'] !== undefined;
    const probes = [
      ...(operation.requestBody
        ? bodyProbes(sample.body ?? {}, nullable).filter((p) => !multipart || p.status === 415)
        : []),
      ...(queryParameters.length ? queryProbes(sample.query ?? {}, queryParameters) : []),
    ];
    expect(probes.length).toBeGreaterThan(0);

    const before = await tables();
    const faults: string[] = [];
    for (const as of sample.as) faults.push(...(await run(method.toLowerCase(), url, probes, as, true)));
    if (sample.other) faults.push(...(await run(method.toLowerCase(), url, probes, sample.other, false)));
    const after = await tables();

    expect(faults).toEqual([]);
    expect(changed(before, after)).toEqual([]);
  });

  it('answers a malformed path id on every operation with a 4xx problem, never a 5xx', async () => {
    const before = await tables();
    const requests = operations()
      .filter(({ path }) => path.includes('{'))
      .flatMap(({ method, path }) =>
        ['x%00', '%ED%A0%80', '..%2F..', '00000000-0000-4000-8000-00000000000%00'].flatMap((id) =>
          [FINANCE, KARI].map((as) => ({ method, url: path.replace(/\{\w+\}/g, id), as })),
        ),
      );
    const faults: string[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let r = requests.shift(); r; r = requests.shift()) {
          const agent = t.http();
          const req = agent[r.method as 'get' | 'post' | 'patch'](r.url).set(
            'authorization',
            tokens.get(r.as)!,
          );
          const res = r.method === 'get' ? await req : await req.send({});
          if (res.status < 400 || res.status >= 500 || !PROBLEM.test(res.headers['content-type'] ?? '')) {
            faults.push(
              `${r.method.toUpperCase()} ${r.url} as ${r.as}: ${res.status} ${res.text.slice(0, 200)}`,
            );
          }
        }
      }),
    );
    expect(faults).toEqual([]);
    expect(changed(before, await tables())).toEqual([]);
    // Some 400 requests, 16 at a time, on two shared cores: longer than the default 30 s allows.
  }, 120_000);
});
