/** notices.ts: a new head is announced; the socket comes back after the server restarts; a bad token is no crash. */
import { afterEach, describe, expect, it } from 'vitest';
import { NoticeChannel } from '../../../electron/core/sync/notices';
import { insecureFileTokenVault } from '../../../electron/core/sync/token-vault';
import { waitUntil as until } from '../../support/wait';
import { startTestServer } from '../support';
import { office, type Office } from './helpers';

let o: Office | null = null;
const channels: NoticeChannel[] = [];
afterEach(async () => {
  for (const c of channels.splice(0)) c.close();
  await o?.close();
  o = null;
});

describe('notices', () => {
  it('announces the new head when another device pushes, and reconnects after the server restarts', async () => {
    o = await office(2);
    const [a, b] = o.devices as [Office['devices'][number], Office['devices'][number]];
    const heads: number[] = [];
    let url = o.server.server.url;
    const channel = new NoticeChannel({ serverUrl: () => url, token: () => insecureFileTokenVault(a.dir).load(), onHead: (h) => heads.push(h), retryMs: () => 100 });
    channels.push(channel);
    channel.open();
    // On connect the server says where the log stands.
    await until(() => heads.length === 1);
    expect(heads[0]).toBe(0);
    await b.core.invoke('opd.save', { name: 'Dinas Pariwisata', abbreviation: 'Dispar' });
    await b.engine.syncNow();
    await until(() => heads.some((h) => h > 0));
    const head = await o.server.store.head(o.workspace);
    expect(heads.at(-1)).toBe(head);

    // The server goes away and comes back on the same port and storage.
    const { dir, server } = o.server;
    const port = server.port;
    await o.server.close();
    await until(() => !channel.connected);
    o.server = await startTestServer({ dir, port });
    url = o.server.server.url;
    const seen = heads.length;
    await until(() => heads.length > seen);
    expect(heads.at(-1)).toBe(head);
    expect(channel.connected).toBe(true);

    // Closed for good: no reconnect.
    channel.close();
    expect(channel.connected).toBe(false);
  });

  it('a refused token closes the socket without a crash and without a notice', async () => {
    o = await office(1);
    const heads: number[] = [];
    let attempts = 0;
    const channel = new NoticeChannel({
      serverUrl: () => o?.server.server.url ?? null,
      token: () => {
        attempts += 1;
        return 'token-yang-tidak-dikenal';
      },
      onHead: (h) => heads.push(h),
      retryMs: () => 50,
    });
    channels.push(channel);
    channel.open();
    await until(() => attempts >= 3);
    expect(heads).toEqual([]);
    expect(channel.connected).toBe(false);
  });

  it('stays quiet while the device is not configured', () => {
    const channel = new NoticeChannel({ serverUrl: () => null, token: () => null, onHead: () => undefined });
    channel.open();
    expect(channel.connected).toBe(false);
    channel.close();
  });
});
