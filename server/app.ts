/**
 * The Warta sync server: node:http + ws over a SyncStore. Started by `npm run server`
 * (server/main.ts), by the tests, and as the desktop app's child process when it hosts the
 * office sync server (server/main.ts in hosted mode, shared/sync/hosted-server.ts).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { permissionsOf, type Role } from '../shared/contract/permissions';
import { hlcMillis, parseHlc } from '../shared/sync/hlc';
import {
  BLOB_CHUNK_BYTES,
  DEFAULT_PULL_BYTES,
  MAX_BLOB_BYTES,
  MAX_CLOCK_AHEAD_MS,
  MAX_PULL_BYTES,
  MAX_PUSH_BYTES,
  OPD_ID,
  pushBodySchema,
  roleSchema,
  sha256Schema,
  type PushResult,
  type WireChange,
} from '../shared/sync/protocol';
import { insecureBindMessage, isLoopback } from '../shared/sync/bind-address';
import { fieldSpec, isReplicatedTable, REPLICATED_TABLES } from '../shared/sync/replicated-tables';
import { PUBLIC_FEED_PATH } from '../shared/sync/public-feed';
import { parseRequestTarget } from '../shared/http/request-target';
import { serverOptions, SYNC_SERVER_LIMITS, type HttpLimits } from '../shared/http/limits';
import { enrolDevice, normalizeCode, sha256 } from './enrolment';
import { adminRoute } from './http/admin-routes';
import { createDeviceNotes, deviceReport, isDeviceReport } from './http/device-report-route';
import { parseJson, readBody } from './http/body';
import { DEFAULT_ENROL_LIMITS, EnrolLimiter, type EnrolLimits } from './http/enrol-limiter';
import { SyncHttpError } from './http/errors';
import { guardHttpServer, refuseSocket } from '../shared/http/guard';
import { createPublicFeeds } from './public-feed';
import { projectPage } from './pull-projection';
import { createPushQueue } from './push-queue';
import { projectionFor } from '../shared/rules/projection';
import { viewerOf } from '../shared/rules/rulebook';
import type { DeviceRecord, EnrolmentEvent, SyncStore } from './store';

export { normalizeCode, sha256, SyncHttpError };
import { createUpdateRoutes } from './updates';
import { createNewsroom } from './campaigns/newsroom';

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
  /** HTTP timeouts, header size and the connection cap (shared/http/limits.ts); tests shorten them. */
  limits?: Partial<HttpLimits>;
  /** Failed-enrolment limits per address and per workspace. */
  enrolLimits?: Partial<EnrolLimits>;
  /**
   * Behind a reverse proxy on this machine: the client's address is the last one the proxy put in
   * X-Forwarded-For (only believed when the connection comes from a loopback address).
   */
  trustProxy?: boolean;
  /**
   * The address readers outside use for this server's public newsroom (the office website's
   * reverse proxy, e.g. https://humas.example.go.id); links in the feeds start with it. Default:
   * the address the server listens on.
   */
  newsroomUrl?: string | null;
  /** False only to measure what the rule check costs (bench sync.server.rulecheck_ratio); never in service. */
  checkRules?: boolean;
}

export interface SyncServer {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly store: SyncStore;
  readonly admin: SyncAdmin;
  /** Open WebSocket notice connections (for tests and the memory benchmark). */
  connections(): number;
  /** Open TCP connections of any kind (HTTP and WebSocket). */
  sockets(): number;
  close(): Promise<void>;
}

export interface SyncAdmin {
  createWorkspace(name: string, id?: string): Promise<{ id: string; name: string }>;
  /** A single-use code; with `forDeviceId`, the administrator's approval to re-enrol that device (lost token, revoked). */
  /** `opdId`: the OPD the device will be bound to; required for `opd_contributor`, refused for every other role. */
  issueCode(workspaceId: string, role: Role, validForMs?: number, forDeviceId?: string | null, opdId?: string | null): Promise<string>;
  revoke(workspaceId: string, deviceId: string): Promise<boolean>;
  devices(workspaceId: string): Promise<DeviceRecord[]>;
  /** The enrolment audit: failures, lockouts and enrolments, newest first. */
  enrolmentLog(workspaceId: string | null, limit?: number): Promise<EnrolmentEvent[]>;
}

