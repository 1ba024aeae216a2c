/**
 * The administrator's device sync report (issue 16): what the sync server saw of every device of
 * the workspace. Served only to a device whose role may manage sync (`sync.manage`), at
 * `DEVICE_REPORT_PATH`; the desktop shows it in Pengaturan.
 */
import type { Role } from '../contract/permissions';

export const DEVICE_REPORT_PATH = '/v1/devices/report';

export interface DeviceSyncActivity {
  deviceId: string;
  name: string;
  role: Role;
  opdId: string | null;
  revoked: boolean;
  enrolledAt: number;
  /** Times in ms. The server notes a device's calls at most every few seconds (SEEN_EVERY_MS). */
  lastSeenAt: number | null;
  lastPushAt: number | null;
  lastPushAccepted: number;
  lastPushRefused: number;
  /** Changes refused from this device since it enrolled. */
  refusedTotal: number;
  /** The log position its last pull reached (null: never pulled). */
  pulledTo: number | null;
}

export interface DeviceReport {
  /** The workspace log's head when the report was made: `head - pulledTo` is what a device has yet to pull. */
  head: number;
  asOfMs: number;
  devices: DeviceSyncActivity[];
}

/** A device's calls are written down at most this often (pushes always). */
export const SEEN_EVERY_MS = 15_000;

/** One sighting of a device: `pulledTo` when the call was a pull, `push` when it pushed. */
export interface DeviceSighting {
  at: number;
  pulledTo?: number;
  push?: { accepted: number; refused: number };
}
