/**
 * The desk's papers: the PPID registers (XLSX, PDF on the letterhead), the decision notice (PDF,
 * DOCX) and the year's numbers (data, XLSX). PDFs are drawn on the PDF thread
 * (paper/pdf-thread.ts) so a long register does not hold the core's other calls.
 */
import type { HandlerGroup } from '../../rpc/handler-types';
import { loadLetterhead } from '../paper/letterhead';
import { renderPdfOffThread } from '../paper/pdf-thread';
import { decisionNotice } from './notice';
import { renderNoticeDocx } from './notice-paper';
import { deskNumbers } from './numbers';
import { renderNumbersXlsx } from './numbers-xlsx';
import { deskRegister } from './register';
import { renderRegisterXlsx } from './register-xlsx';
import { deskOnly } from './steps';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_NAMES = { info_request: 'register-permohonan-informasi', objection: 'register-keberatan' } as const;

export const paperHandlers: HandlerGroup<'publicdesk.register' | 'publicdesk.notice' | 'publicdesk.numbers' | 'publicdesk.numbers.export'> = {
  'publicdesk.register': async (input, ctx) => {
    deskOnly(ctx);
    const register = deskRegister(ctx, input.kind, input.year);
    const base = `${FILE_NAMES[input.kind]}-${input.year}`;
    if (input.format === 'xlsx') return { fileName: `${base}.xlsx`, mime: XLSX_MIME, base64: (await renderRegisterXlsx(register)).toString('base64') };
    const pdf = await renderPdfOffThread('deskRegister', [register, await loadLetterhead(ctx), input.paper]);
    return { fileName: `${base}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
  },
  'publicdesk.notice': async (input, ctx) => {
    deskOnly(ctx);
    const notice = decisionNotice(ctx, input.id);
    const head = await loadLetterhead(ctx);
    const base = `pemberitahuan-tertulis-${notice.number.replaceAll('/', '-')}`;
    if (input.format === 'docx') return { fileName: `${base}.docx`, mime: DOCX_MIME, base64: (await renderNoticeDocx(notice, head, input.paper)).toString('base64') };
    const pdf = await renderPdfOffThread('deskNotice', [notice, head, input.paper]);
    return { fileName: `${base}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
  },
  'publicdesk.numbers': (input, ctx) => {
    deskOnly(ctx);
    return deskNumbers(ctx, input.year);
  },
  'publicdesk.numbers.export': async (input, ctx) => {
    deskOnly(ctx);
    const xlsx = await renderNumbersXlsx(deskNumbers(ctx, input.year));
    return { fileName: `angka-aduan-ppid-${input.year}.xlsx`, mime: XLSX_MIME, base64: xlsx.toString('base64') };
  },
};