const MAX_NOTICE_SOCKETS_PER_DEVICE = 4;
const NOTICE_PING_MS = 30_000;


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

export function createAdmin(store: SyncStore, now: () => number = Date.now, onRevoke?: (ws: string, device: string) => void): SyncAdmin {
  return {
    async createWorkspace(name, id) {
      return store.createWorkspace(id ?? crypto.randomBytes(8).toString('hex'), name);
    },
    async issueCode(workspaceId, role, validForMs = 7 * 24 * 3600_000, forDeviceId = null, opdId = null) {
      if (!(await store.workspace(workspaceId))) throw new SyncHttpError(404, 'not_found', `Ruang kerja ${workspaceId} tidak ada. (No such workspace.)`);
      const parsed = roleSchema.parse(role);
      // A contributor's device is bound to one OPD for its whole enrolment: the code carries it.
      if (parsed === 'opd_contributor' && (opdId === null || !OPD_ID.test(opdId)))
        throw new SyncHttpError(400, 'bad_request', 'Kode untuk Kontributor OPD harus dibuat untuk satu OPD. (A contributor code must name its OPD.)');
      if (parsed !== 'opd_contributor' && opdId !== null)
        throw new SyncHttpError(400, 'bad_request', 'Hanya kode Kontributor OPD yang terikat pada OPD. (Only contributor codes name an OPD.)');
      const code = newEnrolmentCode();
      await store.addEnrolmentCode(workspaceId, sha256(normalizeCode(code)), parsed, now() + validForMs, forDeviceId, opdId);
      return code;
    },
    async revoke(workspaceId, deviceId) {
      const done = await store.revokeDevice(workspaceId, deviceId);
      if (done) onRevoke?.(workspaceId, deviceId);
      return done;
    },
    devices: (workspaceId) => store.devices(workspaceId),
    enrolmentLog: (workspaceId, limit = 200) => store.enrolmentEvents(workspaceId, limit),
  };
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.allowInsecureHttp) throw new SyncHttpError(400, 'bad_request', insecureBindMessage(host));
  const store = options.store;
  const now = options.now ?? Date.now;
  const maxAhead = options.maxClockAheadMs ?? MAX_CLOCK_AHEAD_MS;
  const log = options.log ?? (() => undefined);
  const limits: HttpLimits = { ...SYNC_SERVER_LIMITS, ...options.limits };
  const limiter = new EnrolLimiter({ ...DEFAULT_ENROL_LIMITS, ...options.enrolLimits });
  const sockets = new Map<string, Set<WebSocket & { deviceId?: string }>>();
  const admin = createAdmin(store, now, (ws, device) => {
    for (const s of sockets.get(ws) ?? []) if (s.deviceId === device) s.close(4001, 'revoked');
  });

  const feeds = createPublicFeeds(store, now);
  const pushes = createPushQueue(store, { now, checkRules: options.checkRules ?? true });
  let listenUrl = '';
  const newsroom = createNewsroom(store, feeds, () => options.newsroomUrl || listenUrl, now);
  const updates = createUpdateRoutes({ dir: options.updatesDir ?? null, adminToken: options.adminToken ?? null, log });
  const unlisten = store.onAppend((workspaceId, head) => {
    const msg = JSON.stringify({ type: 'new', head });
    for (const s of sockets.get(workspaceId) ?? []) if (s.readyState === s.OPEN) s.send(msg);
  });

  const noteDevice = createDeviceNotes(store, log);

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

  /**
   * What refuses a whole push: a change that is not this device's own, a table or field this
   * server does not know (it is older than the device: nothing is lost, the device waits for the
   * upgrade), a clock far ahead (the device sets its clock and retries). Whether the device's
   * role may make a change is judged per change, with the rulebook (push-decider.ts).
   */
  function checkChange(device: DeviceRecord, change: WireChange, nowMs: number): void {
    const at = { hlc: change.hlc, table: change.table, rowId: change.rowId };
    const stamp = parseHlc(change.hlc);
    if (stamp.node !== device.deviceId)
      throw new SyncHttpError(403, 'wrong_device', `Perubahan ${change.hlc} bukan buatan perangkat ini (${device.deviceId}). (A device pushes only its own changes.)`, at);
    if (!isReplicatedTable(change.table))
      throw new SyncHttpError(422, 'unknown_table', `Tabel tidak dikenal server: ${change.table}. Perbarui server Warta. (Unknown table.)`, at);
    for (const name of Object.keys(change.fields))
      if (!fieldSpec(change.table, name)) throw new SyncHttpError(422, 'unknown_field', `Kolom tidak dikenal server: ${change.table}.${name}. Perbarui server Warta. (Unknown field.)`, { ...at, field: name });
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

  function intParam(url: { searchParams: URLSearchParams }, name: string, fallback: number): number {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    if (!/^\d{1,15}$/.test(raw)) throw new SyncHttpError(400, 'bad_request', `Parameter ${name} tidak sah.`);
    return Number(raw);
  }

  /** The client's address, for the enrolment limits and audit. */
  function clientAddress(req: http.IncomingMessage): string {
    const peer = req.socket.remoteAddress ?? 'unknown';
    if (!options.trustProxy || !isLoopback(peer.replace(/^::ffff:/, ''))) return peer;
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim();
    return forwarded ? forwarded.slice(0, 64) : peer;
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const parsedTarget = parseRequestTarget(req.url);
    if (!parsedTarget.ok) throw new SyncHttpError(parsedTarget.refusal.status, 'bad_request', parsedTarget.refusal.message);
    const url = { pathname: parsedTarget.target.path, searchParams: parsedTarget.target.query };
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const p = url.pathname;
    if (req.method === 'GET' && p === '/v1/health') return send(200, { ok: true, storage: store.kind });
    if (updates.matches(p)) return updates.handle(req, res, url, authenticate);
    // Public: no device token; it serves only what the public-feed projection shows.
    if (newsroom.matches(p)) return newsroom.handle(req, res, p);

    if (req.method === 'POST' && p === '/v1/enrol') return send(200, await enrolDevice({ store, now, log, limiter }, req, clientAddress(req)));

    if (p.startsWith('/v1/admin/')) return adminRoute(req, p, url.searchParams, { admin, store, adminToken: options.adminToken }, send);

    const device = await authenticate(req);
    const ws = device.workspaceId;
    if (isDeviceReport(req.method, p)) return send(200, await deviceReport(store, device, now()));

    if (req.method === 'POST' && p === '/v1/push') {
      const parsed = pushBodySchema.safeParse(parseJson(await readBody(req, MAX_PUSH_BYTES)));
      if (!parsed.success) {
        const tooMany = parsed.error.issues.some((i) => i.code === 'too_big' && i.path.length === 1);
        throw new SyncHttpError(tooMany ? 413 : 400, tooMany ? 'payload_too_large' : 'bad_request', tooMany ? 'Terlalu banyak perubahan dalam satu kiriman.' : 'Bentuk kiriman perubahan tidak sah.', {
          issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
        });
      }
      const nowMs = now();
      for (const c of parsed.data.changes) checkChange(device, c, nowMs);
      // Judged change by change with the rulebook, committed with the pushes arriving meanwhile.
      const outcome = await pushes.submit(ws, device, parsed.data.changes);
      noteDevice(device, { at: nowMs, push: { accepted: outcome.accepted, refused: outcome.refused.length } });
      if (outcome.refused.length > 0) log(`push ${ws} ${device.deviceId} ${device.role}: ${outcome.refused.length} refused (${outcome.refused[0]?.code} ${outcome.refused[0]?.table}.${outcome.refused[0]?.field ?? '*'})`);
      return send(200, { accepted: outcome.accepted, duplicates: outcome.duplicates, head: outcome.head, refused: outcome.refused } satisfies PushResult);
    }

    if (req.method === 'GET' && p === '/v1/pull') {
      const after = intParam(url, 'after', 0);
      const maxBytes = intParam(url, 'maxBytes', DEFAULT_PULL_BYTES);
      if (maxBytes > MAX_PULL_BYTES) throw new SyncHttpError(413, 'payload_too_large', `Halaman yang diminta terlalu besar (batas ${MAX_PULL_BYTES} bita).`);
      const limit = Math.min(intParam(url, 'limit', 5000), 5000);
      // A pull is a projection: only the tables, rows and fields the device's role may read
      // (shared/rules, `read`), cut here before anything leaves the server.
      const projection = projectionFor(viewerOf(device.role, device.deviceId, undefined, device.opdId));
      const readable = projection.everything ? null : new Set(Object.keys(REPLICATED_TABLES).filter((t) => projection.table(t).readable));
      const page = await store.pull(ws, after, Math.max(1024, maxBytes), Math.max(1, limit), readable);
      const projected = await projectPage(page, projection, (keys) => store.currentRows(ws, keys));
      noteDevice(device, { at: now(), pulledTo: page.cursor });
      // Bodies are stored as JSON text: spliced in as they are unless a field had to be cut.
      const text = `{"changes":[${projected.items.join(',')}],"forget":${JSON.stringify(projected.forget)},"cursor":${page.cursor},"head":${page.head},"more":${page.more}}`;
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

  const server = http.createServer(serverOptions(limits), (req, res) => {
    route(req, res).catch((err: unknown) => {
      const e =
        err instanceof SyncHttpError
          ? err
          : new SyncHttpError(500, 'internal', 'Kesalahan di server sinkronisasi; coba lagi nanti. (Internal error.)');
      if (!(err instanceof SyncHttpError)) log(`error ${(err as Error)?.stack ?? String(err)}`);
      if (res.headersSent || res.destroyed) return res.destroy();
      const text = JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } });
      res.writeHead(e.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), connection: 'close', ...e.headers });
      res.end(text);
    });
  });
  const guard = guardHttpServer(server, limits, log);

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req, socket: Socket, head) => {
    // The socket is ours from here: a reset while we authenticate must not become an
    // unhandled 'error' event, and nothing below may throw out of this listener.
    socket.on('error', () => socket.destroy());
    const target = parseRequestTarget(req.url);
    if (!target.ok) return refuseSocket(socket, { status: target.refusal.status, code: 'bad_request', message: target.refusal.message });
    const proto = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .find((s) => s.startsWith('warta.'));
    if (target.target.path !== '/v1/notices') return refuseSocket(socket, { status: 404, code: 'not_found', message: 'Alamat tidak dikenal. (Unknown path.)' });
    if (!proto) return refuseSocket(socket, { status: 401, code: 'unauthorized', message: 'Perangkat belum terdaftar: token tidak ada. (No device token.)' });
    authenticate(req, proto.slice('warta.'.length)).then(
      (device) => {
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (client: WebSocket & { deviceId?: string; alive?: boolean }) => {
          client.deviceId = device.deviceId;
          client.alive = true;
          let set = sockets.get(device.workspaceId);
          if (!set) sockets.set(device.workspaceId, (set = new Set()));
          // One device needs one notice socket; a few allow for reconnects. The oldest goes first.
          const mine = [...set].filter((s) => s.deviceId === device.deviceId);
          for (const old of mine.slice(0, Math.max(0, mine.length - (MAX_NOTICE_SOCKETS_PER_DEVICE - 1)))) old.terminate();
          set.add(client);
          client.on('pong', () => (client.alive = true));
          client.on('close', () => set.delete(client));
          client.on('error', () => undefined);
          void store.head(device.workspaceId).then(
            (h) => client.readyState === client.OPEN && client.send(JSON.stringify({ type: 'new', head: h })),
            () => undefined,
          );
        });
      },
      (err: unknown) => {
        const e = err instanceof SyncHttpError ? err : new SyncHttpError(500, 'internal', 'Kesalahan di server sinkronisasi. (Internal error.)');
        refuseSocket(socket, { status: e.status, code: e.code, message: e.message });
      },
    );
  });
  // A notice socket whose device vanished (sleep, cable pulled) answers no ping: dropped within two rounds.
  const heartbeat = setInterval(() => {
    for (const set of sockets.values())
      for (const s of set as Set<WebSocket & { alive?: boolean }>) {
        if (s.alive === false) {
          s.terminate();
          continue;
        }
        s.alive = false;
        try {
          s.ping();
        } catch {
          s.terminate(); // not open after all: nothing may throw out of this timer
        }
      }
  }, NOTICE_PING_MS);
  heartbeat.unref();
  wss.on('headers', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  listenUrl = `http://${shownHost}:${port}`;
  return {
    url: listenUrl,
    port,
    host,
    store,
    admin,
    connections: () => [...sockets.values()].reduce((n, s) => n + s.size, 0),
    sockets: () => guard.connections(),
    async close() {
      clearInterval(heartbeat);
      unlisten();
      for (const set of sockets.values()) for (const s of set) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
