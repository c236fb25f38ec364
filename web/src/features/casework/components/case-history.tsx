import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { caseworkQueries } from '../api/casework-queries';
import { eventText, roleText } from './casework-text';

/** Edits of a draft come in runs (autosave): a run shows as its last edit. */
const withoutEditRuns = (entries: readonly AuditEntry[]) =>
  entries.filter((entry, i) => !(entry.event === 'EDIT' && entries[i + 1]?.event === 'EDIT'));

/**
 * What happened in the case, oldest first: what, when (Norwegian time) and who, by name and role; for
 * money moved on the grant (commitment, release, payment, repayment), how much in kroner.
 */
export function CaseHistory({ applicationId }: { applicationId: string }) {
  const { t, dateTime, kroner } = useI18n();
  const history = useQuery(caseworkQueries.history(applicationId));
  return (
    <section aria-labelledby="case-history">
      <Heading level={2} data-size="sm" id="case-history">
        {t('casework.history.title')}
      </Heading>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <LoadFailed />
      ) : (
        <ol className="timeline">
          {withoutEditRuns(history.data).map((entry) => (
            <li key={entry.seq}>
              <Paragraph>
                <strong>{t(eventText(entry.event))}</strong>
              </Paragraph>
              {typeof entry.payload.amount === 'number' && (
                <Paragraph>{t('casework.history.money', { amount: kroner(entry.payload.amount) })}</Paragraph>
              )}
              <Paragraph data-size="sm">
                <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time>
                {' · '}
                {entry.actorName
                  ? t('casework.history.byName', {
                      name: entry.actorName,
                      role: t(roleText(entry.actorRole)),
                    })
                  : t(roleText(entry.actorRole))}
              </Paragraph>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
