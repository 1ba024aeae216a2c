/**
 * `GET /v1/devices/report`: the administrator's device sync report (shared/sync/device-report.ts),
 * and the notes it is made from. Authorised here, on the server, by the calling device's role:
 * only a role holding `sync.manage` gets it; every other device is refused with 403.
 */
import { permissionsOf } from '../../shared/contract/permissions';
import { DEVICE_REPORT_PATH, SEEN_EVERY_MS, type DeviceReport, type DeviceSighting } from '../../shared/sync/device-report';
import type { DeviceRecord, SyncStore } from '../store';
import { SyncHttpError } from './errors';

export function isDeviceReport(method: string | undefined, path: string): boolean {
  return method === 'GET' && path === DEVICE_REPORT_PATH;
}

export async function deviceReport(store: SyncStore, device: DeviceRecord, now: number): Promise<DeviceReport> {
  if (!permissionsOf([device.role]).has('sync.manage'))
    throw new SyncHttpError(403, 'forbidden', `Laporan sinkronisasi perangkat hanya untuk administrator; peran perangkat ini ${device.role}. (Only an administrator's device may read the device report.)`, {
      role: device.role,
    });
  const [head, devices] = await Promise.all([store.head(device.workspaceId), store.deviceActivity(device.workspaceId)]);
  return { head, asOfMs: now, devices };
}

/**
 * Writes down what the server sees of each device's sync: a push always, a pull that moved the
 * device's position, else at most every SEEN_EVERY_MS per device (an idle device polling every few
 * seconds must not become a write each time).
 * Never fails the request it rides on: a failed note is logged and the next call tries again.
 */
export function createDeviceNotes(store: SyncStore, log: (line: string) => void) {
  const written = new Map<string, { at: number; pulledTo: number | undefined }>();
  return (device: DeviceRecord, seen: DeviceSighting): void => {
    const key = `${device.workspaceId}/${device.deviceId}`;
    const last = written.get(key);
    const moved = seen.pulledTo !== undefined && seen.pulledTo !== last?.pulledTo;
    if (!seen.push && !moved && last && seen.at - last.at < SEEN_EVERY_MS) return;
    written.set(key, { at: seen.at, pulledTo: seen.pulledTo ?? last?.pulledTo });
    store.noteDevice(device.workspaceId, device.deviceId, seen).catch((err: unknown) => {
      written.delete(key);
      log(`device note ${key} failed: ${(err as Error).message}`);
    });
  };
}
