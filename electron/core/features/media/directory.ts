import { WartaError } from '../../../../shared/contract/errors';
import { normalizePhone } from '../../../../shared/media/phone';
import type { OutletFilter } from '../../../../shared/media/filters';
import type { OutletRow } from '../../../../shared/media/types';
import type { FieldValue } from '../../../../shared/sync/replicated-tables';
import type { Caller } from '../../caller';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import {
  CONTRACT_SELECT,
  JOURNALIST_SELECT,
  officeZone,
  readJournalistRow,
  readOutlet,
  toContractSummary,
  toJournalist,
  toPersonal,
  todayIn,
  type ContractRowDb,
  type JournalistRowDb,
} from './rows';
import { searchIds } from './search';

/** SQL condition and parameters for an outlet filter (also used by saved lists and exports). */
export function outletWhere(filter: OutletFilter, today: string): { sql: string; params: unknown[] } {
  const parts = ['o.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (filter.kinds.length) {
    parts.push(`o.kind IN (${filter.kinds.map(() => '?').join(', ')})`);
    params.push(...filter.kinds);
  }
  if (filter.pressCouncil.length) {
    parts.push(`coalesce(o.press_council_status, 'none') IN (${filter.pressCouncil.map(() => '?').join(', ')})`);
    params.push(...filter.pressCouncil);
  }
  if (filter.region) {
    parts.push('o.region = ? COLLATE NOCASE');
    params.push(filter.region);
  }
  const running = `EXISTS (SELECT 1 FROM media_contract c WHERE c.outlet_id = o.id AND c.deleted_at IS NULL
      AND coalesce(c.status, 'active') NOT IN ('cancelled', 'draft', 'ended') AND ? BETWEEN c.period_start AND c.period_end)`;
  if (filter.contract === 'running') {
    parts.push(running);
    params.push(today);
  } else if (filter.contract === 'none') {
    parts.push(`NOT ${running}`);
    params.push(today);
  }
  return { sql: parts.join(' AND '), params };
}

const SORT_SQL: Record<string, string> = {
  name: 'o.name COLLATE NOCASE',
  kind: 'o.kind',
  region: 'o.region COLLATE NOCASE',
  pressCouncilStatus: "CASE coalesce(o.press_council_status, 'none') WHEN 'factual' THEN 3 WHEN 'administrative' THEN 2 WHEN 'registered' THEN 1 ELSE 0 END",
  journalistCount: 'journalist_count',
  updatedAt: 'o.updated_at',
};

export function listOutlets(ctx: CoreContext, input: { filter: OutletFilter; query: string; sort: string; dir: 'asc' | 'desc' }): OutletRow[] {
  const today = todayIn(ctx.now(), officeZone(ctx.db));
  const where = outletWhere(input.filter, today);
  let idFilter = '';
  const params = [today, ...where.params];
  if (input.query.trim()) {
    const ids = searchIds(ctx.db, input.query, 'outlet', 500);
    idFilter = ` AND o.id IN (SELECT value FROM json_each(?))`;
    params.push(JSON.stringify(ids));
  }
  const dir = input.dir === 'desc' ? 'DESC' : 'ASC';
  const rows = ctx.db
    .prepare(
      `SELECT o.id, o.name, o.kind, o.region, o.press_council_status, o.editor_in_chief, o.updated_at,
        (SELECT count(*) FROM media_journalist j WHERE j.outlet_id = o.id AND j.deleted_at IS NULL) AS journalist_count,
        EXISTS (SELECT 1 FROM media_contract c WHERE c.outlet_id = o.id AND c.deleted_at IS NULL
          AND coalesce(c.status, 'active') NOT IN ('cancelled', 'draft', 'ended') AND ? BETWEEN c.period_start AND c.period_end) AS running
       FROM media_outlet o WHERE ${where.sql}${idFilter}
       ORDER BY ${SORT_SQL[input.sort] ?? SORT_SQL.name} ${dir}, o.name COLLATE NOCASE, o.id`,
    )
    .all(...params) as {
    id: string;
    name: string | null;
    kind: string | null;
    region: string | null;
    press_council_status: string | null;
    editor_in_chief: string | null;
    updated_at: string;
    journalist_count: number;
    running: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name ?? '',
    kind: (r.kind as OutletRow['kind']) ?? null,
    region: r.region ?? '',
    pressCouncilStatus: (r.press_council_status as OutletRow['pressCouncilStatus']) ?? 'none',
    editorInChief: r.editor_in_chief ?? '',
    journalistCount: r.journalist_count,
    contract: r.running ? 'running' : 'none',
    updatedAt: r.updated_at,
  }));
}

