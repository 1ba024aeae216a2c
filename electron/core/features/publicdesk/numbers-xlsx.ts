/**
 * The desk's numbers as a workbook: one sheet per view (month, OPD, category, channel), numbers
 * as numbers, labels guarded against formula injection.
 */
import ExcelJS from 'exceljs';
import { escapeFormula } from '../../../../shared/media/formula';
import type { DeskNumbers, NumbersRow } from '../../../../shared/publicdesk/numbers';

const HEADERS = ['Diterima', 'Selesai', 'Median hari kerja', 'Persentil ke-90 hari kerja', 'Terlambat'];

export async function renderNumbersXlsx(n: DeskNumbers): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Warta';
  wb.title = `Angka Aduan & PPID ${n.year}`;
  const sheet = (name: string, first: string, rows: NumbersRow[], withTotal: boolean) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`Angka Aduan & PPID tahun ${n.year} (data per ${n.asOf})`]).font = { bold: true };
    if (n.holidaysMissing.length > 0) ws.addRow([`Data hari libur tahun ${n.holidaysMissing.join(', ')} belum ada: hitungan hari kerja bisa meleset.`]);
    ws.addRow([first, ...HEADERS]).font = { bold: true };
    for (const r of rows) ws.addRow([escapeFormula(r.label), r.received, r.closed, r.medianDays, r.p90Days, r.late]);
    if (withTotal) ws.addRow(['Jumlah', n.total.received, n.total.closed, n.total.medianDays, n.total.p90Days, n.total.late]).font = { bold: true };
    ws.getColumn(1).width = 36;
    for (let i = 2; i <= 6; i++) ws.getColumn(i).width = 16;
  };
  sheet('Per bulan', 'Bulan diterima', n.months, true);
  sheet('Per OPD', 'OPD (disposisi)', n.byOpd, false);
  sheet('Per kategori', 'Kategori', n.byCategory, true);
  sheet('Per saluran', 'Saluran', n.byChannel, true);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
