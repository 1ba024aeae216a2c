/**
 * The one definition of how a report chart is drawn: an Apache ECharts option built from the
 * chart's data. The window renders it with echarts (SVG renderer), the core with echarts'
 * server-side SVG renderer for paper; both call this function, so the points are the same.
 * Grey tones with hatched decals keep the bars apart in black-and-white print; each bar carries
 * its value as a label in Indonesian number format.
 */
import type { ReportChart } from './model';

const GREYS = ['#2b2b2b', '#8a8a8a', '#c4c4c4', '#5c5c5c'];
const DECALS = [{ symbol: 'none' }, { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.6)' }, { symbol: 'circle', symbolSize: 0.5, color: 'rgba(0,0,0,0.35)' }, { symbol: 'triangle', symbolSize: 0.6, color: 'rgba(255,255,255,0.6)' }];

export const CHART_SIZE = { width: 640, height: 230 } as const;

export const formatNumberId = (n: number) => n.toLocaleString('id-ID');

/** Height that fits a horizontal chart's categories (paper and window alike). */
export function chartHeight(chart: ReportChart): number {
  return chart.orientation === 'horizontal' ? Math.max(120, 50 + chart.categories.length * chart.series.length * 20) : CHART_SIZE.height;
}

export function chartOption(chart: ReportChart): Record<string, unknown> {
  const horizontal = chart.orientation === 'horizontal';
  const category = { type: 'category', data: chart.categories, axisLabel: { color: '#222', fontSize: 11, interval: 0, width: horizontal ? 170 : 80, overflow: 'truncate' }, axisTick: { alignWithLabel: true }, inverse: horizontal };
  const value = { type: 'value', minInterval: 1, axisLabel: { color: '#222', fontSize: 11, formatter: (v: number) => formatNumberId(v) }, splitLine: { lineStyle: { color: '#dddddd' } } };
  return {
    animation: false,
    textStyle: { fontFamily: 'Noto Sans, DejaVu Sans, sans-serif' },
    aria: { enabled: true, decal: { show: true, decals: DECALS } },
    color: GREYS,
    grid: { left: horizontal ? 180 : 48, right: 32, top: chart.series.length > 1 ? 36 : 16, bottom: horizontal ? 24 : 48, containLabel: false },
    legend: chart.series.length > 1 ? { top: 0, textStyle: { color: '#222', fontSize: 11 } } : { show: false },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumberId(v) },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: chart.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      barMaxWidth: 36,
      itemStyle: { borderColor: '#000', borderWidth: 0.6 },
      label: { show: true, position: horizontal ? 'right' : 'top', color: '#000', fontSize: 10, formatter: (p: { value: number }) => formatNumberId(p.value) },
    })),
  };
}