/** Stored phones are E.164 (+62…) when they can be read as Indonesian numbers, as typed otherwise. */
export function storedPhone(raw: string): string {
  if (!raw.trim()) return '';
  const r = normalizePhone(raw);
  return r.ok ? r.value : raw.trim();
}

const PERSONAL_FIELDS = ['phone', 'whatsapp', 'email', 'ukw_number', 'press_card_no'] as const;

function requirePersonal(caller: Caller): void {
  if (!caller.can('media.personal')) {
    throw new WartaError('forbidden', 'Anda tidak berwenang melihat atau mengubah data pribadi wartawan.', { permission: 'media.personal' });
  }
}

function liveOutlet(ctx: CoreContext, id: string | null): void {
  if (!id) return;
  const row = ctx.db.prepare('SELECT deleted_at FROM media_outlet WHERE id = ?').get(id) as { deleted_at: string | null } | undefined;
  if (!row || row.deleted_at) throw new WartaError('not_found', 'Media untuk wartawan ini tidak ditemukan atau sudah dihapus.', { outletId: id });
}

export const directoryHandlers: HandlerGroup<
  | 'media.outlets.list'
  | 'media.outlets.get'
  | 'media.outlets.save'
  | 'media.outlets.delete'
  | 'media.outlets.restore'
  | 'media.outlets.regions'
  | 'media.journalists.list'
  | 'media.journalists.get'
  | 'media.journalists.personal'
  | 'media.journalists.save'
  | 'media.journalists.delete'
  | 'media.journalists.restore'
