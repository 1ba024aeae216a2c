/**
 * The Warta sync server: node:http + ws over a SyncStore. Started by `npm run server`
 * (server/main.ts), by the tests, and as the desktop app's child process when it hosts the
 * office sync server (server/main.ts in hosted mode, shared/sync/hosted-server.ts).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { permissionsOf, type Role } from '../shared/contract/permissions';
import { hlcMillis, parseHlc } from '../shared/sync/hlc';
import {
  BLOB_CHUNK_BYTES,
  DEFAULT_PULL_BYTES,
  enrolBodySchema,
  MAX_BLOB_BYTES,
  MAX_CLOCK_AHEAD_MS,
  MAX_PULL_BYTES,
  MAX_PUSH_BYTES,
  pushBodySchema,
  roleSchema,
  sha256Schema,
  type EnrolResult,
  type PushResult,
  type SyncErrorCode,
  type WireChange,
} from '../shared/sync/protocol';
import { insecureBindMessage, isLoopback } from '../shared/sync/bind-address';
import { checkFieldValue, fieldSpec, isReplicatedTable } from '../shared/sync/replicated-tables';
import { PUBLIC_FEED_PATH } from '../shared/sync/public-feed';
import { readableTables, writePermissionFor } from '../shared/sync/table-permissions';
import { createPublicFeeds } from './public-feed';
import type { DeviceRecord, StoredChange, SyncStore } from './store';
import { createUpdateRoutes } from './updates';

export interface SyncServerOptions {
  store: SyncStore;
  host?: string;
  port?: number;
  /** Needed to listen on a non-loopback address without HTTPS in front. */
  allowInsecureHttp?: boolean;
  /** Enables /v1/admin/* with `Authorization: Bearer <adminToken>`. */
  adminToken?: string | null;
  /** Folder of published desktop installers (server/updates.ts); null or absent: no updates offered. */
  updatesDir?: string | null;
  now?: () => number;
  maxClockAheadMs?: number;
  log?: (line: string) => void;
}

export interface SyncServer {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly store: SyncStore;
  readonly admin: SyncAdmin;
  /** Open WebSocket notice connections (for tests and the memory benchmark). */
  connections(): number;
  close(): Promise<void>;
}

