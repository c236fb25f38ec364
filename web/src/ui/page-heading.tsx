import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n';

/**
 * The page's one h1. It names the page in the tab title, and after a client-side navigation takes
 * focus, so a screen reader announces the new page (the first load leaves focus where it is).
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  // The location a page was loaded with has the key "default"; every navigation gets a new key.
  const { key } = useLocation();
  useEffect(() => {
    document.title = `${children} – ${t('app.name')}`;
  }, [children, t]);
  useEffect(() => {
    if (key !== 'default') ref.current?.focus();
  }, [key]);
  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
