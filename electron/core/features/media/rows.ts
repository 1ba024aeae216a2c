import { WartaError } from '../../../../shared/contract/errors';
import type { ContractSummary, Journalist, JournalistPersonal, Outlet, Publication } from '../../../../shared/media/types';
import { TONES, type ConsentState, type ContractStatus, type OutletKind, type PressCouncilStatus, type Product, type Tone, type UkwLevel } from '../../../../shared/media/vocabulary';
import { contractState } from '../../../../shared/media/quota';
import type { Db } from '../../db/open-database';

/** Rows as SQLite returns them, and their API shapes. */
export interface OutletRowDb {
  id: string;
  name: string | null;
  kind: string | null;
  legal_entity: string | null;
  address: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  social: string | null;
  phone: string | null;
  email: string | null;
  editor_in_chief: string | null;
  person_in_charge: string | null;
  press_council_status: string | null;
  press_council_cert_no: string | null;
  press_council_cert_date: string | null;
  circulation: number | null;
  monthly_traffic: number | null;
  broadcast_licence: string | null;
  notes: string | null;
  import_batch_id: string | null;
  created_at: string | null;
  updated_at: string;
  deleted_at: string | null;
}

export const toOutlet = (r: OutletRowDb): Outlet => ({
  id: r.id,
  name: r.name ?? '',
  kind: (r.kind as OutletKind | null) ?? null,
  legalEntity: r.legal_entity ?? '',
  address: r.address ?? '',
  region: r.region ?? '',
  latitude: r.latitude,
  longitude: r.longitude,
  website: r.website ?? '',
  social: r.social ?? '',
  phone: r.phone ?? '',
  email: r.email ?? '',
  editorInChief: r.editor_in_chief ?? '',
  personInCharge: r.person_in_charge ?? '',
  pressCouncilStatus: (r.press_council_status as PressCouncilStatus | null) ?? 'none',
  pressCouncilCertNo: r.press_council_cert_no ?? '',
  pressCouncilCertDate: r.press_council_cert_date,
  circulation: r.circulation,
  monthlyTraffic: r.monthly_traffic,
  broadcastLicence: r.broadcast_licence ?? '',
  notes: r.notes ?? '',
  importBatchId: r.import_batch_id,
  createdAt: r.created_at ?? r.updated_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

export function readOutlet(db: Db, id: string): Outlet {
  const row = db.prepare('SELECT * FROM media_outlet WHERE id = ?').get(id) as OutletRowDb | undefined;
  if (!row) throw new WartaError('not_found', 'Media tidak ditemukan.', { id });
  return toOutlet(row);
}

export interface JournalistRowDb {
  id: string;
  outlet_id: string | null;
  outlet_name?: string | null;
  name: string | null;
  beat: string | null;
  role: string | null;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
  ukw_level: string | null;
  ukw_number: string | null;
  ukw_valid_until: string | null;
  press_card_no: string | null;
  data_source: string | null;
  consent: string | null;
  consent_at: string | null;
  erased_at: string | null;
  notes: string | null;
  do_not_send: number | null;
  embargo_trusted: number | null;
  import_batch_id: string | null;
  created_at: string | null;
  updated_at: string;
  deleted_at: string | null;
}

export const toJournalist = (r: JournalistRowDb): Journalist => ({
  id: r.id,
  outletId: r.outlet_id,
  outletName: r.outlet_name ?? '',
  name: r.name ?? '',
  beat: r.beat ?? '',
  role: r.role ?? '',
  ukwLevel: (r.ukw_level as UkwLevel | null) ?? null,
  ukwValidUntil: r.ukw_valid_until,
  dataSource: r.data_source ?? '',
  consent: (r.consent as ConsentState | null) ?? 'unknown',
  consentAt: r.consent_at,
  erasedAt: r.erased_at,
  notes: r.notes ?? '',
  doNotSend: r.do_not_send === 1,
  embargoTrusted: r.embargo_trusted === 1,
  createdAt: r.created_at ?? r.updated_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

export const toPersonal = (r: JournalistRowDb): JournalistPersonal => ({
  phone: r.phone ?? '',
  whatsapp: r.whatsapp ?? '',
  email: r.email ?? '',
  ukwNumber: r.ukw_number ?? '',
  pressCardNo: r.press_card_no ?? '',
});

export const JOURNALIST_SELECT = 'SELECT j.*, o.name AS outlet_name FROM media_journalist j LEFT JOIN media_outlet o ON o.id = j.outlet_id';

export function readJournalistRow(db: Db, id: string): JournalistRowDb {
  const row = db.prepare(`${JOURNALIST_SELECT} WHERE j.id = ?`).get(id) as JournalistRowDb | undefined;
  if (!row) throw new WartaError('not_found', 'Wartawan tidak ditemukan.', { id });
  return row;
}

export interface ContractRowDb {
  id: string;
  outlet_id: string | null;
  outlet_name: string | null;
  number: string | null;
  title: string | null;
  period_start: string | null;
  period_end: string | null;
  value: number | null;
  status: string | null;
  notes: string | null;
  quota_total: number | null;
  delivered_total: number | null;
}

export const CONTRACT_SELECT = `
  SELECT c.*, o.name AS outlet_name,
    (SELECT coalesce(sum(q.quota), 0) FROM media_contract_quota q WHERE q.contract_id = c.id AND q.deleted_at IS NULL) AS quota_total,
    (SELECT count(*) FROM media_publication p WHERE p.contract_id = c.id AND p.deleted_at IS NULL
       AND p.published_on BETWEEN c.period_start AND c.period_end
       AND p.product IN (SELECT q.product FROM media_contract_quota q WHERE q.contract_id = c.id AND q.deleted_at IS NULL AND q.quota > 0)) AS delivered_total
  FROM media_contract c LEFT JOIN media_outlet o ON o.id = c.outlet_id`;

export const toContractSummary = (r: ContractRowDb, today: string): ContractSummary => {
  const base = { periodStart: r.period_start ?? '', periodEnd: r.period_end ?? '', status: (r.status as ContractStatus | null) ?? 'active' };
  return {
    id: r.id,
    outletId: r.outlet_id ?? '',
    outletName: r.outlet_name ?? '',
    number: r.number ?? '',
    title: r.title ?? '',
    ...base,
    value: r.value ?? 0,
    state: contractState(base, today),
    quotaTotal: r.quota_total ?? 0,
    deliveredTotal: r.delivered_total ?? 0,
  };
};

export interface PublicationRowDb {
  id: string;
  outlet_id: string | null;
  outlet_name: string | null;
  contract_id: string | null;
  product: string | null;
  release_id: string | null;
  title: string | null;
  url: string | null;
  page: string | null;
  published_on: string | null;
  tone: string | null;
  attachment_hash: string | null;
  attachment_mime: string | null;
  notes: string | null;
}

export const PUBLICATION_SELECT = 'SELECT p.*, o.name AS outlet_name FROM media_publication p LEFT JOIN media_outlet o ON o.id = p.outlet_id';

export const toPublication = (r: PublicationRowDb): Publication => ({
  id: r.id,
  outletId: r.outlet_id ?? '',
  outletName: r.outlet_name ?? '',
  contractId: r.contract_id,
  product: (r.product as Product | null) ?? 'news',
  releaseId: r.release_id ?? '',
  title: r.title ?? '',
  url: r.url ?? '',
  page: r.page ?? '',
  publishedOn: r.published_on ?? '',
  tone: (TONES as readonly string[]).includes(r.tone ?? '') ? (r.tone as Tone) : null,
  attachmentHash: r.attachment_hash,
  attachmentMime: r.attachment_mime,
  notes: r.notes ?? '',
});

/** Today's date in the office's time zone, as YYYY-MM-DD. */
export function todayIn(now: number, timeZone = 'Asia/Jakarta'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}

export function officeZone(db: Db): string {
  const row = db.prepare("SELECT time_zone FROM office_profile WHERE deleted_at IS NULL LIMIT 1").get() as { time_zone: string | null } | undefined;
  return row?.time_zone === 'WITA' ? 'Asia/Makassar' : row?.time_zone === 'WIT' ? 'Asia/Jayapura' : 'Asia/Jakarta';
}
