/**
 * The report as a workbook: a cover sheet (title, period, snapshot, the sentences) and one sheet
 * per table with native values (numbers as numbers), so every chart's data can be re-charted.
 */
import ExcelJS from 'exceljs';
import { escapeFormula } from '../../../../shared/media/formula';
import type { Report } from '../../../../shared/reports/model';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28).trim() || 'Tabel';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

const text = (v: unknown) => (typeof v === 'string' ? escapeFormula(v) : v);

export async function renderReportXlsx(report: Report, asOfText: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Warta';
  wb.title = report.title;
  const used = new Set<string>();
  const cover = wb.addWorksheet(sheetName('Ringkasan', used));
  cover.columns = [{ width: 110 }];
  cover.addRow([text(report.title)]).font = { bold: true, size: 13 };
  cover.addRow([text(`Periode ${report.periodTitle} (${report.period.from} s.d. ${report.period.to})`)]);
  cover.addRow([text(`Data per ${asOfText} (${report.snapshot})`)]);
  if (report.empty) cover.addRow(['Tidak ada data pada periode ini.']);
  for (const section of report.sections) {
    cover.addRow([]);
    cover.addRow([text(section.title)]).font = { bold: true };
    for (const s of section.summary) cover.addRow([text(s)]);
  }
  for (const section of report.sections) {
    for (const t of section.tables) {
      const ws = wb.addWorksheet(sheetName(t.title, used));
      ws.addRow(t.columns.map((c) => c.title)).font = { bold: true };
      for (const r of t.rows) {
        // Percentages travel as fractions with a percent format: a number Excel can compute with.
        ws.addRow(r.map((v, i) => (t.columns[i]?.kind === 'percent' && typeof v === 'string' ? Number(v.replace('%', '').replace(',', '.')) / 100 : text(v))));
      }
      t.columns.forEach((c, i) => {
        const col = ws.getColumn(i + 1);
        col.width = i === 0 ? 42 : c.kind === 'text' ? 24 : 16;
        if (c.kind === 'percent') col.numFmt = '0.0%';
        if (c.kind === 'int') col.numFmt = '#,##0';
      });
      if (t.note) ws.addRow([text(t.note)]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
