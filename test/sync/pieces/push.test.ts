/** push.ts: pages of whole log entries, the byte split (entries kept whole), refusals recorded, the mark after each acknowledged page. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../electron/core/data/change';
import { splitByBytes } from '../../../electron/core/sync/push';
import { faultyFetch, localChangeCount, office, stateOf, type Office } from './helpers';

let o: Office | null = null;
afterEach(async () => {
  await o?.close();
  o = null;
});

const change = (i: number, text: string, table = 'opd'): Change => ({ hlc: `h${i}`, table: table as Change['table'], rowId: `r${i}`, fields: { name: text } });

describe('push', () => {
  it('splits a page so no request passes the byte limit, in order, and never drops an oversized change', () => {
    const changes = [change(1, 'a'.repeat(300)), change(2, 'b'.repeat(300)), change(3, 'c'.repeat(2000)), change(4, 'd')];
    const parts = splitByBytes(changes, 700);
    expect(parts.flat().map((c) => c.hlc)).toEqual(['h1', 'h2', 'h3', 'h4']);
    for (const part of parts) if (part.length > 1) expect(Buffer.byteLength(JSON.stringify(part))).toBeLessThan(700 + 100);
    expect(parts.find((p) => p.some((c) => c.hlc === 'h3'))).toHaveLength(1);
  });

  it('starts a request only where a log entry starts, unless one entry alone passes the limit', () => {
    const changes = [change(1, 'a'.repeat(300)), change(2, 'b'.repeat(300)), change(3, 'c'.repeat(300)), change(4, 'd'.repeat(300)), change(5, 'e'.repeat(300))];
    const entry: Record<string, number> = { h1: 0, h2: 1, h3: 1, h4: 2, h5: 2 };
    const parts = splitByBytes(changes, 800, (c) => entry[c.hlc] as number);
    expect(parts.map((p) => p.map((c) => c.hlc))).toEqual([['h1'], ['h2', 'h3'], ['h4', 'h5']]);
    const big = splitByBytes(changes, 800, () => 0);
    expect(big.flat().map((c) => c.hlc)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(big.length).toBeGreaterThan(1);
  });

  it('moves the pushed mark after each acknowledged page; a page lost on the way is sent again, stored once', async () => {
    let pushes = 0;
    let broken = false;
    o = await office(1, {
      sync: {
        pushPageChanges: 2,
        // From the second push on, the network drops (twice: the client retries once at once).
        fetch: faultyFetch((url, method) => method === 'POST' && url.endsWith('/v1/push') && (broken || (++pushes >= 2 && (broken = true)))),
      },
    });
    const [d] = o.devices as [NonNullable<Office['devices'][number]>];
    const m = d.core.context.mutator;
    for (let i = 0; i < 5; i++) m.transaction(() => m.insert('opd', { name: `Dinas ${i}` }));
    const total = localChangeCount(d);
    const first = await d.engine.syncNow();
    expect(first.state).toBe('offline');
    const mark = stateOf(d).num('push_seq');
    const firstSeq = (d.core.context.db.prepare("SELECT min(seq) AS s FROM change_log WHERE origin = 'local'").get() as { s: number }).s;
    // One page (two single-change entries) was acknowledged: the mark sits after it, no further.
    expect(mark).toBe(firstSeq + 1);
    expect(first.pendingChanges).toBe(total - 2);
    broken = false;
    pushes = -100;
    const second = await d.engine.syncNow();
    expect(second).toMatchObject({ state: 'up_to_date', pendingChanges: 0 });
    expect(await o.server.store.head(o.workspace)).toBe(total);
  });
});
