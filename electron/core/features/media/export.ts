import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { WartaError } from '../../../../shared/contract/errors';
import { columnsOf, type ImportKind } from '../../../../shared/media/columns';
import type { OutletFilter } from '../../../../shared/media/filters';
import { escapeFormula } from '../../../../shared/media/formula';
import type { ExportedFile } from '../../../../shared/media/types';
import type { Caller } from '../../caller';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { scrubbed } from '../../db/scrub';
import { outletWhere } from './directory';
import { JOURNALIST_SELECT, officeZone, readJournalistRow, todayIn, toJournalist, toPersonal, type JournalistRowDb, type OutletRowDb } from './rows';

/** The words written for stored values: the importer reads each of them back to the same value. */
export const KIND_LABEL: Record<string, string> = { print: 'Cetak', online: 'Siber', tv: 'Televisi', radio: 'Radio', social: 'Media sosial' };
export const PRESS_LABEL: Record<string, string> = {
  none: 'Belum terdaftar',
  registered: 'Terdaftar',
  administrative: 'Terverifikasi administratif',
  factual: 'Terverifikasi faktual',
};
export const UKW_LABEL: Record<string, string> = { muda: 'Muda', madya: 'Madya', utama: 'Utama' };
export const CONSENT_LABEL: Record<string, string> = { given: 'Ya', withdrawn: 'Dicabut', unknown: 'Belum diketahui' };

type Value = string | number | null;

function outletCells(r: OutletRowDb): Record<string, Value> {
  return {
    name: r.name,
    kind: r.kind ? (KIND_LABEL[r.kind] ?? r.kind) : null,
    legalEntity: r.legal_entity,
    pressCouncilStatus: PRESS_LABEL[r.press_council_status ?? 'none'] ?? null,
    pressCouncilCertNo: r.press_council_cert_no,
    pressCouncilCertDate: r.press_council_cert_date,
    editorInChief: r.editor_in_chief,
    personInCharge: r.person_in_charge,
    region: r.region,
    address: r.address,
    phone: r.phone,
    email: r.email,
    website: r.website,
    circulation: r.circulation,
    monthlyTraffic: r.monthly_traffic,
    broadcastLicence: r.broadcast_licence,
  };
}

function journalistCells(r: JournalistRowDb & { outlet_kind?: string | null }): Record<string, Value> {
  return {
    name: r.name,
    outletName: r.outlet_name ?? null,
    outletKind: r.outlet_kind ? (KIND_LABEL[r.outlet_kind] ?? null) : null,
    role: r.role,
    beat: r.beat,
    phone: r.phone,
    whatsapp: r.whatsapp,
    email: r.email,
    ukwLevel: r.ukw_level ? (UKW_LABEL[r.ukw_level] ?? null) : null,
    ukwNumber: r.ukw_number,
    ukwValidUntil: r.ukw_valid_until,
    pressCardNo: r.press_card_no,
    dataSource: r.data_source,
    consent: CONSENT_LABEL[r.consent ?? 'unknown'] ?? null,
  };
}

/** A table as CSV (UTF-8 with BOM, semicolons: what Excel in Indonesian settings opens directly) or XLSX. */
export async function tableFile(headers: string[], rows: Value[][], format: 'csv' | 'xlsx', sheetName: string): Promise<{ data: Buffer; mime: string }> {
  const safe = rows.map((r) => r.map((v) => (typeof v === 'string' ? escapeFormula(v) : v)));
  if (format === 'csv') {
    const csv = Papa.unparse({ fields: headers, data: safe.map((r) => r.map((v) => (v === null ? '' : v))) }, { delimiter: ';', newline: '\r\n' });
    return { data: Buffer.from(`\ufeff${csv}\r\n`, 'utf8'), mime: 'text/csv' };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Warta';
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(headers).font = { bold: true };
  for (const r of safe) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 22));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}

export async function exportDirectory(
  ctx: CoreContext,
  caller: Caller,
  input: { kind: ImportKind; format: 'csv' | 'xlsx'; filter?: OutletFilter; includePersonal: boolean },
): Promise<ExportedFile> {
  const personal = input.kind === 'journalists' && input.includePersonal;
  if (personal && !caller.can('media.personal')) {
    throw new WartaError('forbidden', 'Anda tidak berwenang mengekspor data pribadi wartawan.', { permission: 'media.personal' });
  }
  const columns = columnsOf(input.kind).filter((c) => personal || !c.personal);
  const today = todayIn(ctx.now(), officeZone(ctx.db));
  const where = outletWhere(input.filter ?? { kinds: [], pressCouncil: [], region: '', contract: 'any' }, today);
  let cells: Record<string, Value>[];
  if (input.kind === 'outlets') {
    const rows = ctx.db.prepare(`SELECT o.* FROM media_outlet o WHERE ${where.sql} ORDER BY o.name COLLATE NOCASE, o.id`).all(...where.params) as OutletRowDb[];
    cells = rows.map(outletCells);
  } else {
    const rows = ctx.db
      .prepare(
        `SELECT j.*, o.name AS outlet_name, o.kind AS outlet_kind FROM media_journalist j LEFT JOIN media_outlet o ON o.id = j.outlet_id
         WHERE j.deleted_at IS NULL AND j.erased_at IS NULL ${input.filter ? `AND ${where.sql}` : ''} ORDER BY j.name COLLATE NOCASE, j.id`,
      )
      .all(...(input.filter ? where.params : [])) as (JournalistRowDb & { outlet_kind: string | null })[];
    cells = rows.map(journalistCells);
  }
  const { data, mime } = await tableFile(
    columns.map((c) => c.labels[0] as string),
    cells.map((c) => columns.map((col) => c[col.field] ?? null)),
    input.format,
    input.kind === 'outlets' ? 'Media' : 'Wartawan',
  );
  if (personal) {
    ctx.audit.record(caller, { action: 'media.personal.export', targetType: 'media_journalist', details: { rows: cells.length, format: input.format } });
  }
  const name = input.kind === 'outlets' ? 'media-mitra' : 'wartawan';
  return { fileName: `${name}-${today}.${input.format}`, mime, base64: data.toString('base64'), rows: cells.length };
}

