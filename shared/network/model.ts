/**
 * The PR network (*jejaring kehumasan*, issue 13 items 3 and 4): the PR contact people of every
 * OPD, and the network's meetings and trainings with their waves, invitees (network contacts and
 * journalists of the media directory), RSVPs, attendance, minutes and action items.
 *
 * A contact's phone, WhatsApp and e-mail are personal data handled like a journalist's
 * (media.personal to see or change them, every viewing logged, export and erasure on request).
 */
import type { ConsentState } from '../media/vocabulary';

export const MEETING_KINDS = ['coordination', 'workshop', 'training', 'media_gathering'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const RSVP_STATES = ['pending', 'yes', 'no', 'maybe'] as const;
export type RsvpState = (typeof RSVP_STATES)[number];

export const ACTION_STATUSES = ['open', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Fields of a contact that are personal data (media.personal), and what an erasure scrubs. */
export const CONTACT_PERSONAL_FIELDS = ['phone', 'whatsapp', 'email'] as const;
export const CONTACT_ERASED_FIELDS = ['name', 'position', ...CONTACT_PERSONAL_FIELDS, 'notes', 'decree_no', 'decree_date'] as const;

/**
 * Invitees per meeting. An annual media gathering or a province-wide training invites a few
 * thousand people at most; the limit keeps one call (and the attendance list) bounded.
 */
export const MAX_INVITEES = 5000;
/** Waves of one meeting (a workshop in several rounds). */
export const MAX_WAVES = 20;

export const NETWORK_LIMITS = {
  name: 200,
  position: 200,
  decreeNo: 100,
  notes: 2000,
  title: 300,
  place: 300,
  description: 4000,
  minutes: 60000,
  waveLabel: 100,
  actionText: 2000,
} as const;

export interface ContactSummary {
  id: string;
  opdId: string;
  opdName: string;
  name: string;
  position: string;
  infoTeam: boolean;
  decreeNo: string;
  decreeDate: string;
  consent: ConsentState;
  notes: string;
  erased: boolean;
}

export interface ContactPersonal {
  phone: string;
  whatsapp: string;
  email: string;
}

export interface Wave {
  id: string;
  label: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
}

export interface Invitee {
  id: string;
  kind: 'contact' | 'journalist';
  personId: string;
  name: string;
  /** The OPD (a contact) or the outlet (a journalist). */
  organisation: string;
  position: string;
  waveId: string | null;
  rsvp: RsvpState;
  present: boolean;
  presentAt: string | null;
}

export interface ActionItem {
  id: string;
  meetingId: string;
  meetingTitle: string;
  opdId: string;
  opdName: string;
  text: string;
  dueDate: string;
  status: ActionStatus;
  doneAt: string | null;
  doneNote: string;
}

export interface MeetingSummary {
  id: string;
  kind: MeetingKind;
  title: string;
  place: string;
  firstDate: string;
  waves: number;
  invited: number;
  present: number;
  openActions: number;
}

export interface WaveTally {
  waveId: string | null;
  invited: number;
  yes: number;
  present: number;
}

export interface MeetingDetail extends MeetingSummary {
  description: string;
  minutes: string;
  minutesAt: string | null;
  waveList: Wave[];
  invitees: Invitee[];
  tallies: WaveTally[];
  actions: ActionItem[];
}
