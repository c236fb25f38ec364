import { Button, Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, Link as RouterLink } from 'react-router';
import { sessionQueries } from '../features/session/api/session-queries';
import { SessionMenu } from '../features/session/components/session-menu';
import { HOME_PATH, sectionsFor } from '../features/session/session-paths';
import { useI18n } from '../i18n/i18n';

/** Every page: the skip link first, the header with the language choice, then the page in <main>. */
export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const other = language === 'nb' ? 'en' : 'nb';
  const me = useQuery(sessionQueries.me());
  return (
    <>
      <SkipLink href="#main">{t('app.skipToMain')}</SkipLink>
      <header className="site-header">
        <div className="site-header-inner">
          <div>
            <Link asChild data-color="neutral" className="site-name">
              <RouterLink to="/">{t('app.name')}</RouterLink>
            </Link>
            <Paragraph data-size="sm">{t('app.owner')}</Paragraph>
          </div>
          <div className="site-header-actions">
            <Button
              variant="tertiary"
              data-size="sm"
              lang={other}
              aria-label={t('app.switchLanguageLabel')}
              onClick={() => setLanguage(other)}
            >
              {t('app.switchLanguage')}
            </Button>
            <SessionMenu />
          </div>
        </div>
        {me.data && (
          <nav aria-label={t('app.nav.label')} className="site-nav">
            <ul>
              <li>
                <Link asChild data-size="sm">
                  <NavLink to="/" end>
                    {t('app.nav.calls')}
                  </NavLink>
                </Link>
              </li>
              {me.data.kind === 'staff' ? (
                sectionsFor(me.data).map((section) => (
                  <li key={section.path}>
                    <Link asChild data-size="sm">
                      <NavLink to={section.path}>{t(section.label)}</NavLink>
                    </Link>
                  </li>
                ))
              ) : (
                <li>
                  <Link asChild data-size="sm">
                    <NavLink to={HOME_PATH}>{t('app.nav.applications')}</NavLink>
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
    </>
  );
}
