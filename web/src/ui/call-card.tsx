import { Card, Heading, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import type { PublicCall, Scheme } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * A call (utlysning) as applicants see it: title, scheme, purpose, who may apply, window and frame.
 * The public list shows it with its "Søk" link; an administrator previews a draft with it.
 */
export function CallCard({
  call,
  scheme,
  headingLevel = 3,
  action,
}: {
  call: PublicCall;
  scheme: Scheme | undefined;
  headingLevel?: 2 | 3;
  /** Below the facts: the apply link, for instance. */
  action?: (headingId: string) => ReactNode;
}) {
  const { t, language, kroner, date } = useI18n();
  const headingId = `call-${call.id}`;
  return (
    <Card data-color="neutral" asChild>
      <article aria-labelledby={headingId}>
        <Heading level={headingLevel} data-size="sm" id={headingId}>
          {call.title}
        </Heading>
        <div className="tags">
          {scheme && <Tag data-color="accent">{scheme.name}</Tag>}
          {call.open ? (
            <Tag data-color="success">{t('calls.open')}</Tag>
          ) : (
            <Tag data-color="info">{t('calls.upcoming', { from: date(call.opensAt) })}</Tag>
          )}
        </div>
        <dl className="facts">
          {scheme && (
            <>
              <dt>{t('calls.purpose')}</dt>
              <dd>{scheme.purpose[language]}</dd>
              <dt>{t('calls.applicants')}</dt>
              <dd>{scheme.applicants[language]}</dd>
            </>
          )}
          <dt>{t('calls.window')}</dt>
          <dd>
            {call.closesAt
              ? t('calls.windowFromTo', { from: date(call.opensAt), to: date(call.closesAt) })
              : t('calls.windowRolling', { from: date(call.opensAt) })}
          </dd>
          <dt>{t('calls.frame')}</dt>
          <dd>{call.frameAllocatedOre === null ? t('calls.frameNone') : kroner(call.frameAllocatedOre)}</dd>
        </dl>
        {action && <div>{action(headingId)}</div>}
      </article>
    </Card>
  );
}
