import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { WartaError } from '../../../../../shared/contract/errors';
import { decodeWindows1252 } from '../../../../../shared/media/cp1252';
import { yieldToEventLoop } from '../../../time-slice';

export type Cell = string | number | boolean | Date | null;

export interface RawTable {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  /** Every row of the sheet, blank ones included, so line numbers match what the user sees. */
  rows: Cell[][];
  /** Merged ranges (XLSX) with their first and last row, 1-based. */
  merges: { ref: string; top: number; bottom: number }[];
  extraSheets: number;
}

function unsupported(reason: string, message: string): WartaError {
  return new WartaError('unsupported_file', message, { reason });
}

/**
 * What a file really is, from its bytes: a name ending in .csv proves nothing. Returns the
 * rows of the first sheet (XLSX) or of the text (CSV: UTF-8 with or without BOM, UTF-16 with
 * BOM, else Windows-1252; comma, semicolon or tab).
 */
export async function readTable(bytes: Buffer): Promise<RawTable> {
  if (bytes.length === 0) throw unsupported('empty', 'Berkas kosong: tidak ada data untuk diimpor.');
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return readXlsx(bytes);
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw unsupported('xls', 'Berkas ini berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai .xlsx atau CSV, kemudian impor lagi.');
  }
  return await readCsv(bytes);
}

function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  looksBinary(bytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** NUL bytes or many control characters in the first 64 KB: not a text file, whatever its name. */
function looksBinary(bytes: Buffer): void {
  const head = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of head) {
    if (b === 0) throw unsupported('binary', 'Berkas ini bukan teks CSV (berisi data biner). Pilih berkas CSV atau XLSX yang benar.');
    if (b < 9 || (b > 13 && b < 32)) control += 1;
  }
  if (control > head.length * 0.05) throw unsupported('binary', 'Berkas ini bukan teks CSV (berisi data biner). Pilih berkas CSV atau XLSX yang benar.');
}

/** The delimiter that splits the first lines into the same number of fields most often. */
export function detectDelimiter(text: string): string {
  // The first 64 kB hold the 30 lines looked at: splitting the whole text held the core's thread
  // for 100 ms and more on a 5,000-row file (issue 17).
  const lines = text.slice(0, 65536).split(/\r\n|\n|\r/).filter((l) => l.trim()).slice(0, 30);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t']) {
    const counts = lines.map((l) => {
      let n = 0;
      let quoted = false;
      for (const ch of l) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) n += 1;
      }
      return n;
    });
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    const modal = Math.max(0, ...freq.values());
    // Lines agreeing on a field count, weighted by that count (more columns is more telling).
    const [mode] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0];
    const score = modal * 1000 + mode;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Characters of CSV text parsed between two yields: a few milliseconds of Papa's work. */
export const CSV_SLICE_CHARS = 32 * 1024;

async function readCsv(bytes: Buffer): Promise<RawTable> {
  const { text, encoding } = decodeText(bytes);
  if (!/[^\s,;\t"]/.test(text)) throw unsupported('empty', 'Berkas kosong: tidak ada data untuk diimpor.');
  const delimiter = detectDelimiter(text);
  const rows = await parseCsvInSlices(text, delimiter);
  // A trailing newline gives one empty last row.
  while (rows.length && rows[rows.length - 1]?.every((c) => c === null)) rows.pop();
  return { format: 'csv', encoding, delimiter, rows, merges: [], extraSheets: 0 };
}

/**
 * Papa parses the text a slice at a time and the event loop runs between slices, so other calls
 * keep answering while a large file is read (issue 17). Papa carries a row cut by a slice's end
 * over to the next slice itself; the rows come out in file order, as from one whole parse.
 */
function parseCsvInSlices(text: string, delimiter: string): Promise<Cell[][]> {
  return new Promise((resolve, reject) => {
    const rows: Cell[][] = [];
    try {
      Papa.parse<string[]>(text, {
        delimiter,
        skipEmptyLines: false,
        chunkSize: CSV_SLICE_CHARS,
        chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
          for (const r of result.data) rows.push(r.map((c: string) => (c === '' ? null : c)));
          parser.pause();
          void yieldToEventLoop().then(() => {
            try {
              parser.resume();
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          });
        },
        complete: () => resolve(rows),
        error: (err: Error) => reject(err),
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return null;
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<RawTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unsupported('xlsx_broken', 'Berkas XLSX ini rusak atau bukan lembar kerja Excel. Buka dan simpan ulang di Excel, lalu impor lagi.');
  }
  const sheets = wb.worksheets.filter((ws) => ws.actualRowCount > 0);
  const ws = sheets[0];
  if (!ws) throw unsupported('empty', 'Lembar kerja kosong: tidak ada data untuk diimpor.');
  const width = ws.columnCount;
  const rows: Cell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    rows.push(cells);
  }
  // Merged cells: ExcelJS gives every cell of a range the value of its top-left cell. Ranges
  // that span several rows inside the data are reported, so the preview can be checked.
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).flatMap((ref) => {
    const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(ref);
    return m ? [{ ref, top: Number(m[1]), bottom: Number(m[2]) }] : [];
  });
  return { format: 'xlsx', encoding: null, delimiter: null, rows, merges, extraSheets: sheets.length - 1 };
}
