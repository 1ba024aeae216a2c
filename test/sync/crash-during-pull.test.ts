/**
 * A device killed with SIGKILL at random points while applying a pull: restarted, it converges
 * with an intact database (PRAGMA integrity_check) equal to the sender's.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { canonicalDump } from '../support/canonical-dump';
import { REPO_ROOT, removeDir } from '../support/temp-dir';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

let server: TestServer | null = null;
const devices: TestDevice[] = [];
afterAll(async () => {
  for (const d of devices) d.cleanup();
  await server?.close();
  if (server) removeDir(server.dir);
});

function runUntilKilled(dir: string, killAtPage: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test', 'sync', 'crash-puller.ts'), dir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let pages = 0;
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      pages = (out.match(/^page /gm) ?? []).length;
      if (pages >= killAtPage && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && /done up_to_date/.test(out)) resolve('finished');
      else reject(new Error(`puller exited ${code}: ${out.slice(-300)} ${err.slice(-500)}`));
    });
  });
}

it('killed mid-pull at random pages, restarted, converges with an intact database', { timeout: 180_000 }, async () => {
  server = await startTestServer();
  const ws = (await server.server.admin.createWorkspace('Humas')).id;
  const a = openDevice();
  const b = openDevice();
  devices.push(a, b);
  await enrol(a, server.server, ws);
  await enrol(b, server.server, ws);
  // 1,500 rows in many tables' worth of writes, then edits over them.
  const m = a.core.context.mutator;
  const ids: string[] = [];
  m.transaction(() => {
    for (let i = 0; i < 1500; i++) ids.push(m.insert('opd', { name: `Dinas nomor ${i} ${'x'.repeat(40)}`, abbreviation: `D${i}` }));
  });
  for (let i = 0; i < 300; i++) m.update('opd', ids[(i * 7) % ids.length] as string, { name: `Diubah ${i}` });
  expect((await a.engine.syncNow()).state).toBe('up_to_date');
  await b.engine.idle();
  b.close();

  let kills = 0;
  const seed = Date.now();
  for (let round = 0; round < 4; round++) {
    const killAt = 1 + ((seed >> round) % 23) + round * 3;
    const r = await runUntilKilled(b.dir, killAt);
    if (r === 'killed') kills += 1;
    else break;
  }
  expect(kills).toBeGreaterThan(0);
  const again = openDevice(b.dir);
  devices.push(again);
  expect(again.core.context.db.pragma('integrity_check', { simple: true })).toBe('ok');
  const st = await again.engine.syncNow();
  expect(st.state, st.message ?? '').toBe('up_to_date');
  expect(canonicalDump(again.core.context.db)).toEqual(canonicalDump(a.core.context.db));
  expect(again.core.context.db.pragma('integrity_check', { simple: true })).toBe('ok');
});
