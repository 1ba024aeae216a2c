/**
 * One data folder, one process (issue 19): a second process opening a folder in use is refused
 * with a sentence naming the process holding it, in browser mode and for any core; the lock
 * goes with its process however that process ends (here: SIGKILL), so there is no stale lock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { LOCK_HOLDER_FILE } from '../../electron/core/db/data-folder-lock';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { startService, type Service } from '../support/raw-http';
import { removeDir, tempDir } from '../support/temp-dir';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../support/temp-dir';

const services: Service[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) removeDir(d);
});
const folder = () => {
  const d = tempDir('lock');
  dirs.push(d);
  return d;
};

describe('one data folder, one process', () => {
  it('a core in another process holds the folder; this one is refused with its PID; after that process is killed the folder opens', { timeout: 60_000 }, async () => {
    const dir = folder();
    const holder = await startService('test/support/hold-data-folder.ts', [dir], /HELD (\d+)/);
    services.push(holder);
    const pid = Number(holder.match[1]);
    let refused: unknown;
    try {
      createCore({ dataDir: dir, logger: createMemoryLogger() });
    } catch (err) {
      refused = err;
    }
    expect(refused).toMatchObject({ code: 'data_dir_in_use' });
    const message = (refused as Error).message;
    expect(message).toMatch(new RegExp(`^Folder data ini sedang dipakai oleh Warta lain: proses ${pid} \\(mode peramban\\) di komputer ini, berjalan sejak `));
    expect(message).toMatch(/\(This data folder is in use by another Warta: process \d+/);
    // Killed without any chance to clean up: the operating system lets go of the lock.
    holder.child.kill('SIGKILL');
    await new Promise((r) => holder.child.once('exit', r));
    expect(fs.existsSync(path.join(dir, LOCK_HOLDER_FILE))).toBe(true); // its note is stale, the lock is not
    const core = createCore({ dataDir: dir, logger: createMemoryLogger() });
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_HOLDER_FILE), 'utf8'))).toMatchObject({ pid: process.pid, mode: 'test' });
    core.close();
    expect(fs.existsSync(path.join(dir, LOCK_HOLDER_FILE))).toBe(false);
  });

  it('two browser-mode hosts on one folder: the second exits with the sentence, the first keeps serving', { timeout: 90_000 }, async () => {
    const dir = folder();
    const rendererDir = folder();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Warta</title>');
    const first = await startService('electron/browser-host/main.ts', ['--data-dir', dir, '--port', '0', '--renderer', rendererDir], /WARTA_URL=(http:\/\/127\.0\.0\.1:\d+)/);
    services.push(first);
    const second = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'electron/browser-host/main.ts'), '--data-dir', dir, '--port', '0', '--renderer', rendererDir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`Warta tidak dapat dimulai: Folder data ini sedang dipakai oleh Warta lain: proses ${first.child.pid} \\(mode peramban\\)`));
    expect(first.alive()).toBe(true);
    expect((await fetch(`${first.match[1]}/health`)).status).toBe(200);
  });

  it('a second core in the same process is refused too, and opens once the first is closed', () => {
    const dir = folder();
    const a = createCore({ dataDir: dir, logger: createMemoryLogger() });
    expect(() => createCore({ dataDir: dir, logger: createMemoryLogger() })).toThrow(/sedang dipakai oleh Warta lain: proses \d+ \(uji\) di komputer ini/);
    a.close();
    const b = createCore({ dataDir: dir, logger: createMemoryLogger() });
    b.close();
  });
});
