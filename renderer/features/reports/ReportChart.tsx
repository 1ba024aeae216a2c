import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ReportChart as Chart } from '../../../shared/reports/model';
import { CHART_SIZE, chartHeight, chartOption } from '../../../shared/reports/chart-option';

// Only what report charts use (bars, grid, legend, tooltip, aria decals, SVG): a third of all of echarts.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/**
 * One report chart in the window: echarts' SVG renderer fed the option the core's paper renderer
 * uses (shared/reports/chart-option.ts), at the same size, so the screen shows what is signed.
 */
export function ReportChart({ chart, label }: { chart: Chart; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg', width: CHART_SIZE.width, height: chartHeight(chart) });
    instance.setOption(chartOption(chart));
    return () => instance.dispose();
  }, [chart]);
  return (
    <figure className="report-chart">
      <figcaption className="report-chart__title">{chart.title}</figcaption>
      <div ref={ref} role="img" aria-label={label} data-testid={`chart-${chart.id}`} style={{ width: CHART_SIZE.width, height: chartHeight(chart) }} />
    </figure>
  );
}
