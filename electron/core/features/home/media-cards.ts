/**
 * Media cooperation's cards: contracts behind the pace their quota asks for, contracts ending
 * soon, journalists whose UKW certificate expires soon. Dates are YYYY-MM-DD keys (the
 * directory's own form), compared as text.
 */
import { CONTRACT_ENDING_DAYS, DESK_ITEMS_MAX, UKW_EXPIRING_DAYS, type DeskItem } from '../../../../shared/home/desk';
import { addDays, type CardAnswer, type DeskScope } from './card-query';

interface ContractRow {
  id: string;
  number: string | null;
  period_start: string;
  period_end: string;
  outlet_name: string | null;
}

const ACTIVE = `c.deleted_at IS NULL AND coalesce(c.status, 'active') NOT IN ('cancelled', 'draft', 'ended')`;

const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * A contract is behind when, summed over its products, what was delivered up to today is less
 * than the quota times the share of the period already gone (rounded down: a day's slack).
 * Delivered counts as shared/media/quota.ts counts it (inside the period, products with a
 * quota, capped at the quota), aggregated in SQL over the publication index: a year of an
 * active office holds tens of thousands of proofs.
 */
export function contractsBehind(s: DeskScope): CardAnswer {
  const rows = s.ctx.db
    .prepare(
      `WITH active AS (
         SELECT c.id, c.number, c.period_start, c.period_end, o.name AS outlet_name FROM media_contract c LEFT JOIN media_outlet o ON o.id = c.outlet_id
         WHERE ${ACTIVE} AND c.period_start <= :today AND c.period_end >= :today),
       quota AS (
         SELECT q.contract_id, q.product, max(q.quota) AS quota FROM media_contract_quota q JOIN active a ON a.id = q.contract_id
         WHERE q.deleted_at IS NULL AND q.quota > 0 GROUP BY q.contract_id, q.product),
       counted AS (
         SELECT q.contract_id, q.quota, (SELECT count(*) FROM media_publication p INDEXED BY media_publication_quota
           WHERE p.contract_id = q.contract_id AND p.product = q.product AND p.deleted_at IS NULL AND p.published_on >= a.period_start AND p.published_on <= :today) AS n
         FROM quota q JOIN active a ON a.id = q.contract_id)
       SELECT a.id, a.number, a.period_start, a.period_end, a.outlet_name, sum(c.quota) AS quota, sum(min(c.n, c.quota)) AS delivered
       FROM active a JOIN counted c ON c.contract_id = a.id
       GROUP BY a.id ORDER BY a.period_end, a.id`,
    )
    .all({ today: s.today }) as (ContractRow & { quota: number; delivered: number })[];
  const behind: DeskItem[] = [];
  for (const c of rows) {
    const share = Math.min(1, dayCount(c.period_start, s.today) / dayCount(c.period_start, c.period_end));
    const expected = Math.floor(c.quota * share);
    if (c.delivered >= expected) continue;
    behind.push({
      key: c.id,
      title: c.outlet_name ?? '',
      detail: c.number ?? '',
      atMs: null,
      minutes: null,
      figure: `${c.delivered}/${expected}/${c.quota}`,
      flags: ['late'],
      target: { section: 'media' },
    });
  }
  return { items: behind.slice(0, DESK_ITEMS_MAX), total: behind.length };
}

export function contractsEnding(s: DeskScope): CardAnswer {
  const rows = s.ctx.db
    .prepare(
      `SELECT c.id, c.number, c.period_start, c.period_end, o.name AS outlet_name FROM media_contract c LEFT JOIN media_outlet o ON o.id = c.outlet_id
       WHERE ${ACTIVE} AND c.period_end >= ? AND c.period_end <= ? ORDER BY c.period_end, c.id`,
    )
    .all(s.today, addDays(s.today, CONTRACT_ENDING_DAYS)) as ContractRow[];
  const items = rows.slice(0, DESK_ITEMS_MAX).map(
    (c): DeskItem => ({ key: c.id, title: c.outlet_name ?? '', detail: c.number ?? '', atMs: null, minutes: null, figure: c.period_end, flags: ['soon'], target: { section: 'media' } }),
  );
  return { items, total: rows.length };
}

/** Certificates expiring within the horizon, and those already lapsed (still listed: the journalist is still on the lists). */
export function ukwExpiring(s: DeskScope): CardAnswer {
  const where = `j.deleted_at IS NULL AND j.erased_at IS NULL AND j.ukw_valid_until IS NOT NULL AND j.ukw_valid_until != '' AND j.ukw_valid_until <= ?`;
  const horizon = addDays(s.today, UKW_EXPIRING_DAYS);
  // Only the first items are read: a directory of thousands may hold hundreds of lapsed certificates.
  const total = (s.ctx.db.prepare(`SELECT count(*) AS n FROM media_journalist j WHERE ${where}`).get(horizon) as { n: number }).n;
  const rows = s.ctx.db
    .prepare(
      `SELECT j.id, j.name, j.ukw_level, j.ukw_valid_until, o.name AS outlet_name FROM media_journalist j LEFT JOIN media_outlet o ON o.id = j.outlet_id
       WHERE ${where} ORDER BY j.ukw_valid_until, j.id LIMIT ?`,
    )
    .all(horizon, DESK_ITEMS_MAX) as { id: string; name: string | null; ukw_level: string | null; ukw_valid_until: string; outlet_name: string | null }[];
  const items = rows.map(
    (j): DeskItem => ({
      key: j.id,
      title: j.name ?? '',
      detail: [j.outlet_name, j.ukw_level].filter(Boolean).join(' · '),
      atMs: null,
      minutes: null,
      figure: j.ukw_valid_until,
      flags: [j.ukw_valid_until < s.today ? 'late' : 'soon'],
      target: { section: 'media' },
    }),
  );
  return { items, total };
}
