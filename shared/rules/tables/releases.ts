/**
 * The release workflow as rules over rows (shared/releases/workflow.ts holds the transitions):
 * a release starts as a draft, moves only along the workflow by a role allowed to make the move,
 * gets its number only at approval by a reviewer (or a reviewer's renumbering), and its content
 * changes only while it is a draft or in review. Transitions, comments, versions and body updates
 * are history: written once, never changed, and a transition row must match a status change the
 * same actor made.
 */
import { ZONE_LABELS } from '../../office/time-zones';
import { isEmbargoed } from '../../releases/embargo';
import { INFO_CATEGORIES, RELEASE_STATUSES, URGENCIES, type ReleaseStatus } from '../../releases/model';
import { canTransition, isEditable, transitionPermission } from '../../releases/workflow';
import type { FieldValue } from '../../sync/replicated-tables';
import { intAtLeast, isBlank, isoDate, isoInstant, oneOf } from '../domains';
import { refuse } from '../refuse';
import type { Refusal, Row, RowKey, RuleInput, TableRules } from '../types';

const STATUS_WORD: Record<ReleaseStatus, [string, string]> = {
  draft: ['draf', 'a draft'],
  in_review: ['dalam tinjauan', 'in review'],
  approved: ['disetujui', 'approved'],
  published: ['terbit', 'published'],
  withdrawn: ['ditarik', 'withdrawn'],
};

const statusSet = (value: FieldValue | undefined): ReleaseStatus => ((value as ReleaseStatus | null | undefined) ?? 'draft');

/**
 * Where a release stands in the workflow: its status field, or, on the server, the newer
 * position its accepted transition rows record (`_status`, see `derives` below). A device's log
 * keeps only the newest value of a field it has not pushed yet, so a release drafted, sent,
 * approved and published offline arrives with the final status only, while every step's
 * transition row arrives: the server follows the rows.
 */
function workflowStatus(row: Row | null | undefined, clockOf: (field: string) => string | undefined): ReleaseStatus {
  const field = statusSet(row?.status);
  const derived = row?._status as ReleaseStatus | undefined;
  if (!derived) return field;
  const fieldClock = clockOf('status');
  const derivedClock = clockOf('_status');
  return fieldClock === undefined || (derivedClock !== undefined && derivedClock > fieldClock) ? derived : field;
}

const NUMBER_FIELDS = ['number', 'number_year', 'number_seq'];
const APPROVAL_FIELDS = ['approved_at', 'approved_by'];
const PUBLICATION_FIELDS = ['published_at', 'published_by'];
/** Fields the workflow sets; every other field of a release is its content. */
const WORKFLOW_FIELDS = new Set(['status', ...NUMBER_FIELDS, ...APPROVAL_FIELDS, ...PUBLICATION_FIELDS, 'deleted_at', 'created_at']);

/** A transition row of this release to `to`, later in the same push (the status change it came with was overwritten). */
function stepAhead(j: RuleInput, to: ReleaseStatus): boolean {
  return j.batch.all('release_transitions').some((t) => t.hlc > j.hlc && t.fields.release_id === j.rowId && t.fields.to_status === to);
}

