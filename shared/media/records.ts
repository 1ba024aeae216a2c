import { columnsOf, type ColumnMapping, type ImportKind } from './columns';
import { parseDateCell } from './dates';
import { unescapeFormula } from './formula';
import { normalizeEmail, normalizePhone } from './phone';
import { parseOutletKind, parsePressCouncil, parseUkwLevel, fold, type ConsentState, type OutletKind, type PressCouncilStatus, type UkwLevel } from './vocabulary';

export interface OutletRecord {
  name: string;
  kind: OutletKind | null;
  legalEntity: string | null;
  pressCouncilStatus: PressCouncilStatus | null;
  pressCouncilCertNo: string | null;
  pressCouncilCertDate: string | null;
  editorInChief: string | null;
  personInCharge: string | null;
  region: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  circulation: number | null;
  monthlyTraffic: number | null;
  broadcastLicence: string | null;
}

export interface JournalistRecord {
  name: string;
  outletName: string | null;
  outletKind: OutletKind | null;
  role: string | null;
  beat: string | null;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
  ukwLevel: UkwLevel | null;
  ukwNumber: string | null;
  ukwValidUntil: string | null;
  pressCardNo: string | null;
  dataSource: string | null;
  consent: ConsentState | null;
}

export type IssueCode =
  | 'required'
  | 'too_long'
  | 'phone_invalid'
  | 'email_invalid'
  | 'kind_unknown'
  | 'status_unknown'
  | 'ukw_unknown'
  | 'date_invalid'
  | 'number_invalid'
  | 'consent_unknown';

/** An error keeps the row out of the import; a warning drops only the value it names. */
export interface RowIssue {
  field: string;
  code: IssueCode;
  severity: 'error' | 'warning';
  /** The cell as read, cut to 60 characters. */
  value?: string;
  max?: number;
}

/** Longest text accepted per field (the replicated field specs allow these). */
const MAX: Record<string, number> = {
  name: 160, outletName: 200, legalEntity: 200, pressCouncilCertNo: 80, editorInChief: 160, personInCharge: 160, region: 120,
  address: 400, website: 300, broadcastLicence: 120, role: 80, beat: 160, ukwNumber: 60, pressCardNo: 60, dataSource: 200,
};

type Cell = string | number | boolean | Date | null | undefined;

/** Fields that hold several lines (a multi-line address in a quoted CSV cell keeps its lines). */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['address']);

/**
 * A cell as text. Single-line fields (names, numbers) collapse every run of whitespace to one
 * space; multi-line fields keep their line breaks and tidy each line.
 */
export function cellText(cell: Cell, multiline = false): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const s = String(cell);
  if (!multiline) return unescapeFormula(s.replace(/\s+/g, ' ').trim());
  const lines = s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[^\S\n]+/g, ' ').trim())
    .filter(Boolean);
  return unescapeFormula(lines.join('\n'));
}

/**
 * What spreadsheets write for "nothing here": "-", "n/a", "null" … They become empty only in
 * the columns the import preview says so (it counts them per column; the officer can keep
 * them as text, e.g. a beat really called "NA").
 */
const PLACEHOLDERS = new Set(['-', '--', '—', 'n/a', 'na', 'tidak ada', 'belum ada', 'null', 'nil', '#n/a']);

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(text.trim().toLowerCase());
}

export interface RecordOptions {
  /** Fields whose placeholder cells are kept as written instead of read as empty. */
  keepPlaceholders?: ReadonlySet<string>;
}

