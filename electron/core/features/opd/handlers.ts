import { WartaError } from '../../../../shared/contract/errors';
import type { Opd } from '../../../../shared/office/opd';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';

interface OpdRow {
  id: string;
  name: string | null;
  abbreviation: string | null;
  phone: string | null;
  email: string | null;
  active: number | null;
  created_at: string | null;
  updated_at: string;
  deleted_at: string | null;
}

const toOpd = (r: OpdRow): Opd => ({
  id: r.id,
  name: r.name ?? '',
  abbreviation: r.abbreviation ?? '',
  phone: r.phone ?? '',
  email: r.email ?? '',
  active: r.active !== 0,
  createdAt: r.created_at ?? r.updated_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

function readOpd(ctx: CoreContext, id: string): Opd {
  const row = ctx.db.prepare('SELECT * FROM opd WHERE id = ?').get(id) as OpdRow | undefined;
  if (!row) throw new WartaError('not_found', 'OPD tidak ditemukan.', { id });
  return toOpd(row);
}

export const opdHandlers: HandlerGroup<'opd.list' | 'opd.save' | 'opd.delete' | 'opd.restore'> = {
  'opd.list': (input, ctx) => {
    const rows = ctx.db
      .prepare(`SELECT * FROM opd ${input.includeDeleted ? '' : 'WHERE deleted_at IS NULL'} ORDER BY name COLLATE NOCASE, id`)
      .all() as OpdRow[];
    return rows.map(toOpd);
  },
  'opd.save': (input, ctx) => {
    const values = {
      name: input.name,
      abbreviation: input.abbreviation,
      phone: input.phone,
      email: input.email,
      active: input.active,
    };
    const id = input.id ?? ctx.mutator.insert('opd', values);
    if (input.id) ctx.mutator.update('opd', input.id, values);
    return readOpd(ctx, id);
  },
  'opd.delete': (input, ctx) => {
    ctx.mutator.remove('opd', input.id);
    return readOpd(ctx, input.id);
  },
  'opd.restore': (input, ctx) => {
    ctx.mutator.restore('opd', input.id);
    return readOpd(ctx, input.id);
  },
};
