import { PageHeading } from '../../../ui/page-heading';
import { useI18n } from '../../../i18n/i18n';

export function FrameLedgerPage() {
  const { t } = useI18n();
  return <PageHeading>{t('finance.title')}</PageHeading>;
}
