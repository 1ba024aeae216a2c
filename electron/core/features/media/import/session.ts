import { WartaError } from '../../../../../shared/contract/errors';
import { columnsOf, guessMapping, headerScore, type ColumnMapping, type ImportKind } from '../../../../../shared/media/columns';
import { dedupeKeys, normalizeName } from '../../../../../shared/media/dedupe';
import { isPlaceholder, missingRequired, toRecord, type JournalistRecord, type OutletRecord, type RowIssue } from '../../../../../shared/media/records';
import type { DuplicateDecision, ImportPreview, ImportRowView } from '../../../../../shared/media/types';
import { fold } from '../../../../../shared/media/vocabulary';
import type { CoreContext } from '../../../rpc/handler-types';
import { BatchSizer, yieldToEventLoop } from '../../../time-slice';
import { readTable, type Cell } from './read-table';

const STAGE_CHUNK = 5000;
const PREVIEW_ROWS = 100;

/** Per-core state of running imports: cancel flags by session. */
const cancelFlags = new WeakMap<CoreContext, Set<string>>();
function flags(ctx: CoreContext): Set<string> {
  let set = cancelFlags.get(ctx);
  if (!set) cancelFlags.set(ctx, (set = new Set()));
  return set;
}
export function requestCancel(ctx: CoreContext, sessionId: string): void {
  flags(ctx).add(sessionId);
}
export function takeCancel(ctx: CoreContext, sessionId: string): boolean {
  return flags(ctx).delete(sessionId);
}
export function cancelledError(): WartaError {
  return new WartaError('conflict', 'Impor dibatalkan; tidak ada data yang ditambahkan atau diubah.', { reason: 'cancelled' });
}

/** Lets other calls (a cancel, a search) run between chunks of a long job. */
export const yieldToOthers = yieldToEventLoop;

export interface SessionInfo {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headerLine: number;
  headers: string[];
  samples: string[][];
  warnings: ImportPreview['warnings'];
  rowCount: number;
  /** Per column: how many cells read like "-", "n/a", "null" (placeholders for nothing). */
  placeholders?: number[];
  /** Columns whose placeholders are kept as text (the officer said so in the preview). */
  keepPlaceholders?: number[];
}

interface SessionRow {
  id: string;
  file_name: string;
  kind: ImportKind;
  info: string;
  mapping: string | null;
  status: string;
  batch_id: string | null;
}

export function readSession(ctx: CoreContext, id: string): SessionRow & { parsedInfo: SessionInfo; parsedMapping: ColumnMapping } {
  const row = ctx.db.prepare('SELECT * FROM media_import_session WHERE id = ?').get(id) as SessionRow | undefined;
  if (!row) throw new WartaError('not_found', 'Sesi impor tidak ditemukan; mulai impor lagi.', { sessionId: id });
  return { ...row, parsedInfo: JSON.parse(row.info) as SessionInfo, parsedMapping: JSON.parse(row.mapping ?? '[]') as ColumnMapping };
}

const isBlank = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
const text = (c: Cell) => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim());

