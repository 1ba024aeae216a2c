/**
 * `POST /v1/enrol`: a device redeems an enrolment code for a token. Three rules beyond the code
 * itself:
 * - identity is bound: a code creates a new device identity; a device id the workspace already
 *   knows is re-enrolled only with proof (the request carries that device's current token, and
 *   the device is not revoked) or with a code the administrator issued for that device id. A
 *   revoked device comes back only that way: its old token is no proof.
 * - failures are limited per address and per workspace (enrol-limiter.ts), with a lockout;
 * - every failure, lockout and enrolment is written to the enrolment audit the administrator
 *   reads (`GET /v1/admin/enrolment-audit`, `npm run server -- admin enrolment-log`).
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import { enrolBodySchema, type EnrolResult } from '../shared/sync/protocol';
import { parseJson, readBody } from './http/body';
import type { EnrolLimiter, Lockout } from './http/enrol-limiter';
import { SyncHttpError } from './http/errors';
import type { EnrolRefusal, SyncStore } from './store';

export const sha256 = (text: string | Buffer) => crypto.createHash('sha256').update(text).digest('hex');
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export interface EnrolmentDeps {
  store: SyncStore;
  now: () => number;
  log: (line: string) => void;
  limiter: EnrolLimiter;
}

function lockedOut(lockout: Lockout, now: number): SyncHttpError {
  const seconds = Math.max(1, Math.ceil((lockout.until - now) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const who = lockout.scope === 'address' ? 'dari alamat ini' : 'ke ruang kerja ini';
  return new SyncHttpError(
    429,
    'too_many_attempts',
    `Terlalu banyak pendaftaran gagal ${who}; pendaftaran dikunci sekitar ${minutes} menit. Periksa kode dengan administrator, lalu coba lagi. ` +
      `(Too many failed enrolments ${lockout.scope === 'address' ? 'from this address' : 'for this workspace'}; try again in about ${minutes} min.)`,
    { scope: lockout.scope, retryAfterSeconds: seconds },
    { 'retry-after': String(seconds) },
  );
}

function refusalError(refusal: EnrolRefusal, deviceId: string): SyncHttpError {
  switch (refusal) {
    case 'device_taken':
      return new SyncHttpError(
        409,
        'device_taken',
        `Perangkat dengan ID ${deviceId} sudah terdaftar di ruang kerja ini, dan sebuah kode tidak dapat mengambil alih identitas perangkat lain. ` +
          `Bila ini memang perangkat yang sama dan tokennya hilang, minta administrator menerbitkan kode pendaftaran ulang untuk perangkat ${deviceId}. ` +
          `(This device id is already enrolled; a code never takes over another device. Ask the administrator for a re-enrolment code for this device.)`,
        { deviceId },
      );
    case 'revoked':
      return new SyncHttpError(
        403,
        'revoked',
        `Perangkat ${deviceId} telah dicabut aksesnya. Hanya administrator yang dapat mengizinkannya kembali, dengan kode pendaftaran ulang untuk perangkat ini. ` +
          `(This device was revoked; only an administrator's re-enrolment code for it lets it back.)`,
        { deviceId },
      );
    case 'code_for_other_device':
      return new SyncHttpError(403, 'enrol_failed', 'Kode pendaftaran ini diterbitkan untuk perangkat lain. (This code was issued for another device.)');
    case 'code':
      return new SyncHttpError(
        403,
        'enrol_failed',
        'Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada administrator. (Invalid, used or expired enrolment code.)',
      );
  }
}

export async function enrolDevice(deps: EnrolmentDeps, req: http.IncomingMessage, address: string): Promise<EnrolResult> {
  const { store, limiter, log } = deps;
  const now = deps.now();
  const before = limiter.check(address, '', now);
  if (before) throw lockedOut(before, now);

  const fail = async (workspaceId: string, deviceId: string | null, reason: string) => {
    const lockout = limiter.fail(address, workspaceId, now);
    await store.recordEnrolmentEvent({ at: now, address, workspaceId, deviceId, outcome: 'failed', reason });
    if (lockout) {
      log(`enrol lockout ${lockout.scope} address=${address} workspace=${workspaceId}`);
      await store.recordEnrolmentEvent({ at: now, address, workspaceId, deviceId, outcome: 'locked_out', reason: lockout.scope });
    }
  };

  const parsed = enrolBodySchema.safeParse(parseJson(await readBody(req, 16 * 1024)));
  if (!parsed.success) {
    limiter.fail(address, '', now);
    throw new SyncHttpError(400, 'bad_request', 'Data pendaftaran tidak lengkap atau tidak sah. (Invalid enrolment request.)', {
      issues: parsed.error.issues.slice(0, 5).map((i) => i.path.join('.')),
    });
  }
  const b = parsed.data;
  const during = limiter.check(address, b.workspace, now);
  if (during) throw lockedOut(during, now);

  const ws = await store.workspace(b.workspace);
  if (!ws) {
    await fail(b.workspace, b.deviceId, 'workspace');
    throw refusalError('code', b.deviceId);
  }
  // Proof that this is the device the id belongs to: its current token, sent as when syncing.
  const header = req.headers.authorization ?? '';
  const proof = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const token = crypto.randomBytes(32).toString('base64url');
  const outcome = await store.redeemEnrolmentCode(
    ws.id,
    sha256(normalizeCode(b.code)),
    { deviceId: b.deviceId, name: b.deviceName, tokenHash: sha256(token), proofTokenHash: proof ? sha256(proof) : null },
    now,
  );
  if ('refused' in outcome) {
    await fail(ws.id, b.deviceId, outcome.refused);
    log(`enrol refused ${outcome.refused} workspace=${ws.id} device=${b.deviceId} address=${address}`);
    throw refusalError(outcome.refused, b.deviceId);
  }
  limiter.succeed(address);
  await store.recordEnrolmentEvent({
    at: now,
    address,
    workspaceId: ws.id,
    deviceId: b.deviceId,
    outcome: outcome.kind === 'new' ? 'enrolled' : 're_enrolled',
    reason: outcome.kind === 'new' ? null : outcome.kind,
  });
  log(`enrol ${ws.id} ${b.deviceId} ${outcome.device.role} (${outcome.kind})`);
  return { token, workspace: ws.id, workspaceName: ws.name, role: outcome.device.role, deviceId: outcome.device.deviceId, opdId: outcome.device.opdId };
}
