import { Alert, Spinner } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

/** What a page shows while its data loads, or when it could not be fetched. */
export function Loading() {
  const { t } = useI18n();
  return <Spinner aria-label={t('app.loading')} data-size="md" />;
}

export function LoadFailed() {
  const { t } = useI18n();
  return <Alert data-color="danger">{t('app.error')}</Alert>;
}
