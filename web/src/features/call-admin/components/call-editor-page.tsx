import { PageHeading } from '../../../ui/page-heading';
import { useI18n } from '../../../i18n/i18n';

export function NewCallPage() {
  const { t } = useI18n();
  return <PageHeading>{t('callAdmin.title')}</PageHeading>;
}

export function CallEditorPage() {
  const { t } = useI18n();
  return <PageHeading>{t('callAdmin.title')}</PageHeading>;
}
