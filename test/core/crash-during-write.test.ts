import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { readChangeLog } from '../../electron/core/data/change-log';
import { openTestCore } from '../support/core-fixture';
import { REPO_ROOT, removeDir, tempDir } from '../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

/** Runs the writer until it has acknowledged `target` saves, then kills it without warning. */
function writeThenKill(dataDir: string, target: number): Promise<string[]> {
  // One process, so SIGKILL hits the writer itself (the tsx wrapper would leave its child running).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test', 'support', 'crash-writer.ts'), dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  let buffer = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`writer did not reach ${target} acks in 30 s: ${stderr}`));
    }, 30_000);
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length >= target && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      expect(child.pid).toBeDefined();
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited on its own: ${stderr}`));
    });
  });
}

it('after SIGKILL in the middle of writes, the database is intact and every acknowledged save is there', async () => {
  dir = tempDir('crash');
  const allAcked: string[] = [];
  for (const target of [40, 137, 260]) {
    allAcked.push(...(await writeThenKill(dir, target)));
    const fx = openTestCore({}, dir);
    const db = fx.core.context.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = new Set((db.prepare('SELECT id FROM opd').all() as { id: string }[]).map((r) => r.id));
    const missing = allAcked.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    // Each row has its change: the row and its log entry were committed together.
    const logged = new Set(readChangeLog(db).map((c) => c.rowId));
    expect([...ids].filter((id) => !logged.has(id))).toEqual([]);
    fx.core.close();
  }
}, 120_000);
