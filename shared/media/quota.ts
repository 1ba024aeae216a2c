import { PRODUCTS, type Product } from './vocabulary';

export interface QuotaContract {
  id: string;
  periodStart: string;
  periodEnd: string;
  quotas: readonly { product: Product; quota: number }[];
}

export interface QuotaPublication {
  contractId: string | null;
  product: Product;
  publishedOn: string;
}

export interface ProductProgress {
  product: Product;
  quota: number;
  /** Counted in the window asked for (the whole contract when none). */
  delivered: number;
  /** Counted from the contract's start to the end of the window. */
  deliveredToDate: number;
  /** Quota not yet met by the end of the window (never below 0). */
  missing: number;
  /** Delivered beyond the quota (not paid, but shown). */
  over: number;
}

const inRange = (d: string, from: string, to: string) => d >= from && d <= to;

/**
 * Progress of a contract per product. A publication counts when it names the contract, its
 * product has a quota, and its date lies inside the contract's period; within a reporting
 * window `[from, to]` it counts as delivered in that window. Products without a quota in the
 * contract are left out.
 */
export function contractProgress(contract: QuotaContract, publications: readonly QuotaPublication[], window?: { from: string; to: string }): ProductProgress[] {
  const from = window && window.from > contract.periodStart ? window.from : contract.periodStart;
  const to = window && window.to < contract.periodEnd ? window.to : contract.periodEnd;
  const inWindow = new Map<Product, number>();
  const toDate = new Map<Product, number>();
  for (const p of publications) {
    if (p.contractId !== contract.id || !inRange(p.publishedOn, contract.periodStart, contract.periodEnd)) continue;
    if (p.publishedOn <= to) toDate.set(p.product, (toDate.get(p.product) ?? 0) + 1);
    if (inRange(p.publishedOn, from, to)) inWindow.set(p.product, (inWindow.get(p.product) ?? 0) + 1);
  }
  return PRODUCTS.flatMap((product) => {
    const q = contract.quotas.find((x) => x.product === product);
    if (!q || q.quota <= 0) return [];
    const deliveredToDate = toDate.get(product) ?? 0;
    return [{
      product,
      quota: q.quota,
      delivered: inWindow.get(product) ?? 0,
      deliveredToDate,
      missing: Math.max(0, q.quota - deliveredToDate),
      over: Math.max(0, deliveredToDate - q.quota),
    }];
  });
}

/** The contract whose period covers `date` for this outlet; the latest-starting one when several do. */
export function contractFor<T extends { id: string; outletId: string; periodStart: string; periodEnd: string; status: string }>(
  contracts: readonly T[],
  outletId: string,
  date: string,
): T | null {
  let best: T | null = null;
  for (const c of contracts) {
    if (c.outletId !== outletId || c.status === 'cancelled' || !inRange(date, c.periodStart, c.periodEnd)) continue;
    if (!best || c.periodStart > best.periodStart) best = c;
  }
  return best;
}

/** A contract's state on `today`: before, during or after its period (cancelled and terminated contracts stay so). */
export function contractState(c: { periodStart: string; periodEnd: string; status: string }, today: string): 'upcoming' | 'running' | 'ended' | 'cancelled' {
  if (c.status === 'cancelled') return 'cancelled';
  if (c.status === 'ended') return 'ended'; // terminated early
  if (today < c.periodStart) return 'upcoming';
  if (today > c.periodEnd) return 'ended';
  return 'running';
}
