import { Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { caseworkQueries, useAddNote } from '../api/casework-queries';
import { ActionForm } from './action-form';

/** Internal notes (interne notater): the county's own, never shown to the applicant. */
export function CaseNotes({ applicationId, mayWrite }: { applicationId: string; mayWrite: boolean }) {
  const { t, dateTime } = useI18n();
  const notes = useQuery(caseworkQueries.notes(applicationId));
  const add = useAddNote(applicationId);
  const [text, setText] = useState('');
  return (
    <section aria-labelledby="case-notes">
      <Heading level={2} data-size="sm" id="case-notes">
        {t('casework.notes.title')}
      </Heading>
      <Paragraph data-size="sm">{t('casework.notes.intro')}</Paragraph>
      {notes.isPending ? (
        <Loading />
      ) : notes.isError ? (
        <LoadFailed />
      ) : notes.data.length === 0 ? (
        <Paragraph>{t('casework.notes.none')}</Paragraph>
      ) : (
        <ol className="timeline">
          {notes.data.map((note) => (
            <li key={note.id}>
              <Paragraph className="pre-wrap">{note.text}</Paragraph>
              <Paragraph data-size="sm">
                <time dateTime={note.createdAt}>{dateTime(note.createdAt)}</time>
                {' · '}
                {note.authorName}
              </Paragraph>
            </li>
          ))}
        </ol>
      )}
      {mayWrite && (
        <ActionForm
          id="add-note"
          heading={t('casework.notes.add')}
          submitLabel={t('casework.notes.submit')}
          pending={add.isPending}
          refusal={add.error}
          validate={() => {
            if (text.trim() === '') return [{ field: 'add-note-text', message: 'casework.notes.missing' }];
            add.mutate(text.trim(), { onSuccess: () => setText('') });
            return [];
          }}
        >
          {(errorFor) => (
            <Textfield
              id="add-note-text"
              label={t('casework.notes.text')}
              multiline
              rows={3}
              value={text}
              onChange={(event) => setText(event.target.value)}
              error={errorFor('add-note-text')}
            />
          )}
        </ActionForm>
      )}
    </section>
  );
}
