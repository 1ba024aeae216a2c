/**
 * A report chart as SVG in the core: Apache ECharts' server-side renderer (no DOM), fed the same
 * option the window renders (shared/reports/chart-option.ts).
 */
import * as echarts from 'echarts';
import type { ReportChart } from '../../../../shared/reports/model';
import { CHART_SIZE, chartHeight, chartOption } from '../../../../shared/reports/chart-option';

export function chartSvg(chart: ReportChart, width: number = CHART_SIZE.width): { svg: string; width: number; height: number } {
  const height = chartHeight(chart);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(chartOption(chart));
    return { svg: instance.renderToSVGString(), width, height };
  } finally {
    instance.dispose();
  }
}
