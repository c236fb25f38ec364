import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { ProblemError } from '../../../api/problem';
import type { AttachmentKind } from '../../../api/types';

/** The signed-in user's applications: an applicant's are those of their organisations. */
export const applicationQueries = {
  all: () => ['applications'] as const,
  list: () =>
    queryOptions({
      queryKey: [...applicationQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/applications', { signal })),
      staleTime: 0,
    }),
  /** One application by its case reference; null when there is none the user may see. */
  byReference: (reference: string) =>
    queryOptions({
      queryKey: [...applicationQueries.all(), 'reference', reference] as const,
      queryFn: async ({ signal }) => {
        const page = await unwrap(
          api.GET('/api/v1/applications', { params: { query: { reference } }, signal }),
        );
        return page.items[0] ?? null;
      },
      staleTime: 0,
    }),
  /** One application as its detail: the case record, allowed actions, payment plan and payments. */
  detail: (id: string) =>
    queryOptions({
      queryKey: [...applicationQueries.all(), id, 'detail'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
  /** The case's decision letters (vedtaksbrev), oldest first. */
  letters: (id: string) =>
    queryOptions({
      queryKey: [...applicationQueries.all(), id, 'letters'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}/letters', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
  /** What happened in the case, oldest first. */
  history: (id: string) =>
    queryOptions({
      queryKey: [...applicationQueries.all(), id, 'history'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}/history', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
};

/** The published calls and the schemes, to name an application's call and scheme in words. */
export const applicationLookups = {
  calls: () =>
    queryOptions({
      queryKey: ['applications', 'calls'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/calls', { signal })),
    }),
  schemes: () =>
    queryOptions({
      queryKey: ['applications', 'schemes'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/schemes', { signal })),
      staleTime: Infinity,
    }),
};

/** Before applying: whether the organisation meets the call's rules, and if not, why. */
export const eligibilityQueries = {
  all: () => ['eligibility'] as const,
  call: (callId: string) =>
    queryOptions({
      queryKey: ['applications', 'calls', callId] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id: callId } }, signal })),
    }),
  check: (callId: string, organisationId: string) =>
    queryOptions({
      queryKey: [...eligibilityQueries.all(), callId, organisationId] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/v1/calls/{id}/eligibility', {
            params: { path: { id: callId }, query: { organisationId } },
            signal,
          }),
        ),
      staleTime: 0,
    }),
};

/** Starts a draft application under a call; the applications list is read again after. */
export function useStartApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { callId: string; organisationId: string }) =>
      unwrap(api.POST('/api/v1/applications', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationQueries.all() }),
  });
}

/**
 * The applicant's commands on a case. Each carries an Idempotency-Key chosen by the caller for one
 * intent (see `useCommandKey`), so a repeated request does nothing twice; the case is read again after.
 */
interface Command<Body> {
  id: string;
  key: string;
  body: Body;
}

function useCaseCommand<Body>(send: (command: Command<Body>) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Also after a refusal: the case may have moved on (a deadline passed, another tab acted). The
    // command settles once the case has been read again, so what the page then says fits what it shows.
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationQueries.all() }),
  });
}

const commandParams = ({ id, key }: { id: string; key: string }) => ({
  path: { id },
  header: { 'Idempotency-Key': key },
});

/** Answers the county's request for more information (ANSWER_INFO). */
export const useAnswerInformation = () =>
  useCaseCommand((c: Command<{ message?: string }>) =>
    unwrap(
      api.POST('/api/v1/applications/{id}/answer-information', { params: commandParams(c), body: c.body }),
    ),
  );

/** Accepts a grant (aksept av tilsagn). */
export const useAcceptGrant = () =>
  useCaseCommand((c: Command<{ comment?: string }>) =>
    unwrap(api.POST('/api/v1/applications/{id}/accept', { params: commandParams(c), body: c.body })),
  );