const ERASED_NAME = 'Dihapus atas permintaan';

export const exportHandlers: HandlerGroup<'media.export' | 'media.journalists.exportPerson' | 'media.journalists.erase'> = {
  'media.export': (input, ctx, caller) => exportDirectory(ctx, caller, input),

  /** Everything Warta holds about one person (UU 27/2022, the right to access), logged. */
  'media.journalists.exportPerson': async (input, ctx, caller) => {
    const row = readJournalistRow(ctx.db, input.id);
    const lists = ctx.db
      .prepare('SELECT l.name FROM media_list_member m JOIN media_list l ON l.id = m.list_id WHERE m.journalist_id = ? AND m.deleted_at IS NULL AND l.deleted_at IS NULL')
      .all(input.id) as { name: string }[];
    const access = ctx.db
      .prepare("SELECT at, actor_name, action FROM audit_log WHERE target_type = 'media_journalist' AND target_id = ? ORDER BY seq")
      .all(input.id) as { at: string; actor_name: string; action: string }[];
    const record = { ...toJournalist(row), ...toPersonal(row), lists: lists.map((l) => l.name), accessLog: access };
    ctx.audit.record(caller, { action: 'media.personal.export_person', targetType: 'media_journalist', targetId: input.id, details: { format: input.format } });
    const base = `data-pribadi-${(row.name ?? 'wartawan').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'wartawan'}`;
    if (input.format === 'json') {
      const data = Buffer.from(JSON.stringify(record, null, 2), 'utf8');
      return { fileName: `${base}.json`, mime: 'application/json', base64: data.toString('base64'), rows: 1 };
    }
    const fields = Object.entries(record).filter(([k]) => k !== 'accessLog' && k !== 'lists');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data pribadi');
    ws.addRow(['Data', 'Isi']).font = { bold: true };
    for (const [k, v] of fields) ws.addRow([k, escapeFormula(v === null ? '' : String(v))]);
    ws.addRow(['lists', escapeFormula(record.lists.join(', '))]);
    const log = wb.addWorksheet('Riwayat akses');
    log.addRow(['Waktu', 'Oleh', 'Tindakan']).font = { bold: true };
    for (const a of access) log.addRow([a.at, escapeFormula(a.actor_name), a.action]);
    ws.columns.forEach((c) => (c.width = 30));
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: data.toString('base64'), rows: 1 };
  },

  /**
   * Erasure on request: the personal fields and the name are scrubbed through the mutation
   * path, in one change marked `erased_at` (shared/rules/tables/media.ts), so every machine
   * scrubs them on sync and the server removes the old values from its stored log. The row stays
   * as a tombstone, list memberships end, the journalist's copies in distribution recipients are
   * erased with it, and the erasure is recorded in the audit log. The mutation path writes an
   * erasure with secure_delete on, scrubs the local copies (erasure-scrub.ts, sync's records) and
   * truncates the WAL after the commit.
   */
  'media.journalists.erase': (input, ctx, caller) => {
    const row = readJournalistRow(ctx.db, input.id);
    if (row.erased_at) throw new WartaError('conflict', 'Data wartawan ini sudah dihapus sebelumnya.', { id: input.id });
    const m = ctx.mutator;
    const at = new Date(ctx.now()).toISOString();
    const erase = () =>
      m.transaction(() => {
        m.write('media_journalist', input.id, {
          name: ERASED_NAME,
          phone: null,
          whatsapp: null,
          email: null,
          ukw_number: null,
          press_card_no: null,
          notes: null,
          beat: null,
          role: null,
          ukw_level: null,
          ukw_valid_until: null,
          data_source: null,
          consent: 'withdrawn',
          consent_at: at,
          erased_at: at,
          deleted_at: row.deleted_at ?? at,
        });
        const members = ctx.db.prepare('SELECT id FROM media_list_member WHERE journalist_id = ? AND deleted_at IS NULL').all(input.id) as { id: string }[];
        for (const mm of members) m.remove('media_list_member', mm.id);
        const recipients = ctx.db.prepare('SELECT id, email_status FROM distribution_recipients WHERE journalist_id = ? AND erased_at IS NULL').all(input.id) as {
          id: string;
          email_status: string | null;
        }[];
        for (const r of recipients) {
          const unsent = r.email_status !== 'sent' && r.email_status !== 'refused' && r.email_status !== 'uncertain';
          m.write('distribution_recipients', r.id, { name: ERASED_NAME, email: null, whatsapp: null, last_error: null, erased_at: at, ...(unsent ? { email_status: 'cancelled' } : {}) });
        }
        ctx.audit.record(caller, { action: 'media.personal.erase', targetType: 'media_journalist', targetId: input.id, details: { reason: input.reason, recipients: recipients.length } });
      });
    // The search indexes merge their segments so the old postings go too (the mutation path's erasure hooks do the same for synced erasures).
    scrubbed(ctx.db, erase, () => ctx.db.exec("INSERT INTO media_fts (media_fts) VALUES ('optimize'); INSERT INTO media_tri (media_tri) VALUES ('optimize');"));
    return toJournalist(readJournalistRow(ctx.db, input.id));
  },
};

export { JOURNALIST_SELECT };
