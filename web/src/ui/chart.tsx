// A chart, drawn by Apache ECharts (echarts-chart.tsx): that code is a chunk of its own, fetched the
// first time a chart is shown, so neither the first load nor a page's text waits for it. Every chart
// also needs its figures as a table on the page: the drawing is an image with a short description,
// the table is the content.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { lazy, Suspense } from 'react';
import { Loading } from './query-state';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** Series colours with at least 3:1 contrast on white (WCAG 1.4.11); patterns tell them apart too. */
export const CHART_COLOURS = ['#0062ba', '#a84300', '#1a7f37', '#6b3fa0', '#44515c'];

export interface ChartProps {
  option: ChartOption;
  /** What a screen reader hears for the picture: say where the table with its figures is. */
  description: string;
  /** A CSS length; the width is the container's. */
  height?: string;
}

const EChartsChart = lazy(async () => ({ default: (await import('./echarts-chart')).EChartsChart }));

/** One chart; a spinner while its code arrives. */
export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<Loading />}>
      <EChartsChart {...props} />
    </Suspense>
  );
}
