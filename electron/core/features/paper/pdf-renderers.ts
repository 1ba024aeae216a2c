/**
 * Every PDF Warta draws, by name, for the PDF thread (pdf-worker.ts). A renderer takes only plain
 * data (cloned to the thread: no database, no functions) and returns the file's bytes. A new
 * paper — an attendance list, a report — registers here and is drawn with `renderPdfOffThread`.
 */
import { renderDaySheetPdf } from '../agenda/day-sheet-pdf';
import { renderReportPdf as renderMediaReportPdf } from '../media/report-pdf';
import { renderNoticePdf } from '../publicdesk/notice-paper';
import { renderRegisterPdf } from '../publicdesk/register-pdf';
import { renderReleasePdf } from '../releases/release-pdf';
import { renderReportPdf } from '../reports/report-pdf';

export const PDF_RENDERERS = {
  release: renderReleasePdf,
  daySheet: renderDaySheetPdf,
  mediaReport: renderMediaReportPdf,
  report: renderReportPdf,
  deskRegister: renderRegisterPdf,
  deskNotice: renderNoticePdf,
};

export type PdfRenderers = typeof PDF_RENDERERS;
export type PdfKind = keyof PdfRenderers;
