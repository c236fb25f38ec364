import { PageHeading } from '../../../ui/page-heading';
import { useI18n } from '../../../i18n/i18n';

export function CallsAdminPage() {
  const { t } = useI18n();
  return <PageHeading>{t('callAdmin.title')}</PageHeading>;
}
