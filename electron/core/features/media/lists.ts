import { WartaError } from '../../../../shared/contract/errors';
import { outletFilterSchema, type OutletFilter } from '../../../../shared/media/filters';
import type { DistributionList, Recipient } from '../../../../shared/media/types';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { outletWhere } from './directory';
import { officeZone, todayIn } from './rows';

interface ListRowDb {
  id: string;
  name: string | null;
  kind: string | null;
  filter: string | null;
  description: string | null;
  updated_at: string;
  deleted_at: string | null;
}

function readList(ctx: CoreContext, id: string): DistributionList {
  const r = ctx.db.prepare('SELECT * FROM media_list WHERE id = ?').get(id) as ListRowDb | undefined;
  if (!r || r.deleted_at) throw new WartaError('not_found', 'Daftar distribusi tidak ditemukan.', { id });
  const members = ctx.db.prepare('SELECT outlet_id, journalist_id FROM media_list_member WHERE list_id = ? AND deleted_at IS NULL').all(id) as { outlet_id: string | null; journalist_id: string | null }[];
  return {
    id: r.id,
    name: r.name ?? '',
    kind: r.kind === 'filter' ? 'filter' : 'fixed',
    description: r.description ?? '',
    filter: r.filter ? outletFilterSchema.parse(JSON.parse(r.filter)) : null,
    outletIds: members.filter((m) => m.outlet_id && !m.journalist_id).map((m) => m.outlet_id as string),
    journalistIds: members.filter((m) => m.journalist_id).map((m) => m.journalist_id as string),
    updatedAt: r.updated_at,
  };
}

/**
 * The recipients of a list today. A saved filter is evaluated now, so "all verified online
 * media" includes an outlet verified yesterday. People who withdrew consent or were erased are
 * left out; contacts are given only to callers who may see personal data.
 */
export function resolveList(ctx: CoreContext, id: string, withContacts: boolean): Recipient[] {
  const list = readList(ctx, id);
  let outletIds: string[];
  let journalistIds: string[] = list.journalistIds;
  if (list.kind === 'filter') {
    const w = outletWhere(list.filter as OutletFilter, todayIn(ctx.now(), officeZone(ctx.db)));
    outletIds = (ctx.db.prepare(`SELECT o.id FROM media_outlet o WHERE ${w.sql}`).all(...w.params) as { id: string }[]).map((r) => r.id);
    journalistIds = (ctx.db.prepare(`SELECT j.id FROM media_journalist j WHERE j.deleted_at IS NULL AND j.outlet_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(outletIds)) as { id: string }[]).map((r) => r.id);
  } else outletIds = list.outletIds;
  return recipientsOf(ctx, outletIds, journalistIds, withContacts);
}

/**
 * Outlets (their newsroom address) and people as recipients. People who withdrew consent or
 * were erased are left out; the do-not-send flag is carried for the caller to honour.
 */
export function recipientsOf(ctx: CoreContext, outletIds: readonly string[], journalistIds: readonly string[], withContacts: boolean): Recipient[] {
  const out: Recipient[] = [];
  const outlet = ctx.db.prepare('SELECT id, name, email FROM media_outlet WHERE id = ? AND deleted_at IS NULL');
  for (const oid of outletIds) {
    const o = outlet.get(oid) as { id: string; name: string | null; email: string | null } | undefined;
    if (o) out.push({ outletId: o.id, outletName: o.name ?? '', journalistId: null, name: o.name ?? '', email: o.email || null, whatsapp: null, doNotSend: false, embargoTrusted: false });
  }
  const person = ctx.db.prepare(
    "SELECT j.id, j.name, j.email, j.whatsapp, j.phone, j.outlet_id, j.do_not_send, j.embargo_trusted, o.name AS outlet_name FROM media_journalist j LEFT JOIN media_outlet o ON o.id = j.outlet_id WHERE j.id = ? AND j.deleted_at IS NULL AND j.erased_at IS NULL AND coalesce(j.consent, 'unknown') <> 'withdrawn'",
  );
  for (const jid of journalistIds) {
    const j = person.get(jid) as
      | { id: string; name: string | null; email: string | null; whatsapp: string | null; phone: string | null; outlet_id: string | null; outlet_name: string | null; do_not_send: number | null; embargo_trusted: number | null }
      | undefined;
    if (!j) continue;
    out.push({
      outletId: j.outlet_id ?? '',
      outletName: j.outlet_name ?? '',
      journalistId: j.id,
      name: j.name ?? '',
      email: withContacts ? j.email || null : null,
      whatsapp: withContacts ? j.whatsapp || j.phone || null : null,
      doNotSend: j.do_not_send === 1,
      embargoTrusted: j.embargo_trusted === 1,
    });
  }
  return out;
}

export const listHandlers: HandlerGroup<'media.lists.list' | 'media.lists.save' | 'media.lists.delete' | 'media.lists.resolve'> = {
  'media.lists.list': (_input, ctx) =>
    (ctx.db.prepare('SELECT id FROM media_list WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as { id: string }[]).map((r) => readList(ctx, r.id)),
  'media.lists.save': (input, ctx) => {
    if (input.kind === 'filter' && !input.filter) throw new WartaError('invalid_input', 'Daftar berdasarkan saringan memerlukan saringannya.', { field: 'filter' });
    const m = ctx.mutator;
    return m.transaction(() => {
      const values = { name: input.name, kind: input.kind, description: input.description, filter: input.kind === 'filter' ? (input.filter as unknown as Record<string, unknown>) : null };
      const id = input.id ?? m.insert('media_list', values);
      if (input.id) m.update('media_list', input.id, values);
      const existing = ctx.db.prepare('SELECT id, outlet_id, journalist_id FROM media_list_member WHERE list_id = ? AND deleted_at IS NULL').all(id) as { id: string; outlet_id: string | null; journalist_id: string | null }[];
      const key = (o: string | null, j: string | null) => `${o ?? ''}|${j ?? ''}`;
      const wanted = new Set(input.kind === 'fixed' ? [...input.outletIds.map((o) => key(o, null)), ...input.journalistIds.map((j) => key(null, j))] : []);
      for (const e of existing) {
        const k = key(e.journalist_id ? null : e.outlet_id, e.journalist_id);
        if (!wanted.delete(k)) m.remove('media_list_member', e.id);
      }
      for (const k of wanted) {
        const [o, j] = k.split('|');
        m.insert('media_list_member', { list_id: id, outlet_id: o || null, journalist_id: j || null });
      }
      return readList(ctx, id);
    });
  },
  'media.lists.delete': (input, ctx) => {
    ctx.mutator.remove('media_list', input.id);
    return { deleted: true };
  },
  'media.lists.resolve': (input, ctx, caller) => resolveList(ctx, input.id, caller.can('media.personal')),
};
