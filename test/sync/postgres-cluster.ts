/**
 * A private PostgreSQL cluster for tests and benchmarks: initdb in the repo's ignored .tmp/,
 * owned by the `postgres` OS user (PostgreSQL refuses to run as root), listening on a free
 * port of 127.0.0.1 with its socket in the cluster folder; stopped and removed afterwards.
 * Every step is bounded in time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../support/temp-dir';

export interface PgCluster {
  url: string;
  port: number;
  stop(): void;
}

export function findPgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

export const PG_MISSING_REASON =
  'SKIPPED LOUDLY: PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; install the Debian package "postgresql" (.ci/run does) to run the PostgreSQL adapter tests.';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error(PG_MISSING_REASON);
  const base = path.join(REPO_ROOT, '.tmp', 'pg');
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, 'cluster-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[], timeout = 60_000) => {
    const full = asRoot ? ['-u', 'postgres', '--', path.join(bin, cmd), ...args] : args;
    const r = spawnSync(asRoot ? 'runuser' : path.join(bin, cmd), full, { timeout, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  if (asRoot) {
    fs.chmodSync(base, 0o755);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], 120_000);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`,
    'start',
  ]);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'warta_sync']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/warta_sync`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
