/**
 * The desk's papers: the PPID registers (XLSX, PDF on the letterhead). PDFs are drawn on the PDF
 * thread (paper/pdf-thread.ts) so a long register does not hold the core's other calls.
 */
import type { HandlerGroup } from '../../rpc/handler-types';
import { loadLetterhead } from '../paper/letterhead';
import { renderPdfOffThread } from '../paper/pdf-thread';
import { deskRegister } from './register';
import { renderRegisterXlsx } from './register-xlsx';
import { deskOnly } from './steps';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_NAMES = { info_request: 'register-permohonan-informasi', objection: 'register-keberatan' } as const;

export const paperHandlers: HandlerGroup<'publicdesk.register'> = {
  'publicdesk.register': async (input, ctx) => {
    deskOnly(ctx);
    const register = deskRegister(ctx, input.kind, input.year);
    const base = `${FILE_NAMES[input.kind]}-${input.year}`;
    if (input.format === 'xlsx') return { fileName: `${base}.xlsx`, mime: XLSX_MIME, base64: (await renderRegisterXlsx(register)).toString('base64') };
    const pdf = await renderPdfOffThread('deskRegister', [register, await loadLetterhead(ctx), input.paper]);
    return { fileName: `${base}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
  },
};
