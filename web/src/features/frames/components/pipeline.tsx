import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import type { FramePipeline, PipelineStage } from '../../../api/types';
import { formatNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { Chart, type ChartOption } from '../../../ui/chart';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { frameQueries } from '../api/frame-queries';
import { FiguresDisclosure } from './figures-disclosure';
import { compactKroner } from './frame-figures';

const STAGE_WORDS: Record<PipelineStage['stage'], MessageKey> = {
  applied: 'finance.stage.applied',
  in_assessment: 'finance.stage.in_assessment',
  recommended: 'finance.stage.recommended',
};

/** The applications not yet decided against the frame, by where they stand, with their amounts. */
export function Pipeline({ frameId }: { frameId: string }) {
  const { t, kroner, language } = useI18n();
  const headingId = useId();
  const captionId = useId();
  const pipeline = useQuery(frameQueries.pipeline(frameId));
  return (
    <section aria-labelledby={headingId} className="frame-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('finance.pipeline.title')}
      </Heading>
      {pipeline.isPending ? (
        <Loading />
      ) : pipeline.isError ? (
        <LoadFailed />
      ) : pipeline.data.applications === 0 ? (
        <Paragraph>{t('finance.pipeline.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t(
              pipeline.data.applications === 1 ? 'finance.pipeline.summaryOne' : 'finance.pipeline.summary',
              {
                count: formatNumber(pipeline.data.applications, language),
                requested: kroner(pipeline.data.requested),
                available: kroner(pipeline.data.available),
              },
            )}
          </Paragraph>
          <figure className="frame-chart" aria-labelledby={captionId}>
            <figcaption id={captionId}>{t('finance.pipeline.caption')}</figcaption>
            <PipelineChart pipeline={pipeline.data} />
          </figure>
          <FiguresDisclosure label={t('finance.pipeline.caption')}>
            <PipelineTable pipeline={pipeline.data} caption={t('finance.pipeline.caption')} />
          </FiguresDisclosure>
        </>
      )}
    </section>
  );
}

function PipelineChart({ pipeline }: { pipeline: FramePipeline }) {
  const { t, kroner, language } = useI18n();
  const option = useMemo(
    (): ChartOption => ({
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => (typeof value === 'number' ? kroner(value) : ''),
      },
      xAxis: { type: 'category', data: pipeline.stages.map((s) => t(STAGE_WORDS[s.stage])) },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (value: number) => compactKroner(value, language),
        },
      },
      series: [
        {
          name: t('finance.pipeline.requested'),
          type: 'bar',
          data: pipeline.stages.map((s) => s.requested),
        },
        {
          name: t('finance.pipeline.recommended'),
          type: 'bar',
          data: pipeline.stages.map((s) => s.recommended),
        },
      ],
    }),
    [pipeline, t, kroner, language],
  );
  return (
    <Chart
      option={option}
      height="16rem"
      description={t('finance.pipeline.description', {
        count: formatNumber(pipeline.applications, language),
        requested: kroner(pipeline.requested),
      })}
    />
  );
}

function PipelineTable({ pipeline, caption }: { pipeline: FramePipeline; caption: string }) {
  const { t, kroner, language } = useI18n();
  return (
    <Table data-size="sm" zebra>
      <caption>{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('finance.pipeline.stage')}</Table.HeaderCell>
          <Table.HeaderCell className="frames-number">{t('finance.pipeline.applications')}</Table.HeaderCell>
          <Table.HeaderCell className="frames-number">{t('finance.pipeline.requested')}</Table.HeaderCell>
          <Table.HeaderCell className="frames-number">{t('finance.pipeline.recommended')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {pipeline.stages.map((stage) => (
          <Table.Row key={stage.stage}>
            <Table.HeaderCell scope="row">{t(STAGE_WORDS[stage.stage])}</Table.HeaderCell>
            <Table.Cell className="frames-number">{formatNumber(stage.applications, language)}</Table.Cell>
            <Table.Cell className="frames-number">{kroner(stage.requested)}</Table.Cell>
            <Table.Cell className="frames-number">{kroner(stage.recommended)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
      <Table.Foot>
        <Table.Row>
          <Table.HeaderCell scope="row">{t('finance.pipeline.total')}</Table.HeaderCell>
          <Table.Cell className="frames-number">{formatNumber(pipeline.applications, language)}</Table.Cell>
          <Table.Cell className="frames-number">{kroner(pipeline.requested)}</Table.Cell>
          <Table.Cell className="frames-number">{kroner(pipeline.recommended)}</Table.Cell>
        </Table.Row>
      </Table.Foot>
    </Table>
  );
}