export interface SyncAdmin {
  createWorkspace(name: string, id?: string): Promise<{ id: string; name: string }>;
  issueCode(workspaceId: string, role: Role, validForMs?: number): Promise<string>;
  revoke(workspaceId: string, deviceId: string): Promise<boolean>;
  devices(workspaceId: string): Promise<DeviceRecord[]>;
}

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const sha256 = (text: string | Buffer) => crypto.createHash('sha256').update(text).digest('hex');

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A human-typable code: 12 characters from an alphabet without look-alikes, in groups of four. */
export function newEnrolmentCode(): string {
  const bytes = crypto.randomBytes(12);
  let out = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += CODE_ALPHABET[(bytes[i] as number) % CODE_ALPHABET.length];
  }
  return out;
}
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function createAdmin(store: SyncStore, now: () => number = Date.now, onRevoke?: (ws: string, device: string) => void): SyncAdmin {
  return {
    async createWorkspace(name, id) {
      return store.createWorkspace(id ?? crypto.randomBytes(8).toString('hex'), name);
    },
    async issueCode(workspaceId, role, validForMs = 7 * 24 * 3600_000) {
      if (!(await store.workspace(workspaceId))) throw new SyncHttpError(404, 'not_found', `Ruang kerja ${workspaceId} tidak ada.`);
      const code = newEnrolmentCode();
      await store.addEnrolmentCode(workspaceId, sha256(normalizeCode(code)), roleSchema.parse(role), now() + validForMs);
      return code;
    },
    async revoke(workspaceId, deviceId) {
      const done = await store.revokeDevice(workspaceId, deviceId);
      if (done) onRevoke?.(workspaceId, deviceId);
      return done;
    },
    devices: (workspaceId) => store.devices(workspaceId),
  };
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.allowInsecureHttp) throw new SyncHttpError(400, 'bad_request', insecureBindMessage(host));
  const store = options.store;
  const now = options.now ?? Date.now;
  const maxAhead = options.maxClockAheadMs ?? MAX_CLOCK_AHEAD_MS;
  const log = options.log ?? (() => undefined);
  const sockets = new Map<string, Set<WebSocket & { deviceId?: string }>>();
  const admin = createAdmin(store, now, (ws, device) => {
    for (const s of sockets.get(ws) ?? []) if (s.deviceId === device) s.close(4001, 'revoked');
  });

  const feeds = createPublicFeeds(store, now);
  const updates = createUpdateRoutes({ dir: options.updatesDir ?? null, adminToken: options.adminToken ?? null, log });
  const unlisten = store.onAppend((workspaceId, head) => {
    const msg = JSON.stringify({ type: 'new', head });
    for (const s of sockets.get(workspaceId) ?? []) if (s.readyState === s.OPEN) s.send(msg);
  });

  async function authenticate(req: http.IncomingMessage, tokenOverride?: string): Promise<DeviceRecord> {
    const header = req.headers.authorization ?? '';
    const token = tokenOverride ?? (header.startsWith('Bearer ') ? header.slice(7).trim() : '');
    if (!token) throw new SyncHttpError(401, 'unauthorized', 'Perangkat belum terdaftar: token tidak ada. (No device token.)');
    const device = await store.deviceByToken(sha256(token));
    if (!device) throw new SyncHttpError(401, 'unauthorized', 'Token perangkat tidak dikenal server ini. Daftarkan ulang perangkat. (Unknown device token.)');
    if (device.revoked)
      throw new SyncHttpError(403, 'revoked', `Perangkat ${device.name} telah dicabut aksesnya oleh administrator. (This device was revoked.)`, { deviceId: device.deviceId });
    return device;
  }

  function checkChange(device: DeviceRecord, change: WireChange, perms: Set<string>, nowMs: number): void {
    const at = { hlc: change.hlc, table: change.table, rowId: change.rowId };
    const stamp = parseHlc(change.hlc);
    if (stamp.node !== device.deviceId)
      throw new SyncHttpError(403, 'wrong_device', `Perubahan ${change.hlc} bukan buatan perangkat ini (${device.deviceId}). (A device pushes only its own changes.)`, at);
    if (!isReplicatedTable(change.table))
      throw new SyncHttpError(422, 'unknown_table', `Tabel tidak dikenal server: ${change.table}. Perbarui server Warta. (Unknown table.)`, at);
    const needed = writePermissionFor(change.table);
    if (!needed || !perms.has(needed))
      throw new SyncHttpError(
        403,
        'forbidden',
        `Peran perangkat ini (${device.role}) tidak boleh mengubah ${change.table}${needed ? ` (perlu izin ${needed})` : ''}. (Role may not write this table.)`,
        { ...at, role: device.role, permission: needed },
      );
    for (const [name, value] of Object.entries(change.fields)) {
      const spec = fieldSpec(change.table, name);
      if (!spec) throw new SyncHttpError(422, 'unknown_field', `Kolom tidak dikenal server: ${change.table}.${name}. (Unknown field.)`, { ...at, field: name });
      const problem = checkFieldValue(spec, value);
      if (problem) throw new SyncHttpError(422, 'invalid_value', `Nilai ${change.table}.${name} tidak sah: ${problem}.`, { ...at, field: name });
    }
    const ahead = hlcMillis(change.hlc) - nowMs;
    if (ahead > maxAhead) {
      const minutes = Math.round(ahead / 60_000);
      throw new SyncHttpError(
        422,
        'clock_ahead',
        `Jam perangkat ${device.name} (${device.deviceId}) berjalan sekitar ${minutes} menit di depan jam server (cap waktu ${new Date(hlcMillis(change.hlc)).toISOString()}). ` +
          `Setel jam perangkat tersebut, lalu sinkronkan lagi. (The device's clock is ${minutes} min ahead of the server.)`,
        { ...at, aheadMs: ahead, deviceId: device.deviceId },
      );
    }
  }

  async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      throw new SyncHttpError(413, 'payload_too_large', `Kiriman terlalu besar (${declared} bita, batas ${limit}). Kirim dalam halaman lebih kecil.`);
    }
    const parts: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) throw new SyncHttpError(413, 'payload_too_large', `Kiriman terlalu besar (batas ${limit} bita).`);
        parts.push(chunk);
      }
    } catch (err) {
      if (err instanceof SyncHttpError) throw err;
      throw new SyncHttpError(400, 'bad_request', 'Kiriman terpotong: sambungan putus sebelum seluruh isi diterima. (Truncated body.)');
    }
    if (Number.isFinite(declared) && size !== declared) throw new SyncHttpError(400, 'bad_request', 'Kiriman terpotong. (Truncated body.)');
    return Buffer.concat(parts);
  }

  function parseJson(buf: Buffer): unknown {
    try {
      return JSON.parse(buf.toString('utf8'));
    } catch {
      throw new SyncHttpError(400, 'bad_request', 'Isi kiriman bukan JSON yang utuh (rusak atau terpotong). (Malformed or truncated JSON.)');
    }
  }

  function intParam(url: URL, name: string, fallback: number): number {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    if (!/^\d{1,15}$/.test(raw)) throw new SyncHttpError(400, 'bad_request', `Parameter ${name} tidak sah.`);
    return Number(raw);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const p = url.pathname;
    if (req.method === 'GET' && p === '/v1/health') return send(200, { ok: true, storage: store.kind });
    if (updates.matches(p)) return updates.handle(req, res, url, authenticate);

    if (req.method === 'POST' && p === '/v1/enrol') {
      const parsed = enrolBodySchema.safeParse(parseJson(await readBody(req, 16 * 1024)));
      if (!parsed.success) throw new SyncHttpError(400, 'bad_request', 'Data pendaftaran tidak lengkap atau tidak sah.', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
      const b = parsed.data;
      const ws = await store.workspace(b.workspace);
      const token = crypto.randomBytes(32).toString('base64url');
      const device = ws ? await store.redeemEnrolmentCode(b.workspace, sha256(normalizeCode(b.code)), { deviceId: b.deviceId, name: b.deviceName, tokenHash: sha256(token) }, now()) : null;
      if (!device || !ws) throw new SyncHttpError(403, 'enrol_failed', 'Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada administrator. (Invalid enrolment code.)');
      log(`enrol ${b.workspace} ${b.deviceId} ${device.role}`);
      return send(200, { token, workspace: ws.id, workspaceName: ws.name, role: device.role, deviceId: device.deviceId } satisfies EnrolResult);
    }

    if (p.startsWith('/v1/admin/')) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7) : '';
      const expected = options.adminToken;
      if (!expected || given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected)))
        throw new SyncHttpError(401, 'unauthorized', 'Token administrator salah atau fitur admin tidak diaktifkan.');
      const body = req.method === 'POST' ? (parseJson(await readBody(req, 16 * 1024)) as Record<string, unknown>) : {};
      const str = (k: string) => {
        const v = body[k];
        if (typeof v !== 'string' || v.length === 0 || v.length > 120) throw new SyncHttpError(400, 'bad_request', `Isian ${k} wajib.`);
        return v;
      };
      if (req.method === 'POST' && p === '/v1/admin/workspaces') return send(200, await admin.createWorkspace(str('name'), typeof body.id === 'string' ? body.id : undefined));
      if (req.method === 'POST' && p === '/v1/admin/codes') {
        const role = roleSchema.safeParse(body.role);
        if (!role.success) throw new SyncHttpError(400, 'bad_request', 'Peran tidak dikenal.');
        return send(200, { code: await admin.issueCode(str('workspace'), role.data) });
      }
      const wsPath = /^\/v1\/admin\/workspaces\/([A-Za-z0-9_-]{1,64})$/.exec(p);
      if (req.method === 'GET' && wsPath) {
        // The desktop app that hosts this server asks whether its office's workspace is still here.
        const found = await store.workspace(wsPath[1] as string);
        if (!found) throw new SyncHttpError(404, 'not_found', `Ruang kerja ${wsPath[1]} tidak ada.`);
        return send(200, found);
      }
      if (req.method === 'POST' && p === '/v1/admin/revoke') return send(200, { revoked: await admin.revoke(str('workspace'), str('deviceId')) });
      throw new SyncHttpError(404, 'not_found', 'Alamat tidak dikenal.');
    }

    const device = await authenticate(req);
    const ws = device.workspaceId;

    if (req.method === 'POST' && p === '/v1/push') {
      const parsed = pushBodySchema.safeParse(parseJson(await readBody(req, MAX_PUSH_BYTES)));
      if (!parsed.success) {
        const tooMany = parsed.error.issues.some((i) => i.code === 'too_big' && i.path.length === 1);
        throw new SyncHttpError(tooMany ? 413 : 400, tooMany ? 'payload_too_large' : 'bad_request', tooMany ? 'Terlalu banyak perubahan dalam satu kiriman.' : 'Bentuk kiriman perubahan tidak sah.', {
          issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
        });
      }
      const perms = permissionsOf([device.role]);
      const nowMs = now();
      for (const c of parsed.data.changes) checkChange(device, c, perms, nowMs);
      const rows: StoredChange[] = parsed.data.changes.map((c) => ({ hlc: c.hlc, table: c.table, rowId: c.rowId, body: JSON.stringify(c) }));
      const result = await store.append(ws, rows);
      return send(200, result satisfies PushResult);
    }

    if (req.method === 'GET' && p === '/v1/pull') {
      const after = intParam(url, 'after', 0);
      const maxBytes = intParam(url, 'maxBytes', DEFAULT_PULL_BYTES);
      if (maxBytes > MAX_PULL_BYTES) throw new SyncHttpError(413, 'payload_too_large', `Halaman yang diminta terlalu besar (batas ${MAX_PULL_BYTES} bita).`);
      const limit = Math.min(intParam(url, 'limit', 5000), 5000);
      // A device receives only the tables its role may read (a press-room PC gets no drafts).
      const readable = readableTables((perm) => permissionsOf([device.role]).has(perm));
      const page = await store.pull(ws, after, Math.max(1024, maxBytes), Math.max(1, limit), readable);
      // Bodies are stored as JSON text: splice them in rather than parse and re-serialize.
      const text = `{"changes":[${page.rows.map((r) => `{"seq":${r.seq},"change":${r.body}}`).join(',')}],"cursor":${page.cursor},"head":${page.head},"more":${page.more}}`;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }

    if (req.method === 'GET' && p === PUBLIC_FEED_PATH) {
      // The press room's view of the office: only for roles that may read public items, and only
      // the parts they may read (the same permissions the core checks for the kiosk).
      const perms = permissionsOf([device.role]);
      const parts = { releases: perms.has('releases.read.public'), agenda: perms.has('agenda.read.public') };
      if (!parts.releases && !parts.agenda)
        throw new SyncHttpError(403, 'forbidden', `Peran perangkat ini (${device.role}) tidak boleh membaca umpan publik. (Role may not read the public feed.)`, { role: device.role });
      return send(200, await feeds.build(ws, parts));
    }

    const blob = /^\/v1\/blobs\/([^/]+)(\/data)?$/.exec(p);
    if (blob) {
      const hash = sha256Schema.safeParse(blob[1]);
      if (!hash.success) throw new SyncHttpError(400, 'bad_request', 'Sidik SHA-256 lampiran tidak sah.');
      if (req.method === 'GET' && !blob[2]) return send(200, await store.blobStatus(ws, hash.data));
      if (req.method === 'GET' && blob[2]) {
        const offset = intParam(url, 'offset', 0);
        const length = Math.min(intParam(url, 'length', BLOB_CHUNK_BYTES), 4 * BLOB_CHUNK_BYTES);
        const data = await store.readBlob(ws, hash.data, offset, length);
        if (!data) throw new SyncHttpError(404, 'not_found', 'Lampiran belum ada di server.');
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
        res.end(data);
        return;
      }
      if (req.method === 'PUT') {
        const size = intParam(url, 'size', -1);
        const offset = intParam(url, 'offset', 0);
        if (size < 0 || size > MAX_BLOB_BYTES) throw new SyncHttpError(413, 'payload_too_large', `Lampiran terlalu besar (batas ${MAX_BLOB_BYTES} bita).`);
        const data = await readBody(req, 4 * BLOB_CHUNK_BYTES);
        let st = await store.putBlobChunk(ws, hash.data, size, offset, data);
        if (!st.complete && st.size !== null && st.received === st.size) {
          const done = await store.completeBlob(ws, hash.data, async (chunks) => {
            const h = crypto.createHash('sha256');
            for await (const c of chunks) h.update(c);
            return h.digest('hex') === hash.data;
          });
          if (done === 'mismatch') throw new SyncHttpError(422, 'hash_mismatch', 'Isi lampiran tidak cocok dengan sidik SHA-256-nya; unggah ulang. (Hash mismatch.)');
          st = done;
        }
        return send(200, st);
      }
    }
    throw new SyncHttpError(404, 'not_found', 'Alamat tidak dikenal. (Unknown path.)');
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      const e =
        err instanceof SyncHttpError
          ? err
          : new SyncHttpError(500, 'internal', 'Kesalahan di server sinkronisasi; coba lagi nanti. (Internal error.)');
      if (!(err instanceof SyncHttpError)) log(`error ${(err as Error)?.stack ?? String(err)}`);
      if (res.headersSent) return res.destroy();
      const text = JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } });
      res.writeHead(e.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), connection: 'close' });
      res.end(text);
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const proto = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .find((s) => s.startsWith('warta.'));
    if (url.pathname !== '/v1/notices' || !proto) return socket.destroy();
    authenticate(req, proto.slice('warta.'.length)).then(
      (device) =>
        wss.handleUpgrade(req, socket, head, (client: WebSocket & { deviceId?: string }) => {
          client.deviceId = device.deviceId;
          let set = sockets.get(device.workspaceId);
          if (!set) sockets.set(device.workspaceId, (set = new Set()));
          set.add(client);
          client.on('close', () => set.delete(client));
          client.on('error', () => undefined);
          void store.head(device.workspaceId).then((h) => client.readyState === client.OPEN && client.send(JSON.stringify({ type: 'new', head: h })));
        }),
      () => {
        socket.write('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n');
        socket.destroy();
      },
    );
  });
  wss.on('headers', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    host,
    store,
    admin,
    connections: () => [...sockets.values()].reduce((n, s) => n + s.size, 0),
    async close() {
      unlisten();
      for (const set of sockets.values()) for (const s of set) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