/** Reads the file, finds its header row, stages every data row, guesses the mapping, checks it. */
export async function openSession(
  ctx: CoreContext,
  input: { sessionId: string; fileName: string; kind: ImportKind; bytes: Buffer; presetMapping?: Record<string, string> },
): Promise<ImportPreview> {
  const { sessionId, kind } = input;
  const progress = (label: string, done: number, total: number | null, finished = false) =>
    ctx.events.emit('progress', { jobId: sessionId, label, done, total, finished });
  progress('Membaca berkas', 0, null);
  const table = await readTable(input.bytes);
  await yieldToOthers();

  // The header row: among the first 30 rows, the one that reads most like our headers.
  let headerIdx = -1;
  let best = 0;
  for (let i = 0; i < Math.min(30, table.rows.length); i++) {
    const row = table.rows[i] as Cell[];
    const score = headerScore(row.map(text), kind);
    if (score > best) {
      best = score;
      headerIdx = i;
    }
  }
  if (headerIdx < 0) headerIdx = table.rows.findIndex((r) => r.filter((c) => text(c)).length >= 2);
  if (headerIdx < 0) throw new WartaError('unsupported_file', 'Baris judul kolom tidak ditemukan: berkas harus punya baris berisi nama kolom, misalnya "Nama Media", "Jenis", "No HP".', { reason: 'no_header' });

  const headerCells = (table.rows[headerIdx] as Cell[]).map(text);
  let width = headerCells.length;
  while (width > 0 && !headerCells[width - 1]) width -= 1;
  const headers = headerCells.slice(0, width).map((h, i) => h || `Kolom ${columnLetter(i)}`);
  const titleRows = table.rows.slice(0, headerIdx).filter((r) => !isBlank(r)).length;

  const mapping: ColumnMapping = input.presetMapping
    ? headers.map((h) => input.presetMapping?.[fold(h)] ?? null)
    : guessMapping(headers, kind);

  ctx.db.prepare('DELETE FROM media_import_row WHERE session_id = ?').run(sessionId);
  const insert = ctx.db.prepare('INSERT INTO media_import_row (session_id, row_no, cells) VALUES (?, ?, ?)');
  let staged = 0;
  let blank = 0;
  const placeholders = new Array<number>(width).fill(0);
  const total = table.rows.length - headerIdx - 1;
  // Transactions of about a slice each (time-slice.ts): other calls keep answering meanwhile.
  // A floor of 100 rows, not 1,000: 1,000 rows under load held the thread 40–100 ms.
  const sizer = new BatchSizer(200, STAGE_CHUNK, 100);
  for (let start = headerIdx + 1; start < table.rows.length; ) {
    if (takeCancel(ctx, sessionId)) {
      discardSession(ctx, sessionId);
      progress('Dibatalkan', staged, total, true);
      throw cancelledError();
    }
    const end = Math.min(start + sizer.next, table.rows.length);
    sizer.run(end - start, () =>
      ctx.db.transaction(() => {
        for (let i = start; i < end; i++) {
          const cells = (table.rows[i] as Cell[]).slice(0, Math.max(width, 1));
          if (isBlank(cells)) {
            blank += 1;
            continue;
          }
          insert.run(sessionId, i, JSON.stringify(cells));
          staged += 1;
          cells.forEach((c, col) => {
            if (col < width && typeof c === 'string' && isPlaceholder(c)) placeholders[col] = (placeholders[col] ?? 0) + 1;
          });
        }
      })(),
    );
    start = end;
    progress('Menyiapkan pratinjau', end - headerIdx - 1, total);
    await yieldToOthers();
  }
  if (staged === 0) {
    discardSession(ctx, sessionId);
    throw new WartaError('unsupported_file', 'Berkas hanya berisi judul kolom; tidak ada baris data untuk diimpor.', { reason: 'no_rows' });
  }

  const warnings: ImportPreview['warnings'] = [];
  if (titleRows) warnings.push({ code: 'title_rows', count: titleRows });
  if (blank) warnings.push({ code: 'blank_rows', count: blank });
  const mergedInData = table.merges.filter((m) => m.bottom > m.top && m.bottom > headerIdx + 1);
  if (mergedInData.length) warnings.push({ code: 'merged_cells', count: mergedInData.length, detail: mergedInData.slice(0, 5).map((m) => m.ref).join(', ') });
  if (table.extraSheets) warnings.push({ code: 'extra_sheets', count: table.extraSheets });

  const samples = headers.map((_, c) =>
    table.rows
      .slice(headerIdx + 1)
      .filter((r) => !isBlank(r))
      .slice(0, 3)
      .map((r) => text(r[c] ?? null).slice(0, 40)),
  );
  const info: SessionInfo = { format: table.format, encoding: table.encoding, delimiter: table.delimiter, headerLine: headerIdx + 1, headers, samples, warnings, rowCount: staged, placeholders, keepPlaceholders: [] };
  ctx.db
    .prepare("INSERT OR REPLACE INTO media_import_session (id, file_name, kind, created_at, info, mapping, status) VALUES (?, ?, ?, ?, ?, NULL, 'staged')")
    .run(sessionId, input.fileName, kind, new Date(ctx.now()).toISOString(), JSON.stringify(info));
  return analyzeSession(ctx, sessionId, mapping);
}

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function discardSession(ctx: CoreContext, sessionId: string): void {
  ctx.db.prepare('DELETE FROM media_import_row WHERE session_id = ?').run(sessionId);
  ctx.db.prepare('DELETE FROM media_import_session WHERE id = ?').run(sessionId);
}

