/**
 * The outbox's problems (for whoever sends) and the administrator's workspace health: this
 * computer's sync, encryption at rest, the audit chain's last check, and the disk the workspace is on.
 */
import fs from 'node:fs';
import type { DeskItem } from '../../../../shared/home/desk';
import { DESK_ITEMS_MAX } from '../../../../shared/home/desk';
import { syncEngineOf } from '../../sync/engine';
import { minutesBetween, type CardAnswer, type DeskScope } from './card-query';

/** Recipients the mail server refused, or whose sending ended uncertain (a person must decide). */
export function outboxProblems(s: DeskScope): CardAnswer {
  const rows = s.ctx.db
    .prepare(
      `SELECT r.id, r.release_id, r.name, r.outlet_name, r.email_status, r.last_error, r.updated_at, d.release_title
       FROM distribution_recipients r LEFT JOIN distributions d ON d.id = r.distribution_id
       WHERE r.email_status IN ('refused', 'uncertain') AND r.deleted_at IS NULL ORDER BY r.updated_at DESC, r.id`,
    )
    .all() as {
    id: string;
    release_id: string | null;
    name: string | null;
    outlet_name: string | null;
    email_status: 'refused' | 'uncertain';
    last_error: string | null;
    updated_at: string | null;
    release_title: string | null;
  }[];
  const items = rows.slice(0, DESK_ITEMS_MAX).map((r): DeskItem => {
    const at = r.updated_at ? Date.parse(r.updated_at) : null;
    return {
      key: r.id,
      title: r.release_title ?? '',
      detail: [r.name, r.outlet_name, r.last_error].filter(Boolean).join(' · '),
      atMs: at,
      minutes: at === null ? null : minutesBetween(at, s.now),
      figure: null,
      flags: [r.email_status],
      target: { section: 'outbox' },
    };
  });
  return { items, total: rows.length };
}

/** Below this share of free space the workspace's disk is flagged (a full disk stops every save). */
const DISK_LOW_SHARE = 0.1;

export function workspaceHealth(s: DeskScope): CardAnswer {
  const { ctx } = s;
  const items: DeskItem[] = [];
  const base = { atMs: null, minutes: null, target: { section: 'settings' } } as const;
  const sync = syncEngineOf(ctx).status();
  const lastSync = sync.lastSyncAt ? Date.parse(sync.lastSyncAt) : null;
  const syncBad = sync.state === 'error' || sync.state === 'needs_confirmation' || sync.openRefusals > 0 || sync.openConflicts > 0;
  items.push({
    ...base,
    key: 'sync',
    title: 'sync',
    detail: sync.state,
    atMs: lastSync,
    minutes: lastSync === null ? null : minutesBetween(lastSync, s.now),
    figure: `${sync.pendingChanges}/${sync.openRefusals}/${sync.openConflicts}`,
    flags: [syncBad ? 'problem' : 'ok'],
  });
  const enc = ctx.encryption.state();
  items.push({ ...base, key: 'encryption', title: 'encryption', detail: enc.enabled ? (enc.kind ?? '') : '', figure: null, flags: [enc.enabled ? 'ok' : 'problem'] });
  // The last verification on record: running the whole chain on every refresh would cost seconds on a big log.
  const audit = ctx.db.prepare("SELECT at, details FROM audit_log WHERE action = 'audit.verified' ORDER BY seq DESC LIMIT 1").get() as
    | { at: string; details: string }
    | undefined;
  const auditOk = audit ? (JSON.parse(audit.details) as { ok?: boolean }).ok === true : null;
  const auditAt = audit ? Date.parse(audit.at) : null;
  items.push({
    ...base,
    key: 'audit',
    title: 'audit',
    detail: audit ? '' : 'never',
    atMs: auditAt,
    minutes: auditAt === null ? null : minutesBetween(auditAt, s.now),
    figure: null,
    flags: [auditOk === false ? 'problem' : auditOk === true ? 'ok' : 'unconfirmed'],
  });
  let disk: DeskItem = { ...base, key: 'disk', title: 'disk', detail: '', figure: null, flags: ['unconfirmed'] };
  try {
    const st = fs.statfsSync(ctx.info.dataDir);
    const free = st.bavail * st.bsize;
    const total = st.blocks * st.bsize;
    disk = { ...disk, figure: `${free}/${total}`, flags: [total > 0 && free / total < DISK_LOW_SHARE ? 'problem' : 'ok'] };
  } catch {
    // statfs is missing on some file systems; the card then says the space is unknown.
  }
  items.push(disk);
  return { items, total: items.length };
}
