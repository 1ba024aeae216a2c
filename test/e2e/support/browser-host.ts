import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, TMP_ROOT } from './paths';

export interface WartaHost {
  /** http://127.0.0.1:PORT/#token=… */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * A fresh browser-mode host with its own empty data folder, so every test starts from first
 * run and no test sees another's data.
 */
export async function startWartaHost(name: string): Promise<WartaHost> {
  fs.mkdirSync(TMP_ROOT, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(TMP_ROOT, `data-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}-`));
  const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['electron/browser-host/main.ts', '--data-dir', dataDir, '--port', '0'], {
    cwd: REPO_ROOT,
    // Own process group: stop() ends the tsx wrapper and the node process it starts, nothing else.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  const url = await readUrl(child);
  return {
    url,
    dataDir,
    stop: () => stopProcessGroup(child),
  };
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`browser host did not print WARTA_URL within 90 s\n${out}\n${err}`)), 90_000); // a loaded two-core machine can take this long to compile and start the host
    function fail(e: Error) {
      clearTimeout(timer);
      void stopProcessGroup(child);
      reject(e);
    }
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (err += chunk));
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const match = /^WARTA_URL=(\S+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`browser host exited (${code}) before it was ready\n${out}\n${err}`)));
  });
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
