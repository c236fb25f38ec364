import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n/i18n';
import { ATTACHMENT_KIND_TEXT, fileSize } from '../../../ui/file-size';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { caseAttachmentHref, caseAttachmentQueries } from '../api/casework-queries';

/** The case's attachments with download links, for the case officer and the approver. */
export function CaseAttachments({ applicationId }: { applicationId: string }) {
  const { t, language } = useI18n();
  const list = useQuery(caseAttachmentQueries.list(applicationId));
  return (
    <section aria-labelledby="case-attachments">
      <Heading level={2} data-size="sm" id="case-attachments">
        {t('attachments.title')}
      </Heading>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadFailed />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t('attachments.none')}</Paragraph>
      ) : (
        <ul className="attachments-list">
          {list.data.items.map((a) => (
            <li key={a.id}>
              <Link href={caseAttachmentHref(applicationId, a.id)} download={a.fileName}>
                {a.fileName}
              </Link>{' '}
              – {t(ATTACHMENT_KIND_TEXT[a.kind])}, {fileSize(a.sizeBytes, language)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