/**
 * `discardSession` after a finished import, its staged rows deleted a few hundred at a time with
 * the event loop free between (issue 17: 5,000 rows in one statement held the thread 40+ ms).
 * The session goes last: stopped half-way, what is left is a whole session with fewer rows,
 * discarded with the next try.
 */
export async function discardSessionInSlices(ctx: CoreContext, sessionId: string): Promise<void> {
  const step = ctx.db.prepare(
    'DELETE FROM media_import_row WHERE session_id = ? AND row_no IN (SELECT row_no FROM media_import_row WHERE session_id = ? ORDER BY row_no LIMIT 500)',
  );
  while (step.run(sessionId, sessionId).changes > 0) await yieldToEventLoop();
  discardSession(ctx, sessionId);
}

/** Existing live records by duplicate key, to find the file's rows already in the directory. */
function existingKeys(ctx: CoreContext, kind: ImportKind): Map<string, { id: string; name: string }> {
  const map = new Map<string, { id: string; name: string }>();
  if (kind === 'outlets') {
    for (const r of ctx.db.prepare('SELECT id, name, phone, email FROM media_outlet WHERE deleted_at IS NULL').iterate() as IterableIterator<{ id: string; name: string | null; phone: string | null; email: string | null }>) {
      for (const k of dedupeKeys({ name: r.name ?? '', phone: r.phone, email: r.email }, 'outlet')) if (!map.has(k)) map.set(k, { id: r.id, name: r.name ?? '' });
    }
  } else {
    for (const r of ctx.db.prepare('SELECT id, name, phone, email FROM media_journalist WHERE deleted_at IS NULL AND erased_at IS NULL').iterate() as IterableIterator<{ id: string; name: string | null; phone: string | null; email: string | null }>) {
      for (const k of dedupeKeys({ name: r.name ?? '', phone: r.phone, email: r.email }, 'journalist')) if (!map.has(k)) map.set(k, { id: r.id, name: r.name ?? '' });
    }
  }
  return map;
}

