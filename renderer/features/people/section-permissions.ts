import { permissionsOf, ROLES, type Permission, type Role } from '../../../shared/contract/permissions';
import type { Section } from '../../app/navigation-store';

/**
 * The permission a sidebar section needs to be shown. The core refuses the calls anyway; this
 * only spares people the pages they cannot use. Ruang Pers (the staff side of the press room:
 * kiosk mode, guest book) belongs to whoever manages people on this machine.
 */
export const SECTION_PERMISSION: Record<Section, Permission> = {
  home: 'office.read',
  releases: 'releases.read',
  agenda: 'agenda.read',
  campaigns: 'releases.read',
  requests: 'requests.read',
  network: 'network.read',
  publicdesk: 'publicdesk.read',
  media: 'media.read',
  outbox: 'media.read',
  reports: 'releases.read',
  pressroom: 'people.manage',
  settings: 'app.use',
};

export function sectionAllowed(section: Section, permissions: readonly Permission[] | undefined): boolean {
  return permissions?.includes(SECTION_PERMISSION[section]) ?? false;
}

/**
 * The sections a person may use on this computer: their own permissions, capped by the role the
 * computer is enrolled with (an agency's contributor computer shows Permohonan, not the office's
 * releases or media, whoever signs in: the office sends it nothing else and refuses its writes).
 */
export function cappedPermissions(permissions: readonly Permission[] | undefined, deviceRole: string | null | undefined): readonly Permission[] | undefined {
  if (!permissions || !deviceRole || !(ROLES as readonly string[]).includes(deviceRole)) return permissions;
  const device = permissionsOf([deviceRole as Role]);
  return permissions.filter((p) => device.has(p));
}
