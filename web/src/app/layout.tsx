import { Button, Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { Outlet, Link as RouterLink } from 'react-router';
import { useI18n } from '../i18n/i18n';

/** Every page: the skip link first, the header with the language choice, then the page in <main>. */
export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const other = language === 'nb' ? 'en' : 'nb';
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
          <Button
            variant="tertiary"
            data-size="sm"
            lang={other}
            aria-label={t('app.switchLanguageLabel')}
            onClick={() => setLanguage(other)}
          >
            {t('app.switchLanguage')}
          </Button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
    </>
  );
}
