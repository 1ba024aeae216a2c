/**
 * `reports.*`: the period's report computed once, then shown (the window renders its charts with
 * echarts) or exported on the letterhead (PDF, DOCX) and as a workbook (XLSX), all from the same data.
 */
import { formatDateTime } from '../../../../shared/format/dates';
import type { HandlerGroup } from '../../rpc/handler-types';
import { officeZone } from '../agenda/settings';
import { loadLetterhead } from '../paper/letterhead';
import { renderPdfOffThread } from '../paper/pdf-thread';
import { computeReport } from './compute';
import { renderReportDocx } from './report-docx';
import { renderReportXlsx } from './report-xlsx';

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const reportsHandlers: HandlerGroup<'reports.compute' | 'reports.export'> = {
  'reports.compute': (input, ctx, caller) => computeReport(ctx, caller, input),
  'reports.export': async (input, ctx, caller) => {
    const report = computeReport(ctx, caller, input.period);
    const zone = officeZone(ctx);
    const buf =
      input.format === 'xlsx'
        ? await renderReportXlsx(report, formatDateTime(report.asOfMs, zone))
        : input.format === 'docx'
          ? await renderReportDocx(report, await loadLetterhead(ctx), zone, input.signer)
          : // Drawn on the PDF thread: pdfkit's font set-up and finish are long synchronous stretches (issue 17).
            await renderPdfOffThread('report', [report, await loadLetterhead(ctx), zone, input.signer]);
    const rows = report.sections.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
    return { fileName: `laporan-kinerja-${input.period.from}-${input.period.to}.${input.format}`, mime: MIME[input.format], base64: buf.toString('base64'), rows };
  },
};