function releaseCheck(j: RuleInput): Refusal | null {
  const f = j.fields;
  if (!j.before) {
    // A new release (or one the judge has not seen): a draft, without number or approval.
    if (statusSet(f.status) !== 'draft') return refuse('wrong_state', 'status', 'Rilis baru selalu dimulai sebagai draf.', 'A new release always starts as a draft.');
    for (const name of [...NUMBER_FIELDS, ...APPROVAL_FIELDS, ...PUBLICATION_FIELDS])
      if (!isBlank(f[name])) return refuse('wrong_state', name, 'Nomor, persetujuan dan penerbitan diberikan oleh alur kerja, bukan saat rilis dibuat.', 'Number, approval and publication come from the workflow, not at creation.');
    return null;
  }
  const from = workflowStatus(j.before, j.beforeClock);
  const to = 'status' in f ? statusSet(f.status) : from;
  const moves = to !== from;
  if (moves) {
    if (!canTransition(from, to))
      return refuse('wrong_state', 'status', `Rilis ${STATUS_WORD[from][0]} tidak bisa langsung menjadi ${STATUS_WORD[to][0]}.`, `A release ${STATUS_WORD[from][1]} cannot become ${STATUS_WORD[to][1]} directly.`);
    const permission = transitionPermission(from, to);
    if (!j.actor.can(permission))
      return refuse('field_forbidden', 'status', `Peran ini tidak boleh membuat rilis menjadi ${STATUS_WORD[to][0]} (perlu izin ${permission}).`, `This role may not make a release ${STATUS_WORD[to][1]} (needs ${permission}).`);
    if (to === 'in_review' && isBlank(typeof j.after.title === 'string' ? j.after.title.trim() : j.after.title))
      return refuse('invalid_value', 'title', 'Isi judul dulu sebelum mengirim ke editor.', 'Give the release a title before sending it for review.');
    if (to === 'published' && isEmbargoed({ urgency: j.after.urgency as string | null, embargoAt: j.after.embargo_at as string | null }, j.now))
      return refuse('wrong_state', 'status', 'Rilis masih diembargo; terbitkan setelah waktu embargo lewat.', 'The release is still under embargo; publish it after the embargo.');
  }
  const approving = (moves && to === 'approved') || stepAhead(j, 'approved');
  for (const name in f) {
    if (NUMBER_FIELDS.includes(name)) {
      if (!approving && isBlank(j.before.number))
        return refuse('wrong_state', name, 'Nomor rilis diberikan saat disetujui (atau diganti oleh peninjau untuk rilis yang sudah bernomor).', 'A release is numbered when approved (or renumbered by a reviewer once numbered).');
    } else if (APPROVAL_FIELDS.includes(name)) {
      if (!approving) return refuse('wrong_state', name, 'Data persetujuan hanya dicatat saat rilis disetujui.', 'Approval is recorded only when a release is approved.');
    } else if (PUBLICATION_FIELDS.includes(name)) {
      if (!((moves && to === 'published') || stepAhead(j, 'published')))
        return refuse('wrong_state', name, 'Data penerbitan hanya dicatat saat rilis diterbitkan.', 'Publication is recorded only when a release is published.');
    } else if (name === 'deleted_at') {
      if (!j.actor.can('releases.publish') && !(from === 'draft' && j.actor.can('releases.write')))
        return refuse('field_forbidden', name, 'Hanya draf yang dapat dihapus penulis; rilis lain dihapus oleh editor (izin releases.publish).', 'Writers delete drafts only; other releases are deleted by editors (releases.publish).');
    } else if (!WORKFLOW_FIELDS.has(name) && !isEditable(from)) {
      return refuse('wrong_state', name, `Rilis ${STATUS_WORD[from][0]} tidak bisa diubah; kembalikan ke tinjauan dulu.`, `A release ${STATUS_WORD[from][1]} cannot be edited; take it back to review first.`);
    }
  }
  if (j.after.urgency === 'embargo' && ('urgency' in f || 'embargo_at' in f) && isBlank(j.after.embargo_at))
    return refuse('invalid_value', 'embargo_at', 'Isi waktu embargo, atau pilih "Untuk disiarkan segera".', 'Set the embargo time, or choose "for immediate release".');
  return null;
}

const releaseParent = (fields: Row, before: Row | null): readonly RowKey[] => {
  const id = fields.release_id ?? before?.release_id;
  return typeof id === 'string' ? [{ table: 'releases', id }] : [];
};

const parentClock = (j: RuleInput, id: string) => (field: string) => j.rowClock('releases', id, field);

/** Typing into a body: only while its release is a draft or in review. */
function bodyCheck(j: RuleInput): Refusal | null {
  const id = j.fields.release_id;
  const release = typeof id === 'string' ? j.row('releases', id) : null;
  // A release the judge does not hold (yet) cannot be judged by state; its text is harmless history.
  if (!release || typeof id !== 'string') return null;
  const s = workflowStatus(release, parentClock(j, id));
  if (isEditable(s)) return null;
  return refuse('wrong_state', 'update_b64', `Isi rilis ${STATUS_WORD[s][0]} tidak bisa diubah; kembalikan ke tinjauan dulu.`, `The text of a release ${STATUS_WORD[s][1]} cannot be changed; take it back to review first.`);
}

