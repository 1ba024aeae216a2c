import { WartaError } from '../../../../shared/contract/errors';
import { DEFAULT_PRECEDENCE, type CoverageStaff, type Official, type StaffDuty } from '../../../../shared/agenda/people';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';

interface OfficialRow {
  id: string;
  name: string | null;
  position: string | null;
  institution: string | null;
  precedence_rank: number | null;
  is_leader: number | null;
  active: number | null;
  deleted_at: string | null;
}
interface StaffRow {
  id: string;
  name: string | null;
  duties: string | null;
  phone: string | null;
  active: number | null;
  deleted_at: string | null;
}

const toOfficial = (r: OfficialRow): Official => ({
  id: r.id,
  name: r.name ?? '',
  position: r.position ?? '',
  institution: r.institution ?? '',
  precedenceRank: r.precedence_rank ?? 999,
  isLeader: r.is_leader === 1,
  active: r.active !== 0,
  deletedAt: r.deleted_at,
});

function duties(json: string | null): StaffDuty[] {
  try {
    const v = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(v) ? (v.filter((d) => d === 'reporter' || d === 'photographer' || d === 'videographer') as StaffDuty[]) : [];
  } catch {
    return [];
  }
}
const toStaff = (r: StaffRow): CoverageStaff => ({ id: r.id, name: r.name ?? '', duties: duties(r.duties), phone: r.phone ?? '', active: r.active !== 0, deletedAt: r.deleted_at });

export function readOfficial(ctx: Pick<CoreContext, 'db'>, id: string): Official {
  const row = ctx.db.prepare('SELECT * FROM officials WHERE id = ?').get(id) as OfficialRow | undefined;
  if (!row) throw new WartaError('not_found', 'Pejabat tidak ditemukan.', { id });
  return toOfficial(row);
}

export function listOfficials(ctx: Pick<CoreContext, 'db'>, includeDeleted = false): Official[] {
  const rows = ctx.db
    .prepare(`SELECT * FROM officials ${includeDeleted ? '' : 'WHERE deleted_at IS NULL'} ORDER BY precedence_rank, name COLLATE NOCASE, id`)
    .all() as OfficialRow[];
  return rows.map(toOfficial);
}

export function listStaff(ctx: Pick<CoreContext, 'db'>, includeDeleted = false): CoverageStaff[] {
  const rows = ctx.db.prepare(`SELECT * FROM coverage_staff ${includeDeleted ? '' : 'WHERE deleted_at IS NULL'} ORDER BY name COLLATE NOCASE, id`).all() as StaffRow[];
  return rows.map(toStaff);
}

function readStaff(ctx: CoreContext, id: string): CoverageStaff {
  const row = ctx.db.prepare('SELECT * FROM coverage_staff WHERE id = ?').get(id) as StaffRow | undefined;
  if (!row) throw new WartaError('not_found', 'Petugas liputan tidak ditemukan.', { id });
  return toStaff(row);
}

type PeopleMethods =
  | 'agenda.officials.list'
  | 'agenda.officials.save'
  | 'agenda.officials.delete'
  | 'agenda.officials.restore'
  | 'agenda.officials.seedDefaults'
  | 'agenda.staff.list'
  | 'agenda.staff.save'
  | 'agenda.staff.delete';

export const agendaPeopleHandlers: HandlerGroup<PeopleMethods> = {
  'agenda.officials.list': (input, ctx) => listOfficials(ctx, input.includeDeleted),
  'agenda.officials.save': (input, ctx) => {
    const values = { name: input.name, position: input.position, institution: input.institution, precedence_rank: input.precedenceRank, is_leader: input.isLeader, active: input.active };
    const id = input.id ?? ctx.mutator.insert('officials', values);
    if (input.id) ctx.mutator.update('officials', input.id, values);
    return readOfficial(ctx, id);
  },
  'agenda.officials.delete': (input, ctx) => {
    ctx.mutator.remove('officials', input.id);
    return readOfficial(ctx, input.id);
  },
  'agenda.officials.restore': (input, ctx) => {
    ctx.mutator.restore('officials', input.id);
    return readOfficial(ctx, input.id);
  },
  /** Adds the UU 9/2010 default positions (names to be filled in) when the list is empty. */
  'agenda.officials.seedDefaults': (_input, ctx) => {
    if (listOfficials(ctx, true).length > 0) {
      throw new WartaError('conflict', 'Daftar pejabat sudah berisi; urutan bawaan hanya diisi ke daftar yang kosong.');
    }
    ctx.mutator.transaction(() => {
      for (const p of DEFAULT_PRECEDENCE) {
        ctx.mutator.insert('officials', { name: '(nama belum diisi)', position: p.position, institution: '', precedence_rank: p.rank, is_leader: p.isLeader, active: true });
      }
    });
    return listOfficials(ctx);
  },
  'agenda.staff.list': (input, ctx) => listStaff(ctx, input.includeDeleted),
  'agenda.staff.save': (input, ctx) => {
    const values = { name: input.name, duties: input.duties, phone: input.phone, active: input.active };
    const id = input.id ?? ctx.mutator.insert('coverage_staff', values);
    if (input.id) ctx.mutator.update('coverage_staff', input.id, values);
    return readStaff(ctx, id);
  },
  'agenda.staff.delete': (input, ctx) => {
    ctx.mutator.remove('coverage_staff', input.id);
    return readStaff(ctx, input.id);
  },
};