/** Checks every staged row against `mapping`, finds duplicates in the file and in the directory. */
export async function analyzeSession(ctx: CoreContext, sessionId: string, mapping: ColumnMapping, keepPlaceholders?: number[]): Promise<ImportPreview> {
  const session = readSession(ctx, sessionId);
  if (session.status !== 'staged') throw new WartaError('conflict', 'Impor ini sudah dijalankan atau dibatalkan; mulai impor baru.', { status: session.status });
  const kind = session.kind;
  const width = session.parsedInfo.headers.length;
  const clean = Array.from({ length: width }, (_, i) => mapping[i] ?? null);
  const known = new Set(columnsOf(kind).map((c) => c.field));
  const used = new Set<string>();
  for (let i = 0; i < clean.length; i++) {
    const f = clean[i];
    if (f && (!known.has(f) || used.has(f))) throw new WartaError('invalid_input', `Pemetaan kolom tidak sah: "${f}" ${used.has(f) ? 'dipakai dua kali' : 'tidak dikenal'}.`, { field: f });
    if (f) used.add(f);
  }
  const info = session.parsedInfo;
  if (keepPlaceholders) info.keepPlaceholders = [...new Set(keepPlaceholders.filter((i) => i >= 0 && i < width))].sort((a, b) => a - b);
  const keep = new Set((info.keepPlaceholders ?? []).map((i) => clean[i]).filter((f): f is string => !!f));
  const db = existingKeys(ctx, kind);
  const inFile = new Map<string, number>();
  const update = ctx.db.prepare('UPDATE media_import_row SET record = ?, issues = ?, dup_kind = ?, dup_of = ?, decision = ? WHERE session_id = ? AND row_no = ?');
  const dupKind = kind === 'outlets' ? 'outlet' : 'journalist';
  const rows = ctx.db.prepare('SELECT row_no, cells, decision, dup_kind FROM media_import_row WHERE session_id = ? ORDER BY row_no').all(sessionId) as {
    row_no: number;
    cells: string;
    decision: string | null;
    dup_kind: string | null;
  }[];
  const check = (row: (typeof rows)[number]) => {
    const { record, issues } = toRecord(kind, JSON.parse(row.cells) as Cell[], clean, { keepPlaceholders: keep });
    let dup: { kind: 'file' | 'db'; of: string } | null = null;
    if (record) {
      const keys = dedupeKeys(record, dupKind);
      for (const k of keys) {
        const existing = db.get(k);
        if (existing) {
          dup = { kind: 'db', of: existing.id };
          break;
        }
        const earlier = inFile.get(k);
        if (earlier !== undefined) {
          dup = { kind: 'file', of: String(earlier) };
          break;
        }
      }
      if (!dup || dup.kind === 'db') for (const k of keys) if (!inFile.has(k)) inFile.set(k, row.row_no);
    }
    // A choice the user made survives a change of mapping while the duplicate stays the same kind.
    const decision = dup ? (row.dup_kind === dup.kind && row.decision ? row.decision : dup.kind === 'file' ? 'skip' : 'merge') : null;
    update.run(record ? JSON.stringify(record) : null, JSON.stringify(issues), dup?.kind ?? null, dup?.of ?? null, decision, sessionId, row.row_no);
  };
  // Transactions of about a slice each (time-slice.ts); the mapping is stored with the last one.
  // A floor of 100 rows, not 500: 500 rows under load held the thread 30–100 ms.
  const sizer = new BatchSizer(200, 5000, 100);
  for (let start = 0; start === 0 || start < rows.length; ) {
    const end = Math.min(start + sizer.next, rows.length);
    sizer.run(end - start, () =>
      ctx.db.transaction(() => {
        for (let i = start; i < end; i++) check(rows[i] as (typeof rows)[number]);
        if (end === rows.length) ctx.db.prepare('UPDATE media_import_session SET mapping = ?, info = ? WHERE id = ?').run(JSON.stringify(clean), JSON.stringify(info), sessionId);
      })(),
    );
    start = end;
    if (start < rows.length) await yieldToEventLoop();
    else break;
  }
  return preview(ctx, sessionId);
}

export function preview(ctx: CoreContext, sessionId: string): ImportPreview {
  const s = readSession(ctx, sessionId);
  const info = s.parsedInfo;
  const c = ctx.db
    .prepare(
      `SELECT count(*) AS rows,
         sum(record IS NOT NULL) AS valid,
         sum(record IS NULL) AS errors,
         sum(record IS NOT NULL AND issues <> '[]') AS warnings,
         sum(dup_kind = 'file') AS dup_file,
         sum(dup_kind = 'db') AS dup_db,
         sum(record IS NOT NULL AND (dup_kind IS NULL OR decision = 'create')) AS to_create,
         sum(record IS NOT NULL AND dup_kind = 'db' AND decision = 'merge') AS to_merge,
         sum(record IS NULL OR decision = 'skip' OR (dup_kind = 'file' AND decision = 'merge')) AS to_skip
       FROM media_import_row WHERE session_id = ?`,
    )
    .get(sessionId) as Record<string, number | null>;
  const n = (k: string) => c[k] ?? 0;
  const mapping = s.parsedMapping;
  const unmapped = info.headers.filter((_, i) => !mapping[i]);
  const warnings = [...info.warnings];
  if (unmapped.length) warnings.push({ code: 'unknown_columns', count: unmapped.length, detail: unmapped.slice(0, 8).join(', ') });
  return {
    sessionId,
    fileName: s.file_name,
    kind: s.kind,
    format: info.format,
    encoding: info.encoding,
    delimiter: info.delimiter,
    headerLine: info.headerLine,
    columns: info.headers.map((header, index) => ({
      index,
      header,
      samples: info.samples[index] ?? [],
      placeholders: info.placeholders?.[index] ?? 0,
      placeholdersEmpty: !(info.keepPlaceholders ?? []).includes(index),
    })),
    mapping,
    unmapped,
    missingRequired: missingRequired(s.kind, mapping),
    warnings,
    counts: {
      rows: n('rows'),
      valid: n('valid'),
      errors: n('errors'),
      warnings: n('warnings'),
      duplicatesInFile: n('dup_file'),
      duplicatesInDb: n('dup_db'),
      toCreate: n('to_create'),
      toMerge: n('to_merge'),
      toSkip: n('to_skip'),
    },
    rows: readRows(ctx, sessionId, 'problems', 0, PREVIEW_ROWS).rows,
  };
}

