import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { ProblemError } from '../../../api/problem';
import type { Frame } from '../../../api/types';
import { formatNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { FINANCE_PATH, frameChangesPath, frameLedgerPath, PAYMENTS_DUE_PATH } from '../../../lib/paths';
import { FrameTotals, type FrameTotal } from '../../../ui/frame-totals';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { frameLookups, frameQueries } from '../api/frame-queries';
import { BurnDown } from './burn-down';
import { Pipeline } from './pipeline';
import { UsedShare } from './used-share';
import './frames.css';

/** The terms of the frames list's columns. */
const LIST_WORDS: Record<FrameTotal, MessageKey> = {
  allocated: 'finance.col.allocated',
  committed: 'finance.col.committed',
  disbursed: 'finance.col.disbursed',
  available: 'finance.col.available',
};

/**
 * One frame (ramme) for finance and approvers: its four totals and the threshold reached, when it runs
 * out at the recent pace, the burn-down by month and the applications awaiting a decision (each chart
 * with its figures as a table), and the way to its ledger and, for finance, to change it and pay.
 */
export function FramePage() {
  const { t } = useI18n();
  const { frameId = '' } = useParams();
  const frame = useQuery(frameQueries.detail(frameId));
  const schemes = useQuery(frameLookups.schemes());
  if (frame.isPending || schemes.isPending) {
    return (
      <>
        <PageHeading>{t('finance.title')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (frame.isError || schemes.isError) {
    const missing = frame.error instanceof ProblemError && [400, 404].includes(frame.error.status);
    return (
      <>
        <PageHeading>{t('finance.title')}</PageHeading>
        {missing ? <Paragraph>{t('finance.notFound')}</Paragraph> : <LoadFailed />}
        <BackLink />
      </>
    );
  }
  const scheme = schemes.data.find((s) => s.id === frame.data.schemeId)?.name ?? frame.data.schemeId;
  return <FrameView frame={frame.data} scheme={scheme} />;
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={FINANCE_PATH}>{t('finance.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

function FrameView({ frame, scheme }: { frame: Frame; scheme: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('finance.frameTitle', { frame: frame.name, scheme })}</PageHeading>
      <BackLink />
      <Totals frame={frame} />
      <Forecast frame={frame} />
      <BurnDown frame={frame} />
      <Pipeline frameId={frame.id} />
      <FrameLinks frameId={frame.id} />
    </>
  );
}

/** The frame's totals in its list's words, with how much is used and the thresholds crossed. */
function Totals({ frame }: { frame: Frame }) {
  const { t, date, language } = useI18n();
  const alerts = useQuery(frameQueries.alerts(frame.id));
  return (
    <FrameTotals frame={frame} heading={t('finance.totals')} labels={LIST_WORDS} layout="cards">
      <Paragraph>
        {t('finance.col.used')}: <UsedShare frame={frame} />
        {frame.status === 'closed' && ` (${t('finance.closed')})`}
      </Paragraph>
      {(alerts.data ?? []).map((alert) => (
        <Paragraph key={alert.thresholdPercent}>
          {t('finance.crossed', {
            percent: formatNumber(alert.thresholdPercent, language),
            date: date(alert.crossedAt),
          })}
        </Paragraph>
      ))}
    </FrameTotals>
  );
}

function Forecast({ frame }: { frame: Frame }) {
  const { t, kroner, date } = useI18n();
  const headingId = useId();
  const pipeline = useQuery(frameQueries.pipeline(frame.id));
  return (
    <section aria-labelledby={headingId} className="frame-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('finance.forecast.title')}
      </Heading>
      {pipeline.isPending ? (
        <Loading />
      ) : pipeline.isError ? (
        <LoadFailed />
      ) : frame.available <= 0 ? (
        <Paragraph>{t('finance.forecast.exhausted')}</Paragraph>
      ) : pipeline.data.exhaustedOn === null ? (
        <Paragraph>{t('finance.forecast.none')}</Paragraph>
      ) : (
        <Paragraph>
          {t('finance.forecast.date', {
            rate: kroner(pipeline.data.dailyCommitmentRate),
            date: date(pipeline.data.exhaustedOn),
          })}
        </Paragraph>
      )}
    </section>
  );
}

function FrameLinks({ frameId }: { frameId: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const me = useQuery(frameLookups.me());
  const isFinance = me.data?.roles.includes('finance') ?? false;
  const links = [
    { to: frameLedgerPath(frameId), text: t('finance.ledger') },
    ...(isFinance
      ? [
          { to: frameChangesPath(frameId), text: t('finance.changes') },
          { to: PAYMENTS_DUE_PATH, text: t('finance.payments') },
        ]
      : []),
  ];
  return (
    <nav aria-labelledby={headingId} className="frame-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('finance.links')}
      </Heading>
      <ul className="frame-links">
        {links.map((link) => (
          <li key={link.to}>
            <Link asChild>
              <RouterLink to={link.to}>{link.text}</RouterLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
