// The chart itself, drawn by Apache ECharts: only the parts our charts use are registered, so the chunk
// stays small. Loaded through chart.tsx, only when a chart is first shown.
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { CHART_COLOURS, type ChartProps } from './chart';

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

/**
 * One chart: made when mounted, given new options when they change, fitted to its box when that
 * changes, and disposed of when unmounted. `description` is what a screen reader hears for the
 * picture (say where the table with its figures is); patterns tell the series apart without colour.
 */
export function EChartsChart({ option, description, height = '20rem' }: ChartProps) {
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
