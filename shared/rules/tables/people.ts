import { permissionsOf, ROLES } from '../../contract/permissions';
import { GUESTBOOK_RETENTION_DAYS } from '../../people/guestbook';
import { arrayOf, isBlank, isoInstant } from '../domains';
import { isLive, isStaffViewer, onlyFields, refuse, rolesGrant, rolesOf } from '../refuse';
import type { Refusal, Row, RuleInput, TableRules } from '../types';

const PASSWORD_FIELDS = ['password_hash', 'password_changed_at'] as const;

/**
 * Accounts are the administrators' (`people.manage`). One exception, so that people can change
 * their own password on their own computer: a change of the password alone, of a live account
 * whose roles grant nothing beyond the actor's own permissions. The server cannot know which
 * person sits at a device, so it cannot check "own"; the core's `session.changePassword` method
 * limits it to the signed-in person's own account. This rule keeps a device from ever raising
 * anyone's privileges through a password: a writer's device can never set an editor's password.
 */
function accountCheck(j: RuleInput): Refusal | null {
  if (j.actor.can('people.manage')) return null;
  if (onlyFields(j.fields, PASSWORD_FIELDS) && isLive(j.before)) {
    const roles = rolesOf(j.before?.roles);
    const within = roles.length > 0 && [...permissionsOf(roles)].every((p) => j.actor.can(p));
    if (within) return null;
  }
  return refuse(
    'table_forbidden',
    null,
    'Akun pengguna hanya dapat diubah oleh administrator (izin people.manage); kata sandi sendiri dapat diganti oleh pemiliknya.',
    'Accounts are changed by administrators (people.manage); people may change their own password.',
  );
}

const expired = (timeIn: unknown, now: number) => typeof timeIn === 'string' && Date.parse(timeIn) < now - GUESTBOOK_RETENTION_DAYS * 86_400_000;

/**
 * The guest book: a press-room device (pressroom.guestbook) signs visitors in and out; only an
 * administrator (people.manage) changes or erases an entry, except the retention purge every
 * device runs for entries older than the notice's year. An erased entry never changes again.
 */
function guestbookCheck(j: RuleInput): Refusal | null {
  const b = j.before;
  if (b && !isBlank(b.erased_at)) return refuse('erased', null, 'Catatan buku tamu ini sudah dihapus atas permintaan; tidak dapat diubah.', 'This guest-book entry was erased on request.');
  if (typeof j.fields.device_id === 'string' && j.fields.device_id !== j.actor.deviceId)
    return refuse('invalid_value', 'device_id', 'Catatan buku tamu hanya boleh mencatat perangkat yang membuatnya.', 'A guest-book entry names the device that made it.');
  if (j.actor.can('people.manage')) return null;
  if (!b) return isBlank(j.fields.erased_at) ? null : refuse('field_forbidden', 'erased_at', 'Catatan baru tidak boleh langsung ditandai terhapus.', 'A new entry cannot be marked erased.');
  if (onlyFields(j.fields, ['time_out'])) {
    return isBlank(b.time_out) ? null : refuse('wrong_state', 'time_out', 'Tamu ini sudah tercatat keluar.', 'This visitor has already signed out.');
  }
  if (!isBlank(j.fields.erased_at) && expired(b.time_in, j.now)) return null;
  return refuse(
    'field_forbidden',
    Object.keys(j.fields)[0] ?? null,
    'Isi buku tamu hanya dapat diubah atau dihapus oleh administrator (izin people.manage).',
    'Only administrators (people.manage) change or erase guest-book entries.',
  );
}

/** Whether an account may unlock a press-room machine (turn press-room mode off). */
export function mayUnlockPressRoom(row: Row): boolean {
  return isLive(row) && row.active !== false && rolesGrant(row.roles, 'people.manage');
}

export const peopleRules = {
  staff_accounts: {
    write: 'app.use',
    fields: { roles: { domain: arrayOf(ROLES) }, password_changed_at: { domain: isoInstant } },
    check: accountCheck,
    read: {
      permission: 'app.use',
      // Colleagues' contact details stay on staff devices.
      groups: [{ fields: ['position', 'unit', 'phone', 'email'], visibleTo: isStaffViewer }],
      // Staff devices: every account (anyone may sign in at any staff computer of the office).
      // A press-room device: only the accounts that may turn press-room mode off, never every hash.
      rows: (row, viewer) => isStaffViewer(viewer) || mayUnlockPressRoom(row),
    },
  },
  guestbook_entries: {
    write: ['pressroom.guestbook', 'people.manage'],
    fields: {
      time_in: { domain: isoInstant },
      time_out: { domain: isoInstant },
      consent_at: { domain: isoInstant },
      erased_at: { domain: isoInstant },
    },
    check: guestbookCheck,
    // Administrators read the guest book; a press-room computer receives back only the entries it
    // made itself (so a later change of one, an erasure above all, reaches it), never anyone else's.
    read: { permission: 'pressroom.guestbook', rows: (row, viewer) => viewer.can('people.manage') || (row.device_id !== undefined && row.device_id === viewer.deviceId) },
    erasure: { marker: 'erased_at', fields: ['name', 'outlet', 'purpose'] },
  },
} as const satisfies Record<string, TableRules>;