> = {
  'media.outlets.list': (input, ctx) => listOutlets(ctx, input),
  'media.outlets.get': (input, ctx) => {
    const outlet = readOutlet(ctx.db, input.id);
    const today = todayIn(ctx.now(), officeZone(ctx.db));
    const journalists = (ctx.db.prepare(`${JOURNALIST_SELECT} WHERE j.outlet_id = ? AND j.deleted_at IS NULL ORDER BY j.name COLLATE NOCASE`).all(input.id) as JournalistRowDb[]).map(toJournalist);
    const contracts = (ctx.db.prepare(`${CONTRACT_SELECT} WHERE c.outlet_id = ? AND c.deleted_at IS NULL ORDER BY c.period_start DESC`).all(input.id) as ContractRowDb[]).map((r) => toContractSummary(r, today));
    return { outlet, journalists, contracts };
  },
  'media.outlets.save': (input, ctx) => {
    const values: Record<string, FieldValue> = {
      name: input.name,
      kind: input.kind,
      legal_entity: input.legalEntity,
      address: input.address,
      region: input.region,
      latitude: input.latitude,
      longitude: input.longitude,
      website: input.website,
      social: input.social,
      phone: storedPhone(input.phone),
      email: input.email.toLowerCase(),
      editor_in_chief: input.editorInChief,
      person_in_charge: input.personInCharge,
      press_council_status: input.pressCouncilStatus,
      press_council_cert_no: input.pressCouncilCertNo,
      press_council_cert_date: input.pressCouncilCertDate,
      circulation: input.circulation,
      monthly_traffic: input.monthlyTraffic,
      broadcast_licence: input.broadcastLicence,
      notes: input.notes,
    };
    const id = input.id ?? ctx.mutator.insert('media_outlet', values);
    if (input.id) ctx.mutator.update('media_outlet', input.id, values);
    return readOutlet(ctx.db, id);
  },
  'media.outlets.delete': (input, ctx) => {
    ctx.mutator.remove('media_outlet', input.id);
    return readOutlet(ctx.db, input.id);
  },
  'media.outlets.restore': (input, ctx) => {
    ctx.mutator.restore('media_outlet', input.id);
    return readOutlet(ctx.db, input.id);
  },
  'media.outlets.regions': (_input, ctx) =>
    (ctx.db.prepare("SELECT DISTINCT region FROM media_outlet WHERE deleted_at IS NULL AND coalesce(region, '') <> '' ORDER BY region COLLATE NOCASE").all() as { region: string }[]).map((r) => r.region),

  'media.journalists.list': (input, ctx) => {
    const parts = ['j.deleted_at IS NULL'];
    const params: unknown[] = [];
    if (input.outletId) {
      parts.push('j.outlet_id = ?');
      params.push(input.outletId);
    }
    if (input.ukwExpiringWithinDays !== null) {
      const today = todayIn(ctx.now(), officeZone(ctx.db));
      parts.push("j.ukw_valid_until IS NOT NULL AND j.ukw_valid_until <= date(?, '+' || ? || ' days')");
      params.push(today, input.ukwExpiringWithinDays);
    }
    if (input.query.trim()) {
      parts.push('j.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(searchIds(ctx.db, input.query, 'journalist', 1000)));
    }
    const sort: Record<string, string> = {
      name: 'j.name COLLATE NOCASE',
      outletName: 'o.name COLLATE NOCASE',
      beat: 'j.beat COLLATE NOCASE',
      ukwLevel: "CASE j.ukw_level WHEN 'utama' THEN 3 WHEN 'madya' THEN 2 WHEN 'muda' THEN 1 ELSE 0 END",
      ukwValidUntil: "coalesce(j.ukw_valid_until, '9999')",
    };
    const rows = ctx.db
      .prepare(`${JOURNALIST_SELECT} WHERE ${parts.join(' AND ')} ORDER BY ${sort[input.sort] ?? sort.name} ${input.dir === 'desc' ? 'DESC' : 'ASC'}, j.name COLLATE NOCASE, j.id`)
      .all(...params) as JournalistRowDb[];
    return rows.map(toJournalist);
  },
  'media.journalists.get': (input, ctx) => toJournalist(readJournalistRow(ctx.db, input.id)),
  'media.journalists.personal': (input, ctx, caller) => {
    const row = readJournalistRow(ctx.db, input.id);
    // Each viewing of a person's contact data is recorded (UU 27/2022: access is logged).
    ctx.audit.record(caller, { action: 'media.personal.view', targetType: 'media_journalist', targetId: input.id, details: { fields: [...PERSONAL_FIELDS] } });
    return toPersonal(row);
  },
  'media.journalists.save': (input, ctx, caller) => {
    if (input.personal) requirePersonal(caller);
    liveOutlet(ctx, input.outletId);
    const values: Record<string, FieldValue> = {
      outlet_id: input.outletId,
      name: input.name,
      beat: input.beat,
      role: input.role,
      ukw_level: input.ukwLevel,
      ukw_valid_until: input.ukwValidUntil,
      data_source: input.dataSource,
      consent: input.consent,
      notes: input.notes,
    };
    if (input.doNotSend !== undefined) values.do_not_send = input.doNotSend;
    if (input.embargoTrusted !== undefined) values.embargo_trusted = input.embargoTrusted;
    if (input.personal) {
      const p = input.personal;
      Object.assign(values, { phone: storedPhone(p.phone), whatsapp: storedPhone(p.whatsapp), email: p.email.toLowerCase(), ukw_number: p.ukwNumber, press_card_no: p.pressCardNo });
    }
    return ctx.mutator.transaction(() => {
      let id = input.id;
      if (id) {
        const before = readJournalistRow(ctx.db, id);
        if (before.erased_at) throw new WartaError('conflict', 'Data wartawan ini sudah dihapus atas permintaan; tidak dapat diubah.', { id });
        if (before.consent !== input.consent) values.consent_at = new Date(ctx.now()).toISOString();
        ctx.mutator.update('media_journalist', id, values);
      } else {
        values.consent_at = input.consent === 'unknown' ? null : new Date(ctx.now()).toISOString();
        id = ctx.mutator.insert('media_journalist', values);
      }
      if (input.personal) ctx.audit.record(caller, { action: 'media.personal.edit', targetType: 'media_journalist', targetId: id, details: {} });
      return toJournalist(readJournalistRow(ctx.db, id));
    });
  },
  'media.journalists.delete': (input, ctx) => {
    ctx.mutator.remove('media_journalist', input.id);
    return toJournalist(readJournalistRow(ctx.db, input.id));
  },
  'media.journalists.restore': (input, ctx) => {
    ctx.mutator.restore('media_journalist', input.id);
    return toJournalist(readJournalistRow(ctx.db, input.id));
  },
};
