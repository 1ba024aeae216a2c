/**
 * `/v1/admin/*`: workspaces, enrolment codes (also codes for one device: the administrator's
 * approval to re-enrol it), revocation, the device list and the enrolment audit. Enabled only
 * with an admin token; the token is compared through its SHA-256 so a token of any length or
 * bytes is a plain 401, never an exception.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import { OPD_ID, roleSchema } from '../../shared/sync/protocol';
import { parseJsonObject, readBody } from './body';
import { SyncHttpError } from './errors';
import type { SyncAdmin } from '../app';
import type { SyncStore } from '../store';

const digest = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest();

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(given: string, expected: string): boolean {
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

const DEVICE_ID = /^[0-9a-f]{16}$/;

export interface AdminDeps {
  admin: SyncAdmin;
  store: SyncStore;
  adminToken: string | null | undefined;
}

export async function adminRoute(
  req: http.IncomingMessage,
  path: string,
  query: URLSearchParams,
  { admin, store, adminToken }: AdminDeps,
  send: (status: number, body: unknown) => void,
): Promise<void> {
  const header = req.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!adminToken || !sameSecret(given, adminToken))
    throw new SyncHttpError(401, 'unauthorized', 'Token administrator salah atau fitur admin tidak diaktifkan. (Wrong admin token, or the admin API is off.)');
  const body = req.method === 'POST' ? parseJsonObject(await readBody(req, 16 * 1024)) : {};
  const str = (k: string, from: Record<string, unknown> = body) => {
    const v = from[k];
    if (typeof v !== 'string' || v.length === 0 || v.length > 120) throw new SyncHttpError(400, 'bad_request', `Isian ${k} wajib (teks 1–120 karakter). (${k} is required.)`);
    return v;
  };
  const deviceIdOf = (v: unknown) => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || !DEVICE_ID.test(v)) throw new SyncHttpError(400, 'bad_request', 'ID perangkat tidak sah (16 digit heksadesimal). (Invalid device id.)');
    return v;
  };
  if (req.method === 'POST' && path === '/v1/admin/workspaces') return send(200, await admin.createWorkspace(str('name'), typeof body.id === 'string' ? body.id : undefined));
  if (req.method === 'POST' && path === '/v1/admin/codes') {
    const role = roleSchema.safeParse(body.role);
    if (!role.success) throw new SyncHttpError(400, 'bad_request', 'Peran tidak dikenal. (Unknown role.)');
    const opdId = body.opdId === undefined || body.opdId === null ? null : body.opdId;
    if (opdId !== null && (typeof opdId !== 'string' || !OPD_ID.test(opdId))) throw new SyncHttpError(400, 'bad_request', 'ID OPD tidak sah. (Invalid OPD id.)');
    return send(200, { code: await admin.issueCode(str('workspace'), role.data, undefined, deviceIdOf(body.deviceId), opdId) });
  }
  const wsPath = /^\/v1\/admin\/workspaces\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (req.method === 'GET' && wsPath) {
    // The desktop app that hosts this server asks whether its office's workspace is still here.
    const found = await store.workspace(wsPath[1] as string);
    if (!found) throw new SyncHttpError(404, 'not_found', `Ruang kerja ${wsPath[1]} tidak ada. (No such workspace.)`);
    return send(200, found);
  }
  if (req.method === 'POST' && path === '/v1/admin/revoke') return send(200, { revoked: await admin.revoke(str('workspace'), str('deviceId')) });
  const q = Object.fromEntries(query);
  if (req.method === 'GET' && path === '/v1/admin/devices') return send(200, { devices: await admin.devices(str('workspace', q)) });
  if (req.method === 'GET' && path === '/v1/admin/enrolment-audit') {
    const limit = Math.min(Math.max(Number(q.limit ?? 200) || 200, 1), 1000);
    return send(200, { events: await admin.enrolmentLog(q.workspace ?? null, limit) });
  }
  throw new SyncHttpError(404, 'not_found', 'Alamat tidak dikenal. (Unknown path.)');
}