/** Declines a grant; the money returns to the county. */
export const useDeclineGrant = () =>
  useCaseCommand((c: Command<{ reason?: string }>) =>
    unwrap(api.POST('/api/v1/applications/{id}/decline', { params: commandParams(c), body: c.body })),
  );

/** Asks for a later final report deadline (utsatt frist) or project end, with a reason. */
export const useRequestExtension = () =>
  useCaseCommand((c: Command<{ reason: string; dueAt?: string; projectEndsAt?: string }>) =>
    unwrap(
      api.POST('/api/v1/applications/{id}/request-extension', { params: commandParams(c), body: c.body }),
    ),
  );

/** Klage: the applicant appeals the decision, with grounds. */
export const useLodgeAppeal = () =>
  useCaseCommand((c: Command<{ grounds: string }>) =>
    unwrap(api.POST('/api/v1/applications/{id}/appeal', { params: commandParams(c), body: c.body })),
  );

// ── The scheme forms: saving the draft, submitting it, and the final report ─────────────────────

/** One scheme (its schemas and form layouts), for the forms. */
export const schemeQueries = {
  detail: (schemeId: string) =>
    queryOptions({
      queryKey: ['applications', 'schemes', schemeId] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/schemes/{id}', { params: { path: { id: schemeId } }, signal })),
      staleTime: Infinity,
    }),
};

/** Replaces the draft's form, based on `version`; a stale version is a ProblemError 409 with `currentVersion`. */
export const saveApplication = (id: string, version: number, content: Record<string, unknown>) =>
  unwrap(api.PATCH('/api/v1/applications/{id}', { params: { path: { id } }, body: { version, content } }));

/** Submits the draft; a refusal is a ProblemError 422 listing `errors` (fields) or `reasons` (rules). */
export const submitApplication = (id: string) =>
  unwrap(api.POST('/api/v1/applications/{id}/submit', { params: { path: { id } }, body: {} }));

/** Submits the final report (sluttrapport); refusals as for submitting the application. */
export const submitReport = (id: string, report: Record<string, unknown>) =>
  unwrap(api.POST('/api/v1/applications/{id}/report', { params: { path: { id } }, body: { report } }));

/**
 * What attachments go with: a payout request (its number), an interim report (its key) or a request
 * for information (its number in the case history); none: the application's own and its answers'.
 */
export interface AttachmentOwner {
  readonly payoutRequest?: number;
  readonly interimReport?: string;
  readonly informationRequest?: number;
}

/** Every attachment list of an application, whatever it goes with: read again after a change. */
export const attachmentListsKey = (applicationId: string) =>
  ['applications', applicationId, 'attachments'] as const;

/** An application's attachments (vedlegg), or those of one owner, and the kinds its call allows there. */
export const attachmentQueries = {
  list: (applicationId: string, owner: AttachmentOwner = {}) =>
    queryOptions({
      queryKey: [...attachmentListsKey(applicationId), owner] as const,
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
export const attachmentHref = (applicationId: string, attachmentId: string) =>
  `/api/v1/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** Uploads one file as an attachment of the kind chosen, with its owner; the lists are read again after. */
export function useUploadAttachment(applicationId: string, owner: AttachmentOwner = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: AttachmentKind; file: File }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return unwrap(
        api.POST('/api/v1/applications/{id}/attachments', {
          params: {
            path: { id: applicationId },
            query: { kind, ...owner },
            header: { 'Idempotency-Key': crypto.randomUUID() },
          },
          body: body as never,
          bodySerializer: (form: unknown) => form as FormData,
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: attachmentListsKey(applicationId) }),
  });
}

/** Deletes an attachment not yet sent. */
export function useDeleteAttachment(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (attachmentId: string) => {
      const { error, response } = await api.DELETE('/api/v1/applications/{id}/attachments/{attachmentId}', {
        params: {
          path: { id: applicationId, attachmentId },
          header: { 'Idempotency-Key': crypto.randomUUID() },
        },
      });
      if (error !== undefined || !response.ok) throw new ProblemError(response.status, error ?? {});
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: attachmentListsKey(applicationId) }),
  });
}
