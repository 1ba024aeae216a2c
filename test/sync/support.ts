/** Helpers of the sync tests: a real server on 127.0.0.1, cores on real SQLite files, enrolment. */
import fc from 'fast-check';
import { startSyncServer, type SyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import type { SyncStore } from '../../server/store';
import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { tsxSyncServerLaunch } from '../../electron/browser-host/sync-server-launch';
import { syncEngineOf, type SyncEngine } from '../../electron/core/sync/engine';
import type { Role } from '../../shared/contract/permissions';
import { EVENT_KINDS, EVENT_STATUSES, LEADER_ROLES } from '../../shared/agenda/event';
import { HOLIDAY_KINDS } from '../../shared/agenda/holidays';
import { EMAIL_STATUSES, SMTP_SECURITY } from '../../shared/distribution/model';
import { CONSENT_STATES, CONTRACT_STATUSES, OUTLET_KINDS, PRESS_COUNCIL_STATUSES, PRODUCTS, UKW_LEVELS } from '../../shared/media/vocabulary';
import { ZONE_LABELS } from '../../shared/office/time-zones';
import { INFO_CATEGORIES, RELEASE_STATUSES, URGENCIES } from '../../shared/releases/model';
import { REQUEST_ACTIONS, REQUEST_CHANNELS, REQUEST_KINDS, REQUEST_STATUSES } from '../../shared/requests/model';
import { COPY_BY, DECISIONS, DESK_ACTIONS, DESK_CHANNELS, DESK_FILE_MIME, DESK_KINDS, DESK_OUTCOMES, DESK_PRIORITIES, DESK_STATUSES, FILE_PURPOSES, PART_STATUSES, RECEIVE_BY, TERM_KINDS } from '../../shared/publicdesk/model';
import { domainOf } from '../../shared/rules/rulebook';
import { checkFieldValue, REPLICATED_TABLES, type FieldSpec, type FieldValue, type ReplicatedTable } from '../../shared/sync/replicated-tables';
import { removeDir, tempDir } from '../support/temp-dir';

export interface TestServer {
  server: SyncServer;
  store: SyncStore;
  dir: string;
  close(): Promise<void>;
}

export async function startTestServer(options: { dir?: string; port?: number; now?: () => number } = {}): Promise<TestServer> {
  const dir = options.dir ?? tempDir('sync-server');
  const store = openSqliteStore(dir);
  const server = await startSyncServer({ store, port: options.port ?? 0, now: options.now });
  return {
    server,
    store,
    dir,
    async close() {
      await server.close();
      await store.close();
    },
  };
}

export interface TestDevice {
  core: Core;
  dir: string;
  engine: SyncEngine;
  close(): void;
  cleanup(): void;
}

export function openDevice(dir: string = tempDir('sync-dev'), options: Partial<CoreOptions> = {}): TestDevice {
  const core = createCore({ dataDir: dir, logger: createMemoryLogger(), syncServerLaunch: tsxSyncServerLaunch(), ...options, sync: { auto: false, deleteGuard: { share: 1, minimum: Infinity }, ...options.sync } });
  return {
    core,
    dir,
    engine: syncEngineOf(core.context),
    close: () => core.close(),
    cleanup() {
      core.close();
      removeDir(dir);
    },
  };
}

export async function enrol(device: TestDevice, server: SyncServer, workspace: string, role: Role = 'administrator'): Promise<void> {
  const code = await server.admin.issueCode(workspace, role);
  await device.core.invoke('sync.configure', { serverUrl: server.url, workspace, code, deviceName: `uji ${device.core.info.deviceId}` });
}

/**
 * Values of the shapes the rulebook's domains accept (choices, dates, instants, lists of roles).
 * A field with a domain draws from those of them it accepts, so new domains are covered as long
 * as their values are among these.
 */
const DOMAIN_CANDIDATES: readonly FieldValue[] = [
  ...RELEASE_STATUSES, ...URGENCIES, ...INFO_CATEGORIES, ...ZONE_LABELS, 'Asia/Jakarta',
  ...EVENT_KINDS, ...EVENT_STATUSES, ...LEADER_ROLES, ...HOLIDAY_KINDS,
  ...OUTLET_KINDS, ...PRESS_COUNCIL_STATUSES, ...UKW_LEVELS, ...CONSENT_STATES, ...CONTRACT_STATUSES, ...PRODUCTS,
  ...EMAIL_STATUSES, ...SMTP_SECURITY, '{seq}/Humas/{year}',
  ...REQUEST_KINDS, ...REQUEST_STATUSES, ...REQUEST_CHANNELS, ...REQUEST_ACTIONS,
  ...DESK_KINDS, ...DESK_CHANNELS, ...DESK_PRIORITIES, ...DESK_STATUSES, ...DESK_OUTCOMES, ...PART_STATUSES, ...DESK_ACTIONS, ...TERM_KINDS, ...FILE_PURPOSES, ...DESK_FILE_MIME, ...RECEIVE_BY, ...COPY_BY, ...DECISIONS,
  '', '2026-12-03', '2027-01-31', '2026-12-03T01:00:00.000Z', '2026-12-07T03:00:00.000Z',
  0, 1, 7, 25, 2026, ['writer'], ['administrator'], ['reporter', 'photographer'],
];

/** A value that fits a field spec (and its domain, when it has one), drawn by fast-check: new tables are covered by construction. */
export function valueFor(spec: FieldSpec, table?: string, field?: string): fc.Arbitrary<FieldValue> {
  const domain = table && field ? domainOf(table, field) : undefined;
  if (domain) {
    const fits = DOMAIN_CANDIDATES.filter((v) => v !== null && checkFieldValue(spec, v) === null && domain(v as Exclude<FieldValue, null>) === null);
    return fits.length > 0 ? fc.oneof(fc.constant(null), fc.constantFrom(...fits)) : fc.constant(null);
  }
  const max = Math.min(spec.max ?? 40, 40);
  switch (spec.type) {
    case 'text':
      return fc.oneof(fc.constant(null), fc.string({ maxLength: max }), fc.constantFrom(...['Dinas Kominfo', 'Bupati', 'Rapat', 'x'].filter((w) => w.length <= max)));
    case 'integer':
      return fc.oneof(fc.constant(null), fc.integer({ min: -1000, max: 100000 }));
    case 'real':
      return fc.oneof(fc.constant(null), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));
    case 'boolean':
      return fc.oneof(fc.constant(null), fc.boolean());
    case 'json':
      return fc.oneof(fc.constant(null), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b'), fc.integer({ min: 0, max: 9 })));
  }
}

export const TABLES = Object.keys(REPLICATED_TABLES) as ReplicatedTable[];

export function fieldsOf(table: ReplicatedTable): [string, FieldSpec][] {
  return Object.entries(REPLICATED_TABLES[table].fields as Record<string, FieldSpec>);
}

/** Up to three random fields of a table with values. */
export function fieldValues(table: ReplicatedTable): fc.Arbitrary<Record<string, FieldValue>> {
  const fields = fieldsOf(table);
  return fc
    .uniqueArray(fc.integer({ min: 0, max: fields.length - 1 }), { minLength: 1, maxLength: Math.min(3, fields.length) })
    .chain((idx) => fc.tuple(...idx.map((i) => valueFor((fields[i] as [string, FieldSpec])[1], table, (fields[i] as [string, FieldSpec])[0]))).map((vals) => Object.fromEntries(idx.map((i, k) => [(fields[i] as [string, FieldSpec])[0], vals[k] as FieldValue]))));
}
