import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Starts browser mode on a data folder in its own process group, for the Chromium benchmarks. */
export function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['electron/browser-host/main.ts', '--data-dir', dataDir, '--port', '0'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 60_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^WARTA_URL=(\S+)$/m.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
}

/** Stops the host and the node process tsx started for it (the whole group). */
export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  process.kill(-child.pid, 'SIGTERM');
  const t = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}
