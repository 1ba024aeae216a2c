/**
 * Who may do what. Every API method names one permission (shared/contract/methods/*), the
 * core checks it for every call (electron/core/rpc/dispatch.ts), and the sync server will
 * check the same table for pushed changes. Roles are sets of permissions: data, not code.
 *
 * `*.public` permissions are what journalists and guests get: published, non-embargoed
 * releases and the public agenda only. Handlers serving both kinds of caller filter by
 * `caller.can('releases.read')` and the like.
 */
export const PERMISSIONS = [
  'app.use', // app info, machine preferences, own session: anyone who can open Warta
  'office.read',
  'office.manage',
  'releases.read.public',
  'releases.read',
  'releases.write',
  'releases.review',
  'releases.publish',
  'agenda.read.public',
  'agenda.read',
  'agenda.write',
  'media.read',
  'media.write',
  'media.personal', // see and export journalists' personal data (UU 27/2022)
  'distribution.send',
  'people.manage',
  'audit.read',
  'pressroom.guestbook',
  'sync.manage',
  // The agencies' network (issue 13): requests from an OPD and their answers. `requests.read`
  // lets a device receive requests at all (a contributor's only those of its own OPD, by the
  // rulebook's row predicate); `requests.submit` writes a request of one's own OPD;
  // `requests.manage` is the PR office's desk: any request, its number, its answer.
  'requests.read',
  'requests.submit',
  'requests.manage',
  // The PR network (issue 13): `network.read` receives the contacts (a contributor's device only
  // its own OPD's, and the action items assigned to it); `network.manage` writes contacts,
  // meetings, invitations, attendance and minutes. Contacts' phones and e-mail need media.personal.
  // `network.answer` is an OPD's contributor reporting its own OPD's action items done (or not yet).
  'network.read',
  'network.manage',
  'network.answer',
  // The public desk (issue 14): `publicdesk.read` lets a device receive the desk at all (a
  // contributor's only its own OPD's parts); `publicdesk.manage` is the desk (items, the
  // reporter's data with media.personal, dispositions, replies); `publicdesk.answer` is an OPD's
  // contributor answering its own part.
  'publicdesk.read',
  'publicdesk.manage',
  'publicdesk.answer',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['administrator', 'editor', 'writer', 'protocol', 'media_cooperation', 'data_staff', 'journalist', 'guest', 'opd_contributor'] as const;
export type Role = (typeof ROLES)[number];

const STAFF_READ: Permission[] = ['app.use', 'office.read', 'releases.read.public', 'releases.read', 'agenda.read.public', 'agenda.read', 'media.read', 'requests.read', 'network.read', 'publicdesk.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  editor: [...STAFF_READ, 'releases.write', 'releases.review', 'releases.publish', 'agenda.write', 'media.write', 'media.personal', 'distribution.send', 'audit.read', 'requests.manage', 'network.manage', 'publicdesk.manage'],
  writer: [...STAFF_READ, 'releases.write', 'media.personal'],
  protocol: [...STAFF_READ, 'agenda.write', 'requests.manage', 'network.manage'],
  media_cooperation: [...STAFF_READ, 'media.write', 'media.personal', 'distribution.send', 'network.manage', 'publicdesk.manage'],
  data_staff: [...STAFF_READ],
  journalist: ['app.use', 'office.read', 'releases.read.public', 'agenda.read.public', 'pressroom.guestbook'],
  guest: ['app.use', 'office.read', 'releases.read.public', 'agenda.read.public', 'pressroom.guestbook'],
  // Kontributor OPD: a normal install at an agency, bound to one OPD at enrolment (the device's
  // OPD, not the person's): its own OPD's requests and answers, the public agenda and published
  // releases through the public feed, the office profile.
  opd_contributor: ['app.use', 'office.read', 'releases.read.public', 'agenda.read.public', 'requests.read', 'requests.submit', 'network.read', 'network.answer', 'publicdesk.read', 'publicdesk.answer'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r] ?? []) out.add(p);
  return out;
}
