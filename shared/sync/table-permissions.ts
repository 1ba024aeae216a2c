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
};

export function writePermissionFor(table: string): Permission | null {
  return Object.prototype.hasOwnProperty.call(TABLE_WRITE_PERMISSIONS, table) ? (TABLE_WRITE_PERMISSIONS[table] as Permission) : null;
}
