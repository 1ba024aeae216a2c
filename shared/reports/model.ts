/**
 * A report as data: sections of narrative sentences, tables and charts. The core computes it
 * once; the window, the PDF, the DOCX and the XLSX all render this one object, and every chart
 * names the table that holds its numbers (the XLSX carries that table as a sheet).
 */
import type { Period } from './period';

export type CellValue = string | number | null;

export interface ReportColumn {
  title: string;
  kind: 'text' | 'int' | 'percent';
}

export interface ReportTable {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: CellValue[][];
  /** Rows naming something deleted during or after the period: still counted, marked in the text. */
  note: string | null;
}

export interface ReportChart {
  id: string;
  title: string;
  /** The table holding this chart's numbers. */
  tableId: string;
  /** Bars along the categories; horizontal when labels are long (outlets, OPDs). */
  orientation: 'vertical' | 'horizontal';
  categories: string[];
  series: { name: string; values: number[] }[];
}

export interface ReportSection {
  /** `comparison`: a year's report only, the year beside the year before. */
  id: 'releases' | 'coverage' | 'partnerships' | 'distribution' | 'agenda' | 'requests' | 'publicdesk' | 'campaigns' | 'comparison';
  title: string;
  /** Sentences generated from the numbers, in Indonesian. */
  summary: string[];
  tables: ReportTable[];
  charts: ReportChart[];
}

export interface Report {
  title: string;
  period: Period;
  periodTitle: string;
  office: { institution: string; unit: string; city: string };
  /** When the numbers were read, and the change-log position they reflect (one read transaction). */
  asOfMs: number;
  snapshot: string;
  targetMinutes: number;
  /** True when the period holds no data at all: the report says so instead of drawing empty charts. */
  empty: boolean;
  sections: ReportSection[];
}
