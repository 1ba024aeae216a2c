/**
 * The sync server as people run it, for benchmarks: its own process (`server/main.ts`), on
 * SQLite in a folder or on a PostgreSQL URL, with an admin token; plus devices enrolled through
 * it over plain HTTP, and pushes whose every answer is checked.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import * as Y from 'yjs';
import type { Role } from '../../shared/contract/permissions';
import { BODY_FRAGMENT } from '../../shared/releases/editor-schema';
import type { PushResult, WireChange } from '../../shared/sync/protocol';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export interface ServerProcess {
  url: string;
  pid: number;
  admin(p: string, body: unknown): Promise<Record<string, string>>;
  /** Resident memory of the server process, in MB. */
  rssMb(): number;
  stop(): void;
}

export async function spawnServer(storage: { dir: string } | { postgres: string }): Promise<ServerProcess> {
  const adminToken = crypto.randomBytes(16).toString('hex');
  const where = 'dir' in storage ? ['--data-dir', storage.dir] : ['--postgres', storage.postgres];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'server', 'main.ts'), ...where, '--port', '0', '--admin-token', adminToken], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server start timeout')), 60_000);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid as number,
    async admin(p, body) {
      const r = await fetch(`${url}${p}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` }, body: JSON.stringify(body) });
      if (r.status !== 200) throw new Error(`admin ${p}: HTTP ${r.status} ${await r.text()}`);
      return (await r.json()) as Record<string, string>;
    },
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024,
    stop: () => child.kill('SIGTERM'),
  };
}

export interface BenchDevice {
  node: string;
  token: string;
  counter: number;
}

export async function enrolDevice(url: string, admin: ServerProcess['admin'], workspace: string, role: Role, name: string): Promise<BenchDevice> {
  const { code } = await admin('/v1/admin/codes', { workspace, role });
  const node = crypto.randomBytes(8).toString('hex');
  const r = await fetch(`${url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace, code, deviceId: node, deviceName: name }) });
  if (r.status !== 200) throw new Error(`enrol: HTTP ${r.status} ${await r.text()}`);
  return { node, token: ((await r.json()) as { token: string }).token, counter: 0 };
}

export const stampOf = (d: BenchDevice) => `${String(Date.now()).padStart(15, '0')}-${String(d.counter++ % 1_000_000).padStart(6, '0')}-${d.node}`;

/** One small, valid Yjs body update (the same bytes merge idempotently). */
const BODY_UPDATE = (() => {
  const doc = new Y.Doc();
  doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')]);
  const update = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  doc.destroy();
  return update;
})();

/**
 * What a writer's device pushes in a working session, `perRelease` changes per release: a new
 * draft, its first transition row, a body update, a title edit (and so on). Every change is one
 * a writer may make, so a benchmark that checks every answer expects no refusal.
 */
export function writerChanges(d: BenchDevice, count: number): WireChange[] {
  const out: WireChange[] = [];
  const at = new Date().toISOString();
  while (out.length < count) {
    const id = crypto.randomUUID();
    const batch: WireChange[] = [
      { hlc: stampOf(d), table: 'releases', rowId: id, fields: { status: 'draft', title: `Rilis ${out.length}`, release_date: at.slice(0, 10), urgency: 'immediate', writer: 'Penulis' } },
      { hlc: stampOf(d), table: 'release_transitions', rowId: crypto.randomUUID(), fields: { release_id: id, from_status: null, to_status: 'draft', actor: 'Penulis', at } },
      { hlc: stampOf(d), table: 'release_body_updates', rowId: crypto.randomUUID(), fields: { release_id: id, update_b64: BODY_UPDATE } },
      { hlc: stampOf(d), table: 'releases', rowId: id, fields: { title: `Rilis ${out.length} (disunting)`, subtitle: 'Subjudul' } },
    ];
    out.push(...batch.slice(0, count - out.length));
  }
  return out;
}

/**
 * Kept-alive connections through node:http, as devices that stay connected hold them. (The global
 * fetch costs the client itself up to hundreds of milliseconds per request when fifty start at
 * once on a busy two-core machine: measured beside a server that answers `{}`.)
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function postJson(url: string, token: string, body: string): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Pushes and checks the answer: HTTP 200, every change accepted, none refused. */
export async function pushChecked(url: string, d: BenchDevice, changes: WireChange[]): Promise<PushResult> {
  const r = await postJson(`${url}/v1/push`, d.token, JSON.stringify({ changes }));
  const text = r.text;
  if (r.status !== 200) throw new Error(`push: HTTP ${r.status} ${text.slice(0, 300)}`);
  const result = JSON.parse(text) as PushResult;
  if (result.refused.length > 0 || result.accepted + result.duplicates !== changes.length)
    throw new Error(`push: ${result.accepted} accepted, ${result.refused.length} refused (${JSON.stringify(result.refused[0])})`);
  return result;
}
