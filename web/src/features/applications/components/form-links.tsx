import { Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import type { Application } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { applicationFormPath, reportFormPath } from '../../../lib/paths';

/** Whether the case waits for the applicant's final report (sluttrapport) now. */
export const awaitsFinalReport = (application: Application) =>
  application.applicantTask?.kind === 'submit_final_report' ||
  application.allowedActions.includes('SUBMIT_REPORT');

/** Links to the form the applicant can fill in now: the draft's application form, or the final report. */
export function FormLinks({ application }: { application: Application }) {
  const { t } = useI18n();
  const editable = application.allowedActions.includes('EDIT');
  const report = awaitsFinalReport(application);
  if (!editable && !report) return null;
  return (
    <Paragraph>
      <Link asChild>
        {editable ? (
          <RouterLink to={applicationFormPath(application.reference)}>
            {t('applicationForm.continue', { reference: application.reference })}
          </RouterLink>
        ) : (
          <RouterLink to={reportFormPath(application.reference)}>
            {t('reportForm.write', { reference: application.reference })}
          </RouterLink>
        )}
      </Link>
    </Paragraph>
  );
}