/**
 * A transition row records a move the actor may make, from where the release stands: either the
 * row moves the release's workflow position (its status change was overwritten on the device
 * before it was pushed, by a later one that follows), or the release already stands at the row's
 * target because this device just changed its status (the core writes the status, then the row).
 */
function transitionCheck(j: RuleInput): Refusal | null {
  const id = j.fields.release_id;
  const to = j.fields.to_status as ReleaseStatus | null | undefined;
  const from = (j.fields.from_status ?? null) as ReleaseStatus | null;
  if (typeof id !== 'string' || !to) return refuse('invalid_value', 'to_status', 'Catatan alur kerja harus menyebut rilis dan status tujuannya.', 'A transition names its release and target status.');
  if (from === null ? to !== 'draft' : !canTransition(from, to))
    return refuse('wrong_state', 'to_status', 'Catatan alur kerja memuat langkah yang tidak ada.', 'The transition records a step that does not exist.');
  const permission = from === null ? 'releases.write' : transitionPermission(from, to);
  if (!j.actor.can(permission)) return refuse('field_forbidden', 'to_status', `Peran ini tidak boleh mencatat langkah itu (perlu izin ${permission}).`, `This role may not record that step (needs ${permission}).`);
  const release = j.row('releases', id);
  if (release) {
    const at = workflowStatus(release, parentClock(j, id));
    if (at === (from ?? 'draft')) return null;
    if (at === to && j.rowClock('releases', id, 'status')?.endsWith(j.actor.deviceId)) return null;
  } else if (from === null) {
    return null;
  }
  return refuse('wrong_state', 'to_status', 'Catatan alur kerja tidak sesuai dengan status rilisnya.', "The transition does not match its release's status.");
}

const releaseRead = { permission: 'releases.read' } as const;
const at = { at: { domain: isoInstant } };

export const releaseRules = {
  releases: {
    write: 'releases.write',
    fields: {
      status: { domain: oneOf(RELEASE_STATUSES) },
      number: { write: 'releases.review' },
      number_year: { write: 'releases.review', domain: intAtLeast(1900) },
      number_seq: { write: 'releases.review', domain: intAtLeast(1) },
      urgency: { domain: oneOf(URGENCIES) },
      embargo_at: { domain: isoInstant },
      embargo_zone: { domain: oneOf(ZONE_LABELS) },
      release_date: { domain: isoDate },
      event_end_at: { domain: isoInstant },
      info_category: { domain: oneOf(INFO_CATEGORIES) },
      approved_at: { write: 'releases.review', domain: isoInstant },
      approved_by: { write: 'releases.review' },
      published_at: { write: 'releases.publish', domain: isoInstant },
      published_by: { write: 'releases.publish' },
    },
    check: releaseCheck,
    read: releaseRead,
  },
  release_body_updates: { write: 'releases.write', insertOnly: true, check: bodyCheck, parents: releaseParent, read: releaseRead },
  release_transitions: {
    write: 'releases.write',
    insertOnly: true,
    fields: { from_status: { domain: oneOf(RELEASE_STATUSES) }, to_status: { domain: oneOf(RELEASE_STATUSES) }, ...at },
    check: transitionCheck,
    parents: releaseParent,
    // The server follows a release's workflow by its transition rows (see workflowStatus).
    derives: { table: 'releases', key: 'release_id', from: 'to_status', field: '_status' },
    read: releaseRead,
  },
  release_comments: { write: 'releases.write', insertOnly: true, fields: at, read: releaseRead },
  release_versions: { write: 'releases.write', insertOnly: true, fields: at, read: releaseRead },
  release_settings: { write: 'releases.review', fields: { target_minutes: { domain: intAtLeast(0) } }, read: releaseRead },
} as const satisfies Record<string, TableRules>;
