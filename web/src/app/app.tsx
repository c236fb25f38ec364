import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { OpenCallsPage } from '../features/calls/components/open-calls-page';
import { I18nProvider } from '../i18n/i18n';
import { queryClient } from '../lib/query-client';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

// Routes compose features; later pages are loaded lazily (`lazy: () => import(…)`) to keep the first load small.
const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <OpenCallsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
