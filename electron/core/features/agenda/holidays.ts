import crypto from 'node:crypto';
import { WartaError } from '../../../../shared/contract/errors';
import { holidayFileSchema, type Holiday, type HolidayFile, type HolidayKind } from '../../../../shared/agenda/holidays';
import { runAsMachine } from '../../data/actor-scope';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import h2026 from '../../../../assets/holidays/2026.json' with { type: 'json' };
import h2027 from '../../../../assets/holidays/2027.json' with { type: 'json' };

/** The yearly tables shipped in assets/holidays, checked once. */
export const HOLIDAY_FILES: ReadonlyMap<number, HolidayFile> = new Map([h2026, h2027].map((f) => {
  const parsed = holidayFileSchema.parse(f);
  return [parsed.year, parsed];
}));

/**
 * A seeded holiday's id comes from its date and name, so two machines that seed the same
 * year offline produce the same rows and merge on sync instead of doubling.
 */
export function seededHolidayId(date: string, name: string): string {
  const h = crypto.createHash('sha256').update(`holiday:${date}:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface HolidayRow {
  id: string;
  date: string | null;
  name: string | null;
  kind: string | null;
  source: string | null;
  deleted_at: string | null;
}
const toHoliday = (r: HolidayRow): Holiday => ({ id: r.id, date: r.date ?? '', name: r.name ?? '', kind: (r.kind ?? 'libur_nasional') as HolidayKind, source: r.source ?? '' });

/** Seeds a year from its asset once (a seeded year is recorded on this machine; edits and deletions stay). */
export function ensureYearSeeded(ctx: Pick<CoreContext, 'db' | 'mutator'>, year: number): void {
  const file = HOLIDAY_FILES.get(year);
  if (!file) return;
  const key = `agenda.holidays.seeded.${year}`;
  if (ctx.db.prepare('SELECT 1 FROM local_meta WHERE key = ?').get(key)) return;
  // Seeding is the machine's work, not the reader's (a journalist reading the public agenda
  // triggers it). A machine whose role may not write the agenda leaves it to the office's
  // devices that may: their seeded rows arrive by sync.
  try {
    runAsMachine(() =>
      ctx.mutator.transaction(() => {
        for (const e of file.entries) {
          const id = seededHolidayId(e.date, e.name);
          if (ctx.db.prepare('SELECT 1 FROM agenda_holidays WHERE id = ?').get(id)) continue;
          ctx.mutator.write('agenda_holidays', id, { date: e.date, name: e.name, kind: e.kind, source: file.source });
        }
        ctx.db.prepare('INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)').run(key, new Date().toISOString());
      }),
    );
  } catch (err) {
    if (!(err instanceof WartaError && err.code === 'forbidden')) throw err;
  }
}

export function holidaysBetween(ctx: Pick<CoreContext, 'db' | 'mutator'>, fromKey: string, toKey: string): Holiday[] {
  for (let y = Number(fromKey.slice(0, 4)); y <= Number(toKey.slice(0, 4)); y++) ensureYearSeeded(ctx, y);
  const rows = ctx.db.prepare('SELECT * FROM agenda_holidays WHERE deleted_at IS NULL AND date >= ? AND date <= ? ORDER BY date, name').all(fromKey, toKey) as HolidayRow[];
  return rows.map(toHoliday);
}

function readHoliday(ctx: CoreContext, id: string): Holiday {
  const row = ctx.db.prepare('SELECT * FROM agenda_holidays WHERE id = ?').get(id) as HolidayRow | undefined;
  if (!row) throw new WartaError('not_found', 'Hari libur tidak ditemukan.', { id });
  return toHoliday(row);
}

export const holidayHandlers: HandlerGroup<'agenda.holidays.list' | 'agenda.holidays.save' | 'agenda.holidays.delete' | 'agenda.holidays.restore'> = {
  'agenda.holidays.list': (input, ctx) => holidaysBetween(ctx, `${input.year}-01-01`, `${input.year}-12-31`),
  'agenda.holidays.save': (input, ctx) => {
    const values = { date: input.date, name: input.name, kind: input.kind, source: input.source };
    const id = input.id ?? ctx.mutator.insert('agenda_holidays', values);
    if (input.id) ctx.mutator.update('agenda_holidays', input.id, values);
    return readHoliday(ctx, id);
  },
  'agenda.holidays.delete': (input, ctx) => {
    ctx.mutator.remove('agenda_holidays', input.id);
    return readHoliday(ctx, input.id);
  },
  'agenda.holidays.restore': (input, ctx) => {
    ctx.mutator.restore('agenda_holidays', input.id);
    return readHoliday(ctx, input.id);
  },
};
