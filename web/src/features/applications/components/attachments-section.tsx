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
import type { AttachmentKind } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { ATTACHMENT_KIND_TEXT, fileSize } from '../../../ui/file-size';
import { LoadFailed, Loading } from '../../../ui/query-state';
import {
  attachmentHref,
  attachmentQueries,
  useDeleteAttachment,
  useUploadAttachment,
} from '../api/application-queries';

const KIND_TEXT: Record<AttachmentKind, MessageKey> = ATTACHMENT_KIND_TEXT;

/** The refusal of an upload in words, by its code. */
function uploadError(error: unknown): MessageKey {
  if (error instanceof ProblemError) {
    if (error.status === 413) return 'attachments.error.tooLarge';
    if (error.status === 415) return 'attachments.error.type';
    if (error.status === 409) return 'attachments.error.closed';
  }
  return 'attachments.error.failed';
}

/**
 * The application's attachments (vedlegg): the list with download links, and while the applicant may
 * still change the application, a file input with its kind, and delete for files not yet sent.
 */
export function AttachmentsSection({ applicationId }: { applicationId: string }) {
  const { t, language } = useI18n();
  const list = useQuery(attachmentQueries.list(applicationId));
  const upload = useUploadAttachment(applicationId);
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
      <Heading level={2} data-size="sm" id={headingId}>
        {t('attachments.title')}
      </Heading>
      {requirements.some((r) => r.required) && (
        <Paragraph>
          {t('attachments.required', {
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
            {upload.isError && <ValidationMessage>{t(uploadError(upload.error))}</ValidationMessage>}
          </Field>
          <Button type="submit" variant="secondary" disabled={upload.isPending}>
            {t('attachments.upload')}
          </Button>
        </form>
      )}
    </section>
  );
}
