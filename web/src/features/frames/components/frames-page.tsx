import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Frame, Scheme } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { framePath } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { BALANCES_CSV_URL, frameLookups, frameQueries } from '../api/frame-queries';
import './frames.css';
import { UsedShare } from './used-share';

/**
 * Finance's overview (økonomi): the county's frames year by year, each with its scheme, what is
 * allocated, committed, disbursed and available, and how much is used against the 80/90/100 % marks.
 */
export function FramesPage() {
  const { t } = useI18n();
  const frames = useQuery(frameQueries.list());
  const schemes = useQuery(frameLookups.schemes());
  const years = useMemo(() => {
    const byYear = new Map<number, Frame[]>();
    for (const frame of frames.data ?? []) byYear.set(frame.year, [...(byYear.get(frame.year) ?? []), frame]);
    return [...byYear.entries()].sort(([a], [b]) => b - a);
  }, [frames.data]);

  return (
    <>
      <PageHeading>{t('finance.title')}</PageHeading>
      <Paragraph>{t('finance.intro')}</Paragraph>
      <Paragraph>
        <Link href={BALANCES_CSV_URL} download>
          {t('finance.download')}
        </Link>
      </Paragraph>
      {frames.isPending || schemes.isPending ? (
        <Loading />
      ) : frames.isError || schemes.isError ? (
        <LoadFailed />
      ) : years.length === 0 ? (
        <Paragraph>{t('finance.none')}</Paragraph>
      ) : (
        years.map(([year, list]) => (
          <YearFrames key={year} year={year} frames={list} schemes={schemes.data} />
        ))
      )}
    </>
  );
}

function YearFrames({ year, frames, schemes }: { year: number; frames: Frame[]; schemes: Scheme[] }) {
  const { t, kroner } = useI18n();
  const headingId = useId();
  const schemeName = (id: string) => schemes.find((s) => s.id === id)?.name ?? id;
  const rows = [...frames].sort(
    (a, b) =>
      schemeName(a.schemeId).localeCompare(schemeName(b.schemeId), 'nb') ||
      a.name.localeCompare(b.name, 'nb'),
  );
  return (
    <section aria-labelledby={headingId} className="frames-year">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('finance.year', { year })}
      </Heading>
      <div className="frames-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
        <Table data-size="sm" zebra aria-labelledby={headingId}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('finance.col.scheme')}</Table.HeaderCell>
              <Table.HeaderCell>{t('finance.col.frame')}</Table.HeaderCell>
              <Table.HeaderCell className="frames-number">{t('finance.col.allocated')}</Table.HeaderCell>
              <Table.HeaderCell className="frames-number">{t('finance.col.committed')}</Table.HeaderCell>
              <Table.HeaderCell className="frames-number">{t('finance.col.disbursed')}</Table.HeaderCell>
              <Table.HeaderCell className="frames-number">{t('finance.col.available')}</Table.HeaderCell>
              <Table.HeaderCell>{t('finance.col.used')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((frame) => (
              <Table.Row key={frame.id}>
                <Table.Cell>{schemeName(frame.schemeId)}</Table.Cell>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={framePath(frame.id)}>{frame.name}</RouterLink>
                  </Link>
                  {frame.status === 'closed' && (
                    <>
                      <br />
                      <span className="frames-muted">{t('finance.closed')}</span>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell className="frames-number">{kroner(frame.allocated)}</Table.Cell>
                <Table.Cell className="frames-number">{kroner(frame.committed)}</Table.Cell>
                <Table.Cell className="frames-number">{kroner(frame.disbursed)}</Table.Cell>
                <Table.Cell className="frames-number">{kroner(frame.available)}</Table.Cell>
                <Table.Cell className="frames-nowrap">
                  <UsedShare frame={frame} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
