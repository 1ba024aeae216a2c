/**
 * The PPID's registers (UU 14/2008; Perki 1/2021): the register of information requests and the
 * register of objections for one year, one row per numbered item in number order, with the
 * columns the register asks for. A duplicate merged into another item keeps its row (its number
 * was given out) and says where it went. Printed by register-pdf.ts and register-xlsx.ts.
 */
import { dateKey } from '../../../../shared/agenda/zones';
import { itemNumber, type Decision, type DeskKind } from '../../../../shared/publicdesk/model';
import { COPY_BY_WORDS, DECISION_WORDS, RECEIVE_BY_WORDS } from '../../../../shared/publicdesk/paper-words';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { CoreContext } from '../../rpc/handler-types';
import { officeZone } from '../agenda/settings';
import { numberOf, type ItemRow } from './rows';

export type RegisterKind = Extract<DeskKind, 'info_request' | 'objection'>;
export type RegisterCell = string | number | null;

export interface RegisterColumn {
  title: string;
  /** Share of the printed table's width. */
  weight: number;
  /** `date`: a date key (YYYY-MM-DD), a date cell in the workbook; `money`: whole rupiah. */
  type: 'text' | 'date' | 'money' | 'int';
}

export interface DeskRegister {
  kind: RegisterKind;
  title: string;
  year: number;
  columns: RegisterColumn[];
  rows: RegisterCell[][];
}

const col = (title: string, weight: number, type: RegisterColumn['type'] = 'text'): RegisterColumn => ({ title, weight, type });

const COLUMNS: Record<RegisterKind, RegisterColumn[]> = {
  info_request: [
    col('No', 0.5, 'int'),
    col('Nomor pendaftaran', 1.55),
    col('Tanggal permohonan', 1.1, 'date'),
    col('Nama pemohon', 1.4),
    col('Alamat dan kontak', 1.8),
    col('Informasi yang diminta', 2.35),
    col('Tujuan penggunaan', 1.8),
    col('Cara memperoleh informasi', 1.3),
    col('Cara mendapatkan salinan', 1.2),
    col('Keputusan', 1.2),
    col('Dasar hukum pengecualian', 1.8),
    col('Tanggal dijawab', 1.1, 'date'),
    col('Biaya (Rp)', 0.9, 'money'),
  ],
  objection: [
    col('No', 0.5, 'int'),
    col('Nomor registrasi keberatan', 1.55),
    col('Tanggal keberatan', 1.1, 'date'),
    col('Nama pemohon', 1.5),
    col('Alamat dan kontak', 1.9),
    col('Alasan keberatan', 2.75),
    col('Tujuan penggunaan', 1.8),
    col('Batas waktu tanggapan', 1.1, 'date'),
    col('Keputusan', 1.2),
    col('Dasar hukum pengecualian', 1.9),
    col('Tanggal ditanggapi', 1.1, 'date'),
  ],
};

const TITLES: Record<RegisterKind, string> = {
  info_request: 'REGISTER PERMOHONAN INFORMASI PUBLIK',
  objection: 'REGISTER KEBERATAN ATAS PERMOHONAN INFORMASI PUBLIK',
};

const contactOf = (r: ItemRow) => [r.person_address, r.person_phone, r.person_email].filter((s) => s && s.trim() !== '').join('\n');
const dayOf = (at: string | null, zone: ZoneLabel) => (at ? dateKey(Date.parse(at), zone) : null);

function decisionOf(r: ItemRow, mergedNumber: string): string {
  if (r.status === 'merged') return mergedNumber ? `Digabung ke ${mergedNumber}` : 'Digabung';
  return r.decision ? (DECISION_WORDS[r.decision as Decision] ?? r.decision) : 'Belum diputuskan';
}

/** The register of `kind` for `year` (the numbering year), in number order. */
export function deskRegister(ctx: CoreContext, kind: RegisterKind, year: number): DeskRegister {
  const zone = officeZone(ctx);
  const rows = ctx.db.prepare('SELECT * FROM publicdesk_items WHERE kind = ? AND year = ? AND deleted_at IS NULL ORDER BY seq, id').all(kind, year) as ItemRow[];
  const numberById = new Map<string, string>();
  const into = [...new Set(rows.map((r) => r.merged_into).filter((x): x is string => !!x))];
  for (const id of into) {
    const t = ctx.db.prepare('SELECT kind, year, seq FROM publicdesk_items WHERE id = ?').get(id) as Pick<ItemRow, 'kind' | 'year' | 'seq'> | undefined;
    if (t) numberById.set(id, itemNumber((t.kind ?? kind) as DeskKind, t.year, t.seq));
  }
  const out = rows.map((r, i): RegisterCell[] => {
    const answered = dayOf(r.decided_at ?? r.replied_at, zone);
    const decision = decisionOf(r, numberById.get(r.merged_into ?? '') ?? '');
    const basis = r.decision && r.decision !== 'granted' ? (r.exemption_basis ?? '') : '';
    const person = r.person_name ?? '';
    return kind === 'info_request'
      ? [
          i + 1,
          numberOf(r),
          r.received_date,
          person,
          contactOf(r),
          r.body ?? '',
          r.purpose ?? '',
          RECEIVE_BY_WORDS[r.receive_by ?? ''] ?? '',
          COPY_BY_WORDS[r.copy_by ?? ''] ?? '',
          decision,
          basis,
          answered,
          r.fee,
        ]
      : [i + 1, numberOf(r), r.received_date, person, contactOf(r), r.body ?? '', r.purpose ?? '', r.due_date, decision, basis, answered];
  });
  return { kind, title: TITLES[kind], year, columns: COLUMNS[kind], rows: out };
}
