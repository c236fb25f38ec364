import { Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { PageHeading } from '../ui/page-heading';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('app.notFound.title')}</PageHeading>
      <Paragraph>{t('app.notFound.body')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('app.notFound.home')}</RouterLink>
        </Link>
      </Paragraph>
    </>
  );
}
