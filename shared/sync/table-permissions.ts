/**
 * Which permission a device's role needs to push a change to each replicated table. The sync
 * server checks every pushed change against this map; a table that is missing here is refused
 * (a new replicated table syncs only once someone decides who may write it).
 *
 * This is the one place that lists tables by hand; everything else in sync reads the registry.
 */
import type { Permission } from '../contract/permissions';

export const TABLE_WRITE_PERMISSIONS: Readonly<Record<string, Permission>> = {
  office_profile: 'office.manage',
  opd: 'office.manage',
  staff_accounts: 'people.manage',
  guestbook_entries: 'pressroom.guestbook',
  releases: 'releases.write',
  release_body_updates: 'releases.write',
  release_transitions: 'releases.write',
  release_comments: 'releases.write',
  release_versions: 'releases.write',
  release_settings: 'releases.write',
  officials: 'agenda.write',
  coverage_staff: 'agenda.write',
  agenda_events: 'agenda.write',
  agenda_holidays: 'agenda.write',
  agenda_settings: 'agenda.write',
  media_outlet: 'media.write',
  media_journalist: 'media.write',
  media_contract: 'media.write',
  media_contract_quota: 'media.write',
  media_publication: 'media.write',
  media_list: 'media.write',
  media_list_member: 'media.write',
  media_import_batch: 'media.write',
  media_import_preset: 'media.write',
  distributions: 'distribution.send',
  distribution_recipients: 'distribution.send',
  distribution_settings: 'distribution.send',
};

export function writePermissionFor(table: string): Permission | null {
  return Object.prototype.hasOwnProperty.call(TABLE_WRITE_PERMISSIONS, table) ? (TABLE_WRITE_PERMISSIONS[table] as Permission) : null;
}

/**
 * Which permission a device's role needs to RECEIVE each table's changes on pull. A press-room
 * (journalist) device gets only what journalists may read, so drafts, comments, internal
 * agenda notes, contracts and journalists' personal data never reach its disk. Staff accounts
 * go to every device: a person must be able to sign in on any machine of the office, the
 * press-room PC included (to leave press-room mode); they carry scrypt hashes only.
 * A table missing here is delivered to nobody, like a table missing from the write map.
 */
export const TABLE_READ_PERMISSIONS: Readonly<Record<string, Permission>> = {
  office_profile: 'office.read',
  opd: 'office.read',
  staff_accounts: 'app.use',
  guestbook_entries: 'people.manage',
  releases: 'releases.read',
  release_body_updates: 'releases.read',
  release_transitions: 'releases.read',
  release_comments: 'releases.read',
  release_versions: 'releases.read',
  release_settings: 'releases.read',
  officials: 'agenda.read.public',
  coverage_staff: 'agenda.read',
  agenda_events: 'agenda.read',
  agenda_holidays: 'agenda.read.public',
  agenda_settings: 'agenda.read',
  media_outlet: 'media.read',
  media_journalist: 'media.read',
  media_contract: 'media.read',
  media_contract_quota: 'media.read',
  media_publication: 'media.read',
  media_list: 'media.read',
  media_list_member: 'media.read',
  media_import_batch: 'media.read',
  media_import_preset: 'media.read',
  // Recipients carry email addresses and WhatsApp numbers: personal data.
  distributions: 'media.personal',
  distribution_recipients: 'media.personal',
  distribution_settings: 'media.read',
};

/** The tables a role may receive, or null when it may receive every table (no filtering needed). */
export function readableTables(can: (p: Permission) => boolean): ReadonlySet<string> | null {
  const tables = Object.entries(TABLE_READ_PERMISSIONS).filter(([, p]) => can(p)).map(([t]) => t);
  return tables.length === Object.keys(TABLE_READ_PERMISSIONS).length ? null : new Set(tables);
}
