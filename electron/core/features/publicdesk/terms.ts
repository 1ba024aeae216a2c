/**
 * The desk's editable lists: categories (seeded with the usual ones) and locations
 * (kecamatan/kelurahan, entered by the office).
 */
import crypto from 'node:crypto';
import { WartaError } from '../../../../shared/contract/errors';
import { DEFAULT_CATEGORIES, type TermKind } from '../../../../shared/publicdesk/model';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { deskOnly } from './steps';

const SEEDED = 'publicdesk.terms.seeded';

/** A seeded term's id comes from its label, so two desks seeding offline merge instead of doubling. */
function seededId(kind: TermKind, label: string): string {
  const h = crypto.createHash('sha256').update(`publicdesk-term:${kind}:${label}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Seeds the default categories once on this machine (inside the caller's transaction); deletions stay deleted. */
export function ensureDefaultTerms(ctx: CoreContext): void {
  if (ctx.db.prepare('SELECT 1 FROM local_meta WHERE key = ?').get(SEEDED)) return;
  for (const label of DEFAULT_CATEGORIES) {
    const id = seededId('category', label);
    if (!ctx.db.prepare('SELECT 1 FROM publicdesk_terms WHERE id = ?').get(id)) ctx.mutator.write('publicdesk_terms', id, { kind: 'category', label });
  }
  ctx.db.prepare('INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)').run(SEEDED, new Date(ctx.now()).toISOString());
}

interface TermRow {
  id: string;
  kind: string | null;
  label: string | null;
}
const list = (ctx: CoreContext) =>
  (ctx.db.prepare('SELECT id, kind, label FROM publicdesk_terms WHERE deleted_at IS NULL ORDER BY kind, label COLLATE NOCASE').all() as TermRow[]).map((t) => ({
    id: t.id,
    kind: (t.kind === 'location' ? 'location' : 'category') as TermKind,
    label: t.label ?? '',
  }));

export const termHandlers: HandlerGroup<'publicdesk.terms.list' | 'publicdesk.terms.save' | 'publicdesk.terms.delete'> = {
  'publicdesk.terms.list': (_input, ctx) => {
    deskOnly(ctx);
    return list(ctx);
  },
  'publicdesk.terms.save': (input, ctx) => {
    deskOnly(ctx);
    const twin = ctx.db.prepare('SELECT id FROM publicdesk_terms WHERE kind = ? AND lower(label) = lower(?) AND deleted_at IS NULL AND id IS NOT ?').get(input.kind, input.label, input.id) as
      | { id: string }
      | undefined;
    if (twin) throw new WartaError('conflict', `"${input.label}" sudah ada di daftar.`, { field: 'label' });
    const id = ctx.mutator.transaction(() => {
      ensureDefaultTerms(ctx);
      if (!input.id) return ctx.mutator.insert('publicdesk_terms', { kind: input.kind, label: input.label });
      ctx.mutator.write('publicdesk_terms', input.id, { kind: input.kind, label: input.label });
      return input.id;
    });
    return { id, kind: input.kind, label: input.label };
  },
  'publicdesk.terms.delete': (input, ctx) => {
    deskOnly(ctx);
    if (!ctx.db.prepare('SELECT 1 FROM publicdesk_terms WHERE id = ? AND deleted_at IS NULL').get(input.id)) throw new WartaError('not_found', 'Isian daftar itu tidak ada.', { id: input.id });
    ctx.mutator.remove('publicdesk_terms', input.id);
    return { id: input.id };
  },
};
