import { internalNotes, type DaySheet, type DaySheetRow } from '../../../../shared/agenda/day-sheet';

/**
 * The columns of the internal protocol sheet (PDF and DOCX alike). The sheet for all leaders
 * adds who attends each item; the aide's contact and the protocol notes are internal.
 */
export interface SheetColumn {
  title: string;
  weight: number;
  value: (r: DaySheetRow) => string;
}

export function sheetColumns(sheet: Pick<DaySheet, 'allLeaders'>): SheetColumn[] {
  const cols: (SheetColumn | null)[] = [
    { title: 'No', weight: 0.4, value: (r) => String(r.no) },
    { title: 'Waktu', weight: 1.3, value: (r) => r.time },
    { title: 'Acara', weight: 2.2, value: (r) => r.title },
    sheet.allLeaders ? { title: 'Pimpinan', weight: 1.5, value: (r) => r.leaders } : null,
    { title: 'Tempat', weight: 1.5, value: (r) => r.place },
    { title: 'Pakaian', weight: 0.8, value: (r) => r.dressCode },
    { title: 'Peran', weight: 0.9, value: (r) => r.role },
    { title: 'Pendamping', weight: 1.4, value: (r) => r.companions },
    { title: 'Ajudan/ADC', weight: 1.2, value: (r) => r.aide },
    { title: 'Keterangan', weight: 1.4, value: (r) => internalNotes(r) },
  ];
  return cols.filter((c): c is SheetColumn => c !== null);
}
