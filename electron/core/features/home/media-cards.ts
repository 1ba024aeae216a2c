/**
 * Media cooperation's cards: contracts behind the pace their quota asks for, contracts ending
 * soon, journalists whose UKW certificate expires soon. Dates are YYYY-MM-DD keys (the
 * directory's own form), compared as text.
 */
import { contractProgress } from '../../../../shared/media/quota';
import type { Product } from '../../../../shared/media/vocabulary';
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
 */
export function contractsBehind(s: DeskScope): CardAnswer {
  const { db } = s.ctx;
  const contracts = db
    .prepare(
      `SELECT c.id, c.number, c.period_start, c.period_end, o.name AS outlet_name FROM media_contract c LEFT JOIN media_outlet o ON o.id = c.outlet_id
       WHERE ${ACTIVE} AND c.period_start <= ? AND c.period_end >= ? ORDER BY c.period_end, c.id`,
    )
    .all(s.today, s.today) as ContractRow[];
  const quotas = db.prepare('SELECT product, quota FROM media_contract_quota WHERE contract_id = ? AND deleted_at IS NULL');
  const pubs = db.prepare(
    "SELECT contract_id AS contractId, product, published_on AS publishedOn FROM media_publication WHERE contract_id = ? AND deleted_at IS NULL AND published_on <= ?",
  );
  const behind: DeskItem[] = [];
  for (const c of contracts) {
    const progress = contractProgress(
      { id: c.id, periodStart: c.period_start, periodEnd: c.period_end, quotas: quotas.all(c.id) as { product: Product; quota: number }[] },
      pubs.all(c.id, s.today) as { contractId: string; product: Product; publishedOn: string }[],
      { from: c.period_start, to: s.today },
    );
    const quota = progress.reduce((n, p) => n + p.quota, 0);
    if (quota === 0) continue;
    const delivered = progress.reduce((n, p) => n + Math.min(p.deliveredToDate, p.quota), 0);
    const share = Math.min(1, dayCount(c.period_start, s.today) / dayCount(c.period_start, c.period_end));
    const expected = Math.floor(quota * share);
    if (delivered >= expected) continue;
    behind.push({
      key: c.id,
      title: c.outlet_name ?? '',
      detail: c.number ?? '',
      atMs: null,
      minutes: null,
      figure: `${delivered}/${expected}/${quota}`,
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
  const rows = s.ctx.db
    .prepare(
      `SELECT j.id, j.name, j.ukw_level, j.ukw_valid_until, o.name AS outlet_name FROM media_journalist j LEFT JOIN media_outlet o ON o.id = j.outlet_id
       WHERE j.deleted_at IS NULL AND j.erased_at IS NULL AND j.ukw_valid_until IS NOT NULL AND j.ukw_valid_until != '' AND j.ukw_valid_until <= ?
       ORDER BY j.ukw_valid_until, j.id`,
    )
    .all(addDays(s.today, UKW_EXPIRING_DAYS)) as { id: string; name: string | null; ukw_level: string | null; ukw_valid_until: string; outlet_name: string | null }[];
  const items = rows.slice(0, DESK_ITEMS_MAX).map(
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
  return { items, total: rows.length };
}
