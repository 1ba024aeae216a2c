/**
 * A PPID register as a workbook: a title row, then the header and one row per item with native
 * values (dates as dates, the fee as a number), text guarded against formula injection.
 */
import ExcelJS from 'exceljs';
import { escapeFormula } from '../../../../shared/media/formula';
import type { DeskRegister } from './register';

export async function renderRegisterXlsx(register: DeskRegister): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Warta';
  wb.title = `${register.title} ${register.year}`;
  const ws = wb.addWorksheet(`Register ${register.year}`, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([`${register.title} TAHUN ${register.year}`]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(register.columns.map((c) => c.title));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const r of register.rows) {
    const row = ws.addRow(
      r.map((v, i) => {
        const c = register.columns[i]!;
        if (v === null) return null;
        if (c.type === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
        return typeof v === 'string' ? escapeFormula(v) : v;
      }),
    );
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  register.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.round(c.weight * 14);
    if (c.type === 'date') column.numFmt = 'dd/mm/yyyy';
    if (c.type === 'money') column.numFmt = '#,##0';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
