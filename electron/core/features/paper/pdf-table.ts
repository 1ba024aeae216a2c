/**
 * Ruled tables on the office's paper (day sheets, reports): cells set with the font set, rows
 * as tall as their tallest cell, a new page (with the header row again) when a row would
 * cross the bottom margin.
 */
import type { PdfPaper } from './pdf-document';
import type { Align } from './pdf-text';

export interface TableColumn {
  title: string;
  /** Share of the table's width (weights are normalised). */
  weight: number;
  align?: Align;
}

export interface TableOptions {
  x: number;
  width: number;
  size?: number;
  pad?: number;
  /** Repeat the header row at the top of every new page. */
  repeatHeader?: boolean;
}

export class PdfTable {
  private readonly widths: number[];
  private readonly size: number;
  private readonly pad: number;

  constructor(
    private readonly paper: Pick<PdfPaper, 'doc' | 'text'>,
    private readonly columns: TableColumn[],
    private readonly o: TableOptions,
  ) {
    const total = columns.reduce((s, c) => s + c.weight, 0);
    this.widths = columns.map((c) => (c.weight / total) * o.width);
    this.size = o.size ?? 8.5;
    this.pad = o.pad ?? 3;
  }

  private height(cells: string[], bold: boolean): number {
    return Math.max(...cells.map((t, i) => this.paper.text.measure([{ text: t || ' ', bold }], { width: this.widths[i]! - 2 * this.pad, size: this.size }))) + 2 * this.pad;
  }

  /** The header row (shaded, bold). */
  header(): void {
    this.row(this.columns.map((c) => c.title), { bold: true, shade: true });
  }

  /** One row at doc.y; moves to a new page first when it would not fit. */
  row(cells: string[], opts: { bold?: boolean; shade?: boolean } = {}): void {
    const { doc, text } = this.paper;
    const bold = !!opts.bold;
    const h = this.height(cells, bold);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      if (this.o.repeatHeader && !opts.shade) this.header();
    }
    const y = doc.y;
    let x = this.o.x;
    cells.forEach((t, i) => {
      const w = this.widths[i]!;
      if (opts.shade) doc.rect(x, y, w, h).lineWidth(0.5).fillAndStroke('#e8e8e8', '#000000').fillColor('#000000');
      else doc.rect(x, y, w, h).lineWidth(0.5).stroke();
      text.block([{ text: t, bold }], { x: x + this.pad, y: y + this.pad, width: w - 2 * this.pad, size: this.size, align: this.columns[i]?.align ?? 'left' });
      x += w;
    });
    doc.x = this.o.x;
    doc.y = y + h;
  }
}
