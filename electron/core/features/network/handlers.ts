/**
 * The PR network (*Jejaring Kehumasan*, issue 13 items 3 and 4): every network.* method.
 */
import { WartaError } from '../../../../shared/contract/errors';
import type { HandlerGroup } from '../../rpc/handler-types';
import { loadLetterhead } from '../paper/letterhead';
import { attendanceSheetOf, renderAttendanceDocx, renderAttendancePdf } from './attendance-sheet';
import { contactHandlers } from './contacts';
import { meetingHandlers } from './meetings';
import { readMeeting } from './rows';

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'pertemuan';

export const networkHandlers: HandlerGroup<keyof typeof contactHandlers | keyof typeof meetingHandlers | 'network.meetings.attendanceSheet'> = {
  ...contactHandlers,
  ...meetingHandlers,
  'network.meetings.attendanceSheet': async (input, ctx) => {
    const meeting = readMeeting(ctx.db, input.meetingId);
    const wave = input.waveId ? meeting.waveList.find((w) => w.id === input.waveId) : meeting.waveList[0];
    if (!wave) throw new WartaError('not_found', 'Gelombang itu bukan milik pertemuan ini. (That wave is not part of this meeting.)', { field: 'waveId' });
    const sheet = attendanceSheetOf(
      meeting,
      wave,
      meeting.invitees.filter((i) => i.waveId === wave.id),
    );
    const head = await loadLetterhead(ctx);
    const base = `daftar-hadir-${slug(meeting.title)}-${wave.date}`;
    if (input.format === 'pdf') return { fileName: `${base}.pdf`, mime: 'application/pdf', base64: (await renderAttendancePdf(sheet, head, input.paper)).toString('base64') };
    const docx = await renderAttendanceDocx(sheet, head, input.paper);
    return { fileName: `${base}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: docx.toString('base64') };
  },
};
