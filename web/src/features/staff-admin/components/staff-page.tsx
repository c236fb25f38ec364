import { PageHeading } from '../../../ui/page-heading';
import { useI18n } from '../../../i18n/i18n';

export function StaffPage() {
  const { t } = useI18n();
  return <PageHeading>{t('staffAdmin.title')}</PageHeading>;
}