export function toRecord(kind: 'outlets', cells: readonly Cell[], mapping: ColumnMapping, options?: RecordOptions): { record: OutletRecord | null; issues: RowIssue[] };
export function toRecord(kind: 'journalists', cells: readonly Cell[], mapping: ColumnMapping, options?: RecordOptions): { record: JournalistRecord | null; issues: RowIssue[] };
export function toRecord(kind: ImportKind, cells: readonly Cell[], mapping: ColumnMapping, options?: RecordOptions): { record: OutletRecord | JournalistRecord | null; issues: RowIssue[] };
/** One sheet row → a record of `kind`, with what was wrong in it. */
export function toRecord(kind: ImportKind, cells: readonly Cell[], mapping: ColumnMapping, options: RecordOptions = {}): { record: OutletRecord | JournalistRecord | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const keep = options.keepPlaceholders ?? new Set<string>();
  const blank = (field: string, t: string) => t === '' || (!keep.has(field) && isPlaceholder(t));
  const raw: Record<string, Cell> = {};
  mapping.forEach((field, i) => {
    if (field && raw[field] === undefined) raw[field] = cells[i];
  });
  const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
  const text = (field: string): string | null => {
    const t = cellText(raw[field], MULTILINE_FIELDS.has(field));
    if (blank(field, t)) return null;
    const max = MAX[field] ?? 160;
    if (t.length > max) {
      issues.push({ field, code: 'too_long', severity: 'error', value: cut(t), max });
      return null;
    }
    return t;
  };
  const parsed = <T>(field: string, parse: (t: string) => T | null, code: IssueCode): T | null => {
    const t = cellText(raw[field]);
    if (blank(field, t)) return null;
    const v = parse(t);
    if (v === null) issues.push({ field, code, severity: 'warning', value: cut(t) });
    return v;
  };
  const phone = (field: string): string | null => {
    const c = raw[field];
    const t = cellText(c);
    if (blank(field, t)) return null;
    const r = normalizePhone(typeof c === 'number' ? c : t);
    if (!r.ok) {
      issues.push({ field, code: 'phone_invalid', severity: 'warning', value: cut(t) });
      return null;
    }
    return r.value;
  };
  const email = (field: string) => parsed(field, normalizeEmail, 'email_invalid');
  const date = (field: string): string | null => {
    const c = raw[field];
    if (c instanceof Date || typeof c === 'number') {
      const d = parseDateCell(c);
      if (!d) issues.push({ field, code: 'date_invalid', severity: 'warning', value: String(c) });
      return d;
    }
    return parsed(field, parseDateCell, 'date_invalid');
  };
  const count = (field: string) =>
    parsed(field, (t) => {
      const n = Number(t.replace(/[.\s]/g, '').replace(',', '.'));
      return Number.isSafeInteger(n) && n >= 0 ? n : null;
    }, 'number_invalid');

  const name = text('name');
  if (!name && !issues.some((i) => i.field === 'name')) issues.push({ field: 'name', code: 'required', severity: 'error' });

  if (kind === 'outlets') {
    const record: OutletRecord = {
      name: name ?? '',
      kind: parsed('kind', parseOutletKind, 'kind_unknown'),
      legalEntity: text('legalEntity'),
      pressCouncilStatus: parsed('pressCouncilStatus', parsePressCouncil, 'status_unknown'),
      pressCouncilCertNo: text('pressCouncilCertNo'),
      pressCouncilCertDate: date('pressCouncilCertDate'),
      editorInChief: text('editorInChief'),
      personInCharge: text('personInCharge'),
      region: text('region'),
      address: text('address'),
      phone: phone('phone'),
      email: email('email'),
      website: text('website'),
      circulation: count('circulation'),
      monthlyTraffic: count('monthlyTraffic'),
      broadcastLicence: text('broadcastLicence'),
    };
    return { record: issues.some((i) => i.severity === 'error') ? null : record, issues };
  }
  const record: JournalistRecord = {
    name: name ?? '',
    outletName: text('outletName'),
    outletKind: parsed('outletKind', parseOutletKind, 'kind_unknown'),
    role: text('role'),
    beat: text('beat'),
    phone: phone('phone'),
    whatsapp: phone('whatsapp'),
    email: email('email'),
    ukwLevel: parsed('ukwLevel', parseUkwLevel, 'ukw_unknown'),
    ukwNumber: text('ukwNumber'),
    ukwValidUntil: date('ukwValidUntil'),
    pressCardNo: text('pressCardNo'),
    dataSource: text('dataSource'),
    consent: parsed('consent', parseConsent, 'consent_unknown'),
  };
  return { record: issues.some((i) => i.severity === 'error') ? null : record, issues };
}

export function parseConsent(raw: string): ConsentState | null {
  const f = fold(raw);
  if (/^(belum|tidak diketahui|tidak tahu|unknown)\b/.test(f)) return 'unknown';
  if (/^(ya|ada|setuju|bersedia|sudah|given|yes|y)\b/.test(f)) return 'given';
  if (/^(tidak|menolak|dicabut|ditarik|withdrawn|no|n)\b/.test(f)) return 'withdrawn';
  return null;
}

/** Fields of `kind` that a mapping must include. */
export function missingRequired(kind: ImportKind, mapping: ColumnMapping): string[] {
  return columnsOf(kind)
    .filter((c) => c.required && !mapping.includes(c.field))
    .map((c) => c.field);
}
