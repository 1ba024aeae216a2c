import { afterEach, describe, expect, it } from 'vitest';
import { canonicalDump } from '../support/canonical-dump';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

let server: TestServer | null = null;
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) d.cleanup();
  await server?.close();
  server = null;
});

describe('sync between two devices through a real server', () => {
  it('moves an OPD created on one device to the other, and an edit back', async () => {
    server = await startTestServer();
    const ws = await server.server.admin.createWorkspace('Humas Sukamaju');
    const a = openDevice();
    const b = openDevice();
    devices.push(a, b);
    await enrol(a, server.server, ws.id);
    await enrol(b, server.server, ws.id);
    const t0 = performance.now();
    const { id } = (await a.core.invoke('opd.save', { name: 'Dinas Komunikasi dan Informatika', abbreviation: 'Diskominfo' })) as { id: string };
    const sa = await a.engine.syncNow();
    expect(sa.state, sa.message ?? '').toBe('up_to_date');
    expect(sa.pendingChanges).toBe(0);
    const sb = await b.engine.syncNow();
    expect(sb.state, sb.message ?? '').toBe('up_to_date');
    const list = (await b.core.invoke('opd.list', {})) as { id: string; name: string }[];
    expect(list.map((o) => o.name)).toContain('Dinas Komunikasi dan Informatika');
    await b.core.invoke('opd.save', { id, name: 'Diskominfo Kota', abbreviation: 'Diskominfo' });
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(canonicalDump(a.core.context.db)).toEqual(canonicalDump(b.core.context.db));
    console.log('basic round', Math.round(performance.now() - t0), 'ms');
  });
});
