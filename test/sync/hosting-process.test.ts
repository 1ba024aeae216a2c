/**
 * "Host the office sync server on this computer" runs the server as its own process through
 * the hosting port: what a person at the hosting computer would notice when the port is taken,
 * the address is wrong, the server process hangs, dies or outlives the app.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { createMemoryLogger } from '../../electron/core/log/logger';
import { REPO_ROOT, removeDir, tempDir } from '../support/temp-dir';
import { freePort, waitUntil as until } from '../support/wait';
import { openDevice, type TestDevice } from './support';

const devices: TestDevice[] = [];
const pids: number[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) {
    await d.engine.idle();
    d.cleanup();
  }
  // Whatever a failed test left running.
  for (const pid of pids.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/** True while the process runs (a zombie waiting for a reaper that may never come counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The server process's id, from the core's own log line. */
function serverPid(d: TestDevice, nth = -1): number {
  const lines = (d.core.context.logger as ReturnType<typeof createMemoryLogger>).lines.filter((l) => l.event === 'sync.host.started');
  const pid = lines.at(nth)?.data?.pid;
  if (typeof pid !== 'number') throw new Error('no server started');
  pids.push(pid);
  return pid;
}

describe('the hosted office server is its own process', () => {
  it('runs apart from the app, gets its admin token by environment only, and stops with hosting', async () => {
    const host = openDevice();
    devices.push(host);
    const st = await host.core.invoke('sync.host.start', { host: '127.0.0.1', port: 0, allowInsecureHttp: false });
    expect(st.hosting).not.toBeNull();
    const pid = serverPid(host);
    expect(pid).not.toBe(process.pid);
    expect(alive(pid)).toBe(true);
    if (process.platform === 'linux') {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(cmdline.some((a) => a.endsWith(path.join('server', 'main.ts')))).toBe(true);
      expect(cmdline.join(' ')).not.toMatch(/token/i);
      const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const token = environ.find((e) => e.startsWith('WARTA_SYNC_ADMIN_TOKEN='))?.split('=')[1] ?? '';
      expect(token.length).toBeGreaterThanOrEqual(40);
      // The admin API answers the token, and only the token.
      const url = `http://127.0.0.1:${st.hosting?.port}/v1/admin/workspaces/${st.hosting?.workspace}`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    }
    const stopped = await host.core.invoke('sync.host.stop');
    expect(stopped.hosting).toBeNull();
    expect(alive(pid)).toBe(false);
  });

  it('says in plain words when the port is taken or the address is not this computer, and keeps working', async () => {
    const host = openDevice();
    devices.push(host);
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      await expect(host.core.invoke('sync.host.start', { host: '127.0.0.1', port, allowInsecureHttp: false })).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining(`Port ${port} sudah dipakai program lain`),
      });
    } finally {
      await new Promise((r) => busy.close(r));
    }
    // TEST-NET-1 (RFC 5737) is nobody's address.
    await expect(host.core.invoke('sync.host.start', { host: '192.0.2.1', port: 0, allowInsecureHttp: true })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Alamat 192.0.2.1 bukan alamat komputer ini'),
    });
    expect((await host.core.invoke('sync.status')).hosting).toBeNull();
    await host.core.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' });
    // Nothing was left behind: the next start works.
    const st = await host.core.invoke('sync.host.start', { host: '127.0.0.1', port: 0, allowInsecureHttp: false });
    expect(st.hosting?.port).toBeGreaterThan(0);
  });

  it.skipIf(process.platform === 'win32')('a hung server does not hold up the app', async () => {
    const host = openDevice();
    devices.push(host);
    await host.core.invoke('sync.host.start', { host: '127.0.0.1', port: 0, allowInsecureHttp: false });
    const pid = serverPid(host);
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      await host.core.invoke('opd.save', { name: 'Dinas Sosial', abbreviation: 'Dinsos' });
      expect((await host.core.invoke('sync.status')).hosting).not.toBeNull();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });

  it('when the server process dies, the status says so and hosting comes back on the same port', async () => {
    const host = openDevice();
    const other = openDevice();
    devices.push(host, other);
    const port = await freePort();
    await host.core.invoke('sync.host.start', { host: '127.0.0.1', port, allowInsecureHttp: false });
    const { code, workspace, url } = await host.core.invoke('sync.host.issueCode', { role: 'writer' });
    await other.core.invoke('sync.configure', { serverUrl: url, workspace, code, deviceName: 'Laptop' });
    const first = serverPid(host);
    const problems: string[] = [];
    host.core.on('sync.status', (s) => s.hostingProblem && problems.push(s.hostingProblem));
    process.kill(first, 'SIGKILL');
    await until(() => problems.length > 0);
    expect(problems[0]).toMatch(/berhenti tiba-tiba \(sinyal SIGKILL\).*dijalankan ulang/);
    await until(() => host.engine.status().hosting !== null);
    const second = serverPid(host);
    expect(second).not.toBe(first);
    expect(host.engine.status()).toMatchObject({ hostingProblem: null, hosting: { port, workspace } });
    // The office carries on: the other laptop's edit reaches the host through the new process.
    await other.core.invoke('releases.create', { title: 'Rilis sesudah server pulih' });
    expect((await other.core.invoke('sync.now')).state).toBe('up_to_date');
    expect((await host.core.invoke('sync.now')).state).toBe('up_to_date');
    const titles = (host.core.context.db.prepare('SELECT title FROM releases').all() as { title: string }[]).map((r) => r.title);
    expect(titles).toContain('Rilis sesudah server pulih');
  });

  it('resumes hosting with the same workspace when the app opens again', async () => {
    const dir = tempDir('sync-host-resume');
    const port = await freePort();
    const first = openDevice(dir);
    const st = await first.core.invoke('sync.host.start', { host: '127.0.0.1', port, allowInsecureHttp: false });
    const pid = serverPid(first);
    first.close();
    await until(() => !alive(pid), 10_000);
    const again = openDevice(dir, { sync: { auto: true } });
    devices.push(again);
    await until(() => again.engine.status().hosting !== null);
    expect(again.engine.status().hosting).toMatchObject({ port, workspace: st.hosting?.workspace });
    await until(() => again.engine.status().state === 'up_to_date');
  });

  it('a killed app leaves no server behind', { timeout: 90_000 }, async () => {
    const dir = tempDir('sync-host-parent');
    try {
      const parent = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test', 'sync', 'hosting-parent.ts'), dir], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      parent.stdout.on('data', (d: Buffer) => (out += String(d)));
      parent.stderr.on('data', (d: Buffer) => (err += String(d)));
      await until(() => /^server \d+$/m.test(out) || parent.exitCode !== null, 60_000);
      const pid = Number(/^server (\d+)$/m.exec(out)?.[1]);
      expect(pid, err).toBeGreaterThan(0);
      pids.push(pid);
      expect(alive(pid)).toBe(true);
      parent.kill('SIGKILL');
      await until(() => !alive(pid), 15_000);
    } finally {
      removeDir(dir);
    }
  });
});
