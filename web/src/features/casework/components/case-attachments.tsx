import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { Attachment } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { ATTACHMENT_KIND_TEXT, fileSize } from '../../../ui/file-size';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { caseAttachmentHref, caseAttachmentQueries, type CaseAttachmentOwner } from '../api/casework-queries';

/**
 * The case's attachments with download links, for the case officer and the approver: the
 * application's own and, apart, those sent with answers to requests for information; or, with an
 * `owner`, one payout request's or interim report's.
 */
export function CaseAttachments({
  applicationId,
  owner,
  title = 'attachments.title',
  headingLevel = 2,
}: {
  applicationId: string;
  owner?: CaseAttachmentOwner;
  title?: MessageKey;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const list = useQuery(caseAttachmentQueries.list(applicationId, owner));
  const items = list.data?.items ?? [];
  const own = owner ? items : items.filter((a) => a.owner === null);
  const answers = owner ? [] : items.filter((a) => a.owner?.kind === 'information_request');
  return (
    <section aria-labelledby={headingId}>
      <Heading level={headingLevel} data-size={headingLevel === 2 ? 'sm' : 'xs'} id={headingId}>
        {t(title)}
      </Heading>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadFailed />
      ) : (
        <>
          {own.length === 0 ? (
            <Paragraph>{t('attachments.none')}</Paragraph>
          ) : (
            <AttachmentLinks applicationId={applicationId} items={own} />
          )}
          {answers.length > 0 && (
            <>
              <Heading level={headingLevel === 2 ? 3 : 4} data-size="2xs">
                {t('ownerAttachments.answerAttachments')}
              </Heading>
              <AttachmentLinks applicationId={applicationId} items={answers} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function AttachmentLinks({ applicationId, items }: { applicationId: string; items: readonly Attachment[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="attachments-list">
      {items.map((a) => (
        <li key={a.id}>
          <Link href={caseAttachmentHref(applicationId, a.id)} download={a.fileName}>
            {a.fileName}
          </Link>{' '}
          – {t(ATTACHMENT_KIND_TEXT[a.kind])}, {fileSize(a.sizeBytes, language)}
        </li>
      ))}
    </ul>
  );
}
