// A chart drawn by Apache ECharts: only the parts our charts use are registered, so the chunk stays
// small, and only pages that draw a chart (loaded lazily) bring it. Every chart also needs its figures
// as a table on the page: the drawing is an image with a short description, the table is the content.
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

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

/**
 * One chart: made when mounted, given new options when they change, fitted to its box when that
 * changes, and disposed of when unmounted. `description` is what a screen reader hears for the
 * picture (say where the table with its figures is); patterns tell the series apart without colour.
 */
export function Chart({
  option,
  description,
  height = '20rem',
}: {
  option: ChartOption;
  description: string;
  height?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        color: CHART_COLOURS,
        ...option,
        aria: { enabled: true, label: { description }, decal: { show: true } },
        animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      },
      { notMerge: true },
    );
  }, [option, description]);

  return <div ref={box} className="chart" role="img" aria-label={description} style={{ height }} />;
}
