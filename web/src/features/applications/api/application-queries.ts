import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

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
