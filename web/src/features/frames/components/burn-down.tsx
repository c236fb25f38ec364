import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import type { Frame } from '../../../api/types';
import { formatNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { Chart, CHART_COLOURS, type ChartOption } from '../../../ui/chart';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { frameQueries } from '../api/frame-queries';
import { FiguresDisclosure } from './figures-disclosure';
import {
  axisMonths,
  burnDownRows,
  compactKroner,
  monthName,
  THRESHOLDS,
  wholePercent,
  type BurnDownRow,
} from './frame-figures';

/** What is used, month by month, against the allocation and its 80/90/100 % marks. */
export function BurnDown({ frame }: { frame: Frame }) {
  const { t } = useI18n();
  const headingId = useId();
  const captionId = useId();
  const burnDown = useQuery(frameQueries.burnDown(frame.id));
  const rows = useMemo(() => burnDownRows(burnDown.data ?? []), [burnDown.data]);
  return (
    <section aria-labelledby={headingId} className="frame-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('finance.burnDown.title')}
      </Heading>
      {burnDown.isPending ? (
        <Loading />
      ) : burnDown.isError ? (
        <LoadFailed />
      ) : rows.length === 0 ? (
        <Paragraph>{t('finance.burnDown.empty')}</Paragraph>
      ) : (
        <>
          <figure className="frame-chart" aria-labelledby={captionId}>
            <figcaption id={captionId}>{t('finance.burnDown.caption')}</figcaption>
            <BurnDownChart frame={frame} rows={rows} />
          </figure>
          <FiguresDisclosure label={t('finance.burnDown.caption')}>
            <BurnDownTable rows={rows} caption={t('finance.burnDown.caption')} />
          </FiguresDisclosure>
        </>
      )}
    </section>
  );
}

function BurnDownChart({ frame, rows }: { frame: Frame; rows: BurnDownRow[] }) {
  const { t, kroner, language } = useI18n();
  const last = rows[rows.length - 1]!;
  const option = useMemo((): ChartOption => {
    const months = axisMonths(rows, frame.year);
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    const firstMonth = rows[0]!.month;
    const lastRow = rows[rows.length - 1]!;
    // What is used stops at the last month with entries; the allocation stands until the axis ends.
    const used = months.map((m) => byMonth.get(m)?.used ?? null);
    const allocation = months.map((m) =>
      m < firstMonth ? null : (byMonth.get(m)?.allocated ?? lastRow.allocated),
    );
    return {
      grid: { left: 8, right: 96, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => (typeof value === 'number' ? kroner(value) : ''),
      },
      xAxis: {
        type: 'category',
        data: months.map((m) => monthName(m, language, true)),
        boundaryGap: false,
      },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (value: number) => compactKroner(value, language) },
      },
      series: [
        {
          name: t('finance.burnDown.allocated'),
          type: 'line',
          step: 'end',
          data: allocation,
          color: CHART_COLOURS[4],
          lineStyle: { type: 'dashed' },
          symbol: 'rect',
          symbolSize: 6,
        },
        {
          name: t('finance.burnDown.used'),
          type: 'line',
          data: used,
          color: CHART_COLOURS[0],
          symbolSize: 8,
          areaStyle: { opacity: 0.15 },
          markLine: {
            silent: true,
            symbol: 'none',
            label: { position: 'end', formatter: '{b}', color: CHART_COLOURS[1] },
            lineStyle: { type: 'dotted', color: CHART_COLOURS[1], width: 1.5 },
            data: THRESHOLDS.map((percent) => ({
              name: t('finance.burnDown.threshold', { percent: formatNumber(percent, language) }),
              yAxis: Math.round((frame.allocated * percent) / 100),
            })),
          },
        },
      ],
    };
  }, [frame, rows, language, t, kroner]);
  return (
    <Chart
      option={option}
      description={t('finance.burnDown.description', {
        used: kroner(last.used),
        allocated: kroner(last.allocated),
        month: monthName(last.month, language),
      })}
    />
  );
}

function BurnDownTable({ rows, caption }: { rows: BurnDownRow[]; caption: string }) {
  const { t, kroner, language } = useI18n();
  return (
    <Table data-size="sm" zebra>
      <caption>{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('finance.burnDown.month')}</Table.HeaderCell>
          <Table.HeaderCell className="frames-number">
            {t('finance.burnDown.committedInMonth')}
          </Table.HeaderCell>
          <Table.HeaderCell className="frames-number">
            {t('finance.burnDown.disbursedInMonth')}
          </Table.HeaderCell>
          <Table.HeaderCell className="frames-number">{t('finance.burnDown.used')}</Table.HeaderCell>
          <Table.HeaderCell className="frames-number">{t('finance.burnDown.allocated')}</Table.HeaderCell>
          <Table.HeaderCell className="frames-number">{t('finance.col.used')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.month}>
            <Table.HeaderCell scope="row">{monthName(row.month, language)}</Table.HeaderCell>
            <Table.Cell className="frames-number">{kroner(row.committed)}</Table.Cell>
            <Table.Cell className="frames-number">{kroner(row.disbursed)}</Table.Cell>
            <Table.Cell className="frames-number">{kroner(row.used)}</Table.Cell>
            <Table.Cell className="frames-number">{kroner(row.allocated)}</Table.Cell>
            <Table.Cell className="frames-number">
              {row.allocated > 0
                ? t('finance.usedShare', {
                    percent: formatNumber(wholePercent((row.used / row.allocated) * 100), language),
                  })
                : ''}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
