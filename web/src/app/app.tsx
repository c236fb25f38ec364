import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { whenUnauthenticated } from '../api/client';
import { OpenCallsPage } from '../features/calls/components/open-calls-page';
import { sessionQueries } from '../features/session/api/session-queries';
import { RequireSignIn } from '../features/session/components/require-sign-in';
import { I18nProvider } from '../i18n/i18n';
import {
  ADMIN_CALL_ROUTE,
  ADMIN_CALLS_ROUTE,
  ADMIN_STAFF_MEMBER_ROUTE,
  ADMIN_STAFF_ROUTE,
  APPLICATION_FORM_ROUTE,
  APPLY_ROUTE,
  CASE_ROUTE,
  FINANCE_ROUTE,
  FRAME_CHANGES_ROUTE,
  FRAME_LEDGER_ROUTE,
  FRAME_ROUTE,
  INVITATION_ROUTE,
  JOURNAL_ROUTE,
  PUBLIC_JOURNAL_ROUTE,
  NEW_CALL_ROUTE,
  PAYMENTS_DUE_ROUTE,
  PAYMENT_RUN_ROUTE,
  MY_ORGANISATION_ROUTE,
  CLAIMS_ROUTE,
  REPORT_FORM_ROUTE,
  STAFF_CASE_ROUTE,
  WORK_QUEUE_ROUTE,
} from '../lib/paths';
import { queryClient } from '../lib/query-client';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { StaffOnly } from './staff-only';

// Routes compose features; later pages are loaded lazily to keep the first load small.
const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <OpenCallsPage /> },
      {
        path: 'logg-inn',
        lazy: async () => ({
          Component: (await import('../features/session/components/sign-in-page')).SignInPage,
        }),
      },
      {
        // Public: the link of an invitation e-mail, where a new staff member chooses a password.
        path: INVITATION_ROUTE,
        lazy: async () => ({
          Component: (await import('../features/session/components/invitation-page')).InvitationPage,
        }),
      },
      {
        path: PUBLIC_JOURNAL_ROUTE,
        lazy: async () => ({
          Component: (await import('../features/journal/components/public-journal-page')).PublicJournalPage,
        }),
      },
      {
        element: <RequireSignIn />,
        children: [
          {
            path: 'soknader',
            lazy: async () => ({
              Component: (await import('../features/applications/components/my-applications-page'))
                .MyApplicationsPage,
            }),
          },
          {
            path: MY_ORGANISATION_ROUTE,
            lazy: async () => ({
              Component: (await import('../features/organisation/components/payout-account-page'))
                .PayoutAccountPage,
            }),
          },
          {
            path: CASE_ROUTE,
            lazy: async () => ({
              Component: (await import('../features/applications/components/case-page')).CasePage,
            }),
          },
          {
            // The forms bring RJSF: their own chunk, loaded when a form is opened.
            path: APPLICATION_FORM_ROUTE,
            lazy: async () => ({
              Component: (await import('../features/applications/components/application-form-page'))
                .ApplicationFormPage,
            }),
          },
          {
            path: REPORT_FORM_ROUTE,
            lazy: async () => ({
              Component: (await import('../features/applications/components/report-form-page'))
                .ReportFormPage,
            }),
          },
          {
            element: <StaffOnly roles={['case_officer', 'approver']} />,
            children: [
              {
                path: WORK_QUEUE_ROUTE,
                lazy: async () => ({ Component: (await import('./work-queue-route')).WorkQueueRoute }),
              },
              {
                path: STAFF_CASE_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/casework/components/staff-case-page')).StaffCasePage,
                }),
              },
            ],
          },
          {
            element: <StaffOnly roles={['case_officer', 'approver', 'finance', 'admin']} />,
            children: [
              {
                path: JOURNAL_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/journal/components/journal-page')).JournalPage,
                }),
              },
            ],
          },
          {
            element: <StaffOnly roles={['finance', 'approver']} />,
            children: [
              {
                path: FINANCE_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/frames/components/frames-page')).FramesPage,
                }),
              },
              {
                path: FRAME_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/frames/components/frame-page')).FramePage,
                }),
              },
              {
                path: FRAME_LEDGER_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/frame-ledger/components/frame-ledger-page'))
                    .FrameLedgerPage,
                }),
              },
            ],
          },
          {
            element: <StaffOnly roles={['finance']} />,
            children: [
              {
                path: FRAME_CHANGES_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/frame-changes/components/frame-changes-page'))
                    .FrameChangesPage,
                }),
              },
              {
                path: PAYMENTS_DUE_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/payments/components/payments-due-page'))
                    .PaymentsDuePage,
                }),
              },
              {
                path: PAYMENT_RUN_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/payments/components/payment-run-page'))
                    .PaymentRunPage,
                }),
              },
              {
                path: CLAIMS_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/payments/components/repayment-claims-page'))
                    .RepaymentClaimsPage,
                }),
              },
            ],
          },
          {
            element: <StaffOnly roles={['admin']} />,
            children: [
              {
                path: ADMIN_CALLS_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/call-admin/components/calls-admin-page'))
                    .CallsAdminPage,
                }),
              },
              {
                path: NEW_CALL_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/call-admin/components/call-editor-page')).NewCallPage,
                }),
              },
              {
                path: ADMIN_CALL_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/call-admin/components/call-editor-page'))
                    .CallEditorPage,
                }),
              },
              {
                path: ADMIN_STAFF_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/staff-admin/components/staff-page')).StaffPage,
                }),
              },
              {
                path: ADMIN_STAFF_MEMBER_ROUTE,
                lazy: async () => ({
                  Component: (await import('../features/staff-admin/components/staff-member-page'))
                    .StaffMemberPage,
                }),
              },
            ],
          },
          {
            path: APPLY_ROUTE,
            lazy: async () => ({ Component: (await import('./apply-route')).ApplyRoute }),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

// A session that ended (expired, or signed out in another tab): nobody is signed in any more, so the
// route guard sends the user to sign in and back.
whenUnauthenticated(() => queryClient.setQueryData(sessionQueries.me().queryKey, null));

export function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