const VIEW_SQL: Record<string, string> = {
  all: '',
  errors: 'AND record IS NULL',
  warnings: "AND record IS NOT NULL AND issues <> '[]'",
  duplicates: 'AND dup_kind IS NOT NULL',
  problems: '',
};

export function readRows(ctx: CoreContext, sessionId: string, view: string, offset: number, limit: number): { total: number; rows: ImportRowView[] } {
  const where = VIEW_SQL[view] ?? '';
  const order = view === 'problems' ? "ORDER BY (record IS NULL) DESC, (dup_kind IS NOT NULL) DESC, (issues <> '[]') DESC, row_no" : 'ORDER BY row_no';
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM media_import_row WHERE session_id = ? ${where}`).get(sessionId) as { n: number }).n;
  const rows = ctx.db
    .prepare(`SELECT row_no, record, issues, dup_kind, dup_of, decision FROM media_import_row WHERE session_id = ? ${where} ${order} LIMIT ? OFFSET ?`)
    .all(sessionId, limit, offset) as { row_no: number; record: string | null; issues: string | null; dup_kind: string | null; dup_of: string | null; decision: string | null }[];
  const kind = readSession(ctx, sessionId).kind;
  const nameOf = ctx.db.prepare(`SELECT name FROM ${kind === 'outlets' ? 'media_outlet' : 'media_journalist'} WHERE id = ?`);
  return {
    total,
    rows: rows.map((r) => ({
      rowNo: r.row_no,
      sourceLine: r.row_no + 1,
      record: r.record ? (JSON.parse(r.record) as OutletRecord | JournalistRecord) : null,
      issues: JSON.parse(r.issues ?? '[]') as RowIssue[],
      duplicate:
        r.dup_kind === 'file'
          ? { kind: 'file', ofLine: Number(r.dup_of) + 1 }
          : r.dup_kind === 'db'
            ? { kind: 'db', id: r.dup_of ?? '', name: (nameOf.get(r.dup_of) as { name: string | null } | undefined)?.name ?? '' }
            : null,
      decision: (r.decision as DuplicateDecision | null) ?? null,
    })),
  };
}

export function decide(ctx: CoreContext, sessionId: string, rows: number[] | 'allDuplicates', decision: DuplicateDecision): ImportPreview {
  const s = readSession(ctx, sessionId);
  if (s.status !== 'staged') throw new WartaError('conflict', 'Impor ini sudah dijalankan; pilihan tidak dapat diubah lagi.');
  if (rows === 'allDuplicates') {
    // Merging a row into an earlier row of the same file means keeping the first: a skip.
    ctx.db.prepare("UPDATE media_import_row SET decision = CASE WHEN dup_kind = 'file' AND ? = 'merge' THEN 'skip' ELSE ? END WHERE session_id = ? AND dup_kind IS NOT NULL").run(decision, decision, sessionId);
  } else {
    const stmt = ctx.db.prepare('UPDATE media_import_row SET decision = ? WHERE session_id = ? AND row_no = ? AND dup_kind IS NOT NULL');
    ctx.db.transaction(() => {
      for (const r of rows) stmt.run(decision, sessionId, r);
    })();
  }
  return preview(ctx, sessionId);
}

export { normalizeName };
