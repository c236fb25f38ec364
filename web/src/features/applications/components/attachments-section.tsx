import {
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ProblemError } from '../../../api/problem';
import type { AttachmentKind, AttachmentList } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { ATTACHMENT_KIND_TEXT, fileSize } from '../../../ui/file-size';
import { LoadFailed, Loading } from '../../../ui/query-state';
import {
  attachmentHref,
  attachmentQueries,
  useDeleteAttachment,
  useUploadAttachment,
  type AttachmentOwner,
} from '../api/application-queries';

const KIND_TEXT: Record<AttachmentKind, MessageKey> = ATTACHMENT_KIND_TEXT;

/** What must be there before what the files go with can be sent, in words, by the list's context. */
const REQUIRED_TEXT: Record<AttachmentList['context'], MessageKey> = {
  application: 'attachments.required',
  information_answer: 'ownerAttachments.required.information_answer',
  part_payout_request: 'ownerAttachments.required.part_payout_request',
  final_payout_request: 'ownerAttachments.required.final_payout_request',
  interim_report: 'ownerAttachments.required.interim_report',
};

/** The refusal of an upload in words, by its code (and whether the files go with the application). */
function uploadError(error: unknown, application: boolean): MessageKey {
  if (error instanceof ProblemError) {
    if (error.status === 413) return 'attachments.error.tooLarge';
    if (error.status === 415) return 'attachments.error.type';
    if (error.status === 409) return application ? 'attachments.error.closed' : 'ownerAttachments.closed';
  }
  return 'attachments.error.failed';
}

/**
 * The attachments (vedlegg) of the application, or of what `owner` names (a payout request, an
 * interim report, an answer): the list with download links, and while it may still be changed, a
 * file input with its kind, and delete for files not yet sent.
 */
export function AttachmentsSection({
  applicationId,
  owner,
  title = 'attachments.title',
  headingLevel = 2,
}: {
  applicationId: string;
  owner?: AttachmentOwner;
  /** The section's heading; its accessible name. */
  title?: MessageKey;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t, language } = useI18n();
  const list = useQuery(attachmentQueries.list(applicationId, owner));
  const upload = useUploadAttachment(applicationId, owner);
  const remove = useDeleteAttachment(applicationId);
  const [kind, setKind] = useState<AttachmentKind | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const headingId = useId();

  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadFailed />;
  const { items, requirements, editable } = list.data;
  const chosenKind = kind || requirements[0]?.kind || 'other';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    upload.mutate(
      { kind: chosenKind, file },
      {
        onSuccess: () => {
          setFile(null);
          (event.target as HTMLFormElement).reset();
        },
      },
    );
  };

  return (
    <section aria-labelledby={headingId} className="attachments">
      <Heading level={headingLevel} data-size={headingLevel === 2 ? 'sm' : 'xs'} id={headingId}>
        {t(title)}
      </Heading>
      {requirements.some((r) => r.required) && (
        <Paragraph>
          {t(REQUIRED_TEXT[list.data.context], {
            kinds: requirements
              .filter((r) => r.required)
              .map((r) => t(KIND_TEXT[r.kind]))
              .join(', '),
          })}
        </Paragraph>
      )}
      {items.length === 0 ? (
        <Paragraph>{t('attachments.none')}</Paragraph>
      ) : (
        <ul className="attachments-list">
          {items.map((a) => (
            <li key={a.id}>
              <Link href={attachmentHref(applicationId, a.id)} download={a.fileName}>
                {a.fileName}
              </Link>{' '}
              – {t(KIND_TEXT[a.kind])}, {fileSize(a.sizeBytes, language)}
              {!owner && a.owner?.kind === 'information_request' && ` (${t('ownerAttachments.withAnswer')})`}
              {editable && a.submittedAt === null && (
                <>
                  {' '}
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(a.id)}
                  >
                    {t('attachments.delete', { name: a.fileName })}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form onSubmit={onSubmit} noValidate>
          <Field>
            <Label>{t('attachments.kind')}</Label>
            <Select value={chosenKind} onChange={(e) => setKind(e.target.value as AttachmentKind)}>
              {requirements.map((r) => (
                <Select.Option key={r.kind} value={r.kind}>
                  {t(KIND_TEXT[r.kind])}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{t('attachments.file')}</Label>
            <Field.Description>
              {t('attachments.fileHelp', { max: fileSize(list.data.maxBytes, language) })}
            </Field.Description>
            <input
              type="file"
              className="ds-input"
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
              aria-invalid={missing || upload.isError || undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            {missing && <ValidationMessage>{t('attachments.error.noFile')}</ValidationMessage>}
            {upload.isError && (
              <ValidationMessage>
                {t(uploadError(upload.error, list.data.context === 'application'))}
              </ValidationMessage>
            )}
          </Field>
          <Button type="submit" variant="secondary" disabled={upload.isPending}>
            {t('attachments.upload')}
          </Button>
        </form>
      )}
    </section>
  );
}
