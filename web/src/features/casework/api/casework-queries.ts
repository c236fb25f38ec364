import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { ProblemError } from '../../../api/problem';
import type { Profile } from '../../../api/types';

/** The county's side of one case: the detail, its history, notes and the organisation's other cases. */
export const caseworkQueries = {
  all: () => ['casework'] as const,
  /** Who is reading: the page is for the county's staff, and a few texts depend on the reader. */
  me: () =>
    queryOptions({
      queryKey: [...caseworkQueries.all(), 'me'] as const,
      queryFn: async ({ signal }): Promise<Profile | null> => {
        const { data, error, response } = await api.GET('/api/v1/me', { signal });
        if (data !== undefined) return data;
        if (response.status === 401) return null;
        throw new ProblemError(response.status, error ?? {});
      },
      staleTime: 5 * 60_000,
    }),
  /** The case by its reference: null when there is none the reader may see. */
  byReference: (reference: string) =>
    queryOptions({
      queryKey: [...caseworkQueries.all(), 'case', reference] as const,
      queryFn: async ({ signal }) => {
        const page = await unwrap(
          api.GET('/api/v1/applications', { params: { query: { reference } }, signal }),
        );
        const found = page.items[0];
        if (!found) return null;
        return unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id: found.id } }, signal }));
      },
      staleTime: 0,
    }),
  history: (id: string) =>
    queryOptions({
      queryKey: [...caseworkQueries.all(), 'case-id', id, 'history'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}/history', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
  /** The case's decision letters (vedtaksbrev), oldest first. */
  letters: (id: string) =>
    queryOptions({
      queryKey: [...caseworkQueries.all(), 'case-id', id, 'letters'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}/letters', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
  notes: (id: string) =>
    queryOptions({
      queryKey: [...caseworkQueries.all(), 'case-id', id, 'notes'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}/notes', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
  /** The organisation's cases in the county (the reader's own case among them). */
  organisationCases: (organisationId: string) =>
    queryOptions({
      queryKey: [...caseworkQueries.all(), 'organisation', organisationId] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/v1/applications', {
            params: { query: { organisationId, limit: 100 } },
            signal,
          }),
        ),
      staleTime: 0,
    }),
  /** The final report (sluttrapport) as the applicant submitted it. */
  report: (id: string) =>
    queryOptions({
      queryKey: [...caseworkQueries.all(), 'case-id', id, 'report'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}/report', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
  schemes: () =>
    queryOptions({
      queryKey: [...caseworkQueries.all(), 'schemes'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/schemes', { signal })),
      staleTime: Infinity,
    }),
};

/** One command on a case, by the lifecycle event it sends, with the body that event takes. */
export type CaseCommand =
  | { event: 'ASSIGN' }
  | { event: 'REQUEST_INFO'; body: { message: string; dueAt: string } }
  | { event: 'RECOMMEND_GRANT'; body: { amount: number; notes: string } }
  | { event: 'RECOMMEND_REJECTION'; body: { grounds: string } }
  | {
      event: 'DECIDE_GRANT';
      body: { grounds?: string; conditions?: string[]; committeeCaseRef?: string };
    }
  | { event: 'DECIDE_REJECTION'; body: { grounds: string } }
  | { event: 'RETURN_TO_REVIEW'; body: { message: string } }
  | { event: 'RETURN_REPORT'; body: { message: string; dueAt: string } }
  | { event: 'APPROVE_REPORT'; body: { finalPayableAmount?: number } }
  | { event: 'GRANT_EXTENSION'; body: { dueAt?: string; grounds?: string } }
  | { event: 'REFUSE_EXTENSION'; body: { grounds: string } }
  | { event: 'PROPOSE_CANCELLATION'; body: { grounds: string; repaymentAmount: number } }
  | { event: 'DISMISS_CANCELLATION'; body: { message: string } }
  | { event: 'DECIDE_CANCELLATION' }
  | { event: 'PROPOSE_APPEAL_REVERSAL'; body: { amount: number; grounds: string } }
  | { event: 'PROPOSE_APPEAL_FORWARD'; body: { note: string } }
  | { event: 'DISMISS_APPEAL_PROPOSAL'; body: { message: string } }
  | { event: 'DECIDE_APPEAL_REVERSAL' }
  | { event: 'DECIDE_APPEAL_FORWARD' }
  | { event: 'RECORD_APPEAL_UPHELD'; body: { grounds: string } }
  | { event: 'RECORD_APPEAL_REVERSED'; body: { amount: number; grounds: string } }
  | { event: 'RECORD_APPEAL_QUASHED'; body: { grounds: string } };

function send(id: string, command: CaseCommand, key: string) {
  const params = { path: { id }, header: { 'Idempotency-Key': key } };
  switch (command.event) {
    case 'ASSIGN':
      return unwrap(api.POST('/api/v1/applications/{id}/assign', { params, body: {} }));
    case 'REQUEST_INFO':
      return unwrap(
        api.POST('/api/v1/applications/{id}/request-information', { params, body: command.body }),
      );
    case 'RECOMMEND_GRANT':
      return unwrap(api.POST('/api/v1/applications/{id}/recommend-grant', { params, body: command.body }));
    case 'RECOMMEND_REJECTION':
      return unwrap(
        api.POST('/api/v1/applications/{id}/recommend-rejection', { params, body: command.body }),
      );
    case 'DECIDE_GRANT':
      return unwrap(api.POST('/api/v1/applications/{id}/decide-grant', { params, body: command.body }));
    case 'DECIDE_REJECTION':
      return unwrap(api.POST('/api/v1/applications/{id}/decide-rejection', { params, body: command.body }));
    case 'RETURN_TO_REVIEW':
      return unwrap(api.POST('/api/v1/applications/{id}/return-to-review', { params, body: command.body }));
    case 'RETURN_REPORT':
      return unwrap(api.POST('/api/v1/applications/{id}/return-report', { params, body: command.body }));
    case 'APPROVE_REPORT':
      return unwrap(api.POST('/api/v1/applications/{id}/approve-report', { params, body: command.body }));
    case 'GRANT_EXTENSION':
      return unwrap(api.POST('/api/v1/applications/{id}/grant-extension', { params, body: command.body }));
    case 'REFUSE_EXTENSION':
      return unwrap(api.POST('/api/v1/applications/{id}/refuse-extension', { params, body: command.body }));
    case 'PROPOSE_CANCELLATION':
      return unwrap(
        api.POST('/api/v1/applications/{id}/propose-cancellation', { params, body: command.body }),
      );
    case 'DISMISS_CANCELLATION':
      return unwrap(
        api.POST('/api/v1/applications/{id}/dismiss-cancellation', { params, body: command.body }),
      );
    case 'DECIDE_CANCELLATION':
      return unwrap(api.POST('/api/v1/applications/{id}/decide-cancellation', { params, body: {} }));
    case 'PROPOSE_APPEAL_REVERSAL':
      return unwrap(
        api.POST('/api/v1/applications/{id}/appeal/propose-reversal', { params, body: command.body }),
      );
    case 'PROPOSE_APPEAL_FORWARD':
      return unwrap(
        api.POST('/api/v1/applications/{id}/appeal/propose-forward', { params, body: command.body }),
      );
    case 'DISMISS_APPEAL_PROPOSAL':
      return unwrap(
        api.POST('/api/v1/applications/{id}/appeal/dismiss-proposal', { params, body: command.body }),
      );
    case 'DECIDE_APPEAL_REVERSAL':
      return unwrap(api.POST('/api/v1/applications/{id}/appeal/decide-reversal', { params, body: {} }));
    case 'DECIDE_APPEAL_FORWARD':
      return unwrap(api.POST('/api/v1/applications/{id}/appeal/decide-forward', { params, body: {} }));
    case 'RECORD_APPEAL_UPHELD':
      return unwrap(api.POST('/api/v1/applications/{id}/appeal/upheld', { params, body: command.body }));
    case 'RECORD_APPEAL_REVERSED':
      return unwrap(api.POST('/api/v1/applications/{id}/appeal/reversed', { params, body: command.body }));
    case 'RECORD_APPEAL_QUASHED':
      return unwrap(api.POST('/api/v1/applications/{id}/appeal/quashed', { params, body: command.body }));
  }
}

/**
 * Sends a command once: the key is made per attempt, so a double click or a retried request does
 * it once. Afterwards everything about the case is read again.
 */
export function useCaseCommand(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: CaseCommand) => send(id, command, crypto.randomUUID()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseworkQueries.all() }),
  });
}

/** Adds an internal note; the notes and the history are read again. */
export function useAddNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      unwrap(
        api.POST('/api/v1/applications/{id}/notes', {
          params: { path: { id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { text },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseworkQueries.all() }),
  });
}

/** Declares the reader impartial or partial on the case (habilitet); the case is read again. */
export function useDeclareImpartiality(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      verdict: 'impartial' | 'partial';
      ground?:
        'party' | 'related_to_party' | 'represents_party' | 'party_organisation' | 'special_circumstances';
      explanation?: string;
    }) =>
      unwrap(
        api.POST('/api/v1/applications/{id}/impartiality', {
          params: { path: { id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseworkQueries.all() }),
  });
}

/**
 * What attachments go with, for staff: a payout request (its number) or an interim report (its key);
 * none: the application's own and its answers'.
 */
export interface CaseAttachmentOwner {
  readonly payoutRequest?: number;
  readonly interimReport?: string;
}

/** A case's attachments (vedlegg), or one payout request's or interim report's, for the county's staff to read. */
export const caseAttachmentQueries = {
  list: (applicationId: string, owner: CaseAttachmentOwner = {}) =>
    queryOptions({
      queryKey: ['applications', applicationId, 'attachments', owner] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/v1/applications/{id}/attachments', {
            params: { path: { id: applicationId }, query: { ...owner } },
            signal,
          }),
        ),
      staleTime: 0,
    }),
};

/** Where an attachment is downloaded from (the session cookie carries the sign-in). */
export const caseAttachmentHref = (applicationId: string, attachmentId: string) =>
  `/api/v1/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;
