/**
 * Campaigns and the content calendar: written by those who write releases, read by the office's
 * staff. A planned post takes the same review steps as a release (shared/campaigns/post-workflow.ts):
 * approving needs releases.review, marking as posted releases.publish; an approved post's text
 * and account no longer change (it may still move to another day), a posted one not at all; a
 * post from an embargoed release is never planned or recorded before the embargo ends.
 */
import { cardProblem, type CardSpec } from '../../campaigns/cards';
import { embargoRefusal, postInstant } from '../../campaigns/embargo';
import { PLATFORMS, POST_STATUSES, type PostStatus } from '../../campaigns/model';
import { canStep, isPostEditable, POST_STATUS_WORDS, stepPermission } from '../../campaigns/post-workflow';
import { RECURRENCE_KINDS } from '../../campaigns/recurrence';
import { ZONE_LABELS, type ZoneLabel } from '../../office/time-zones';
import type { Domain, Refusal, Row, RowKey, RuleInput, TableRules } from '../types';
import { intAtLeast, isBlank, isoDate, isoInstant, oneOf } from '../domains';
import { refuse } from '../refuse';

const weekdays: Domain = (v) =>
  Array.isArray(v) && v.length <= 7 && v.every((d) => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6)
    ? null
    : { id: 'harus daftar hari 0–6', en: 'must be a list of weekdays 0–6' };
const hashtags: Domain = (v) =>
  Array.isArray(v) && v.length <= 10 && v.every((h) => typeof h === 'string' && /^#[\p{L}\p{N}_]{1,59}$/u.test(h))
    ? null
    : { id: 'harus daftar tagar (#kata), paling banyak 10', en: 'must be a list of hashtags (#word), at most 10' };
const nth: Domain = (v) => (v === -1 || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5) ? null : { id: 'harus 1–5 atau -1 (terakhir)', en: 'must be 1–5 or -1 (last)' });
const clock: Domain = (v) => (typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : { id: 'harus jam JJ:MM', en: 'must be a time HH:MM' });

/** A card is a spec the card editor could have written (shared/campaigns/cards.ts), or null. */
const card: Domain = (v) => {
  if (v === null) return null;
  const c = v as Partial<CardSpec> | undefined;
  const shaped =
    !!c && typeof c === 'object' && typeof c.template === 'string' && typeof c.title === 'string' && typeof c.source === 'string' &&
    Array.isArray(c.entries) && c.entries.every((e) => !!e && typeof e.value === 'string' && typeof e.label === 'string');
  if (!shaped) return { id: 'harus kartu infografis yang utuh', en: 'must be a whole infographic card' };
  const problem = cardProblem(c as CardSpec);
  return problem ? { id: problem.id, en: problem.en } : null;
};

const status = (v: unknown): PostStatus => ((v as PostStatus | null | undefined) ?? 'idea');
/** Fields that plan a post in time; they may change until it is posted. */
const WHEN = new Set(['date', 'time', 'zone']);
const POSTING = ['posted_url', 'posted_at'];

function postCheck(j: RuleInput): Refusal | null {
  const f = j.fields;
  const from = j.before ? status(j.before.status) : null;
  const to = 'status' in f ? status(f.status) : (from ?? 'idea');
  if (from === null) {
    if (to !== 'idea' && to !== 'draft') return refuse('wrong_state', 'status', 'Rencana unggahan baru dimulai sebagai ide atau draf.', 'A new planned post starts as an idea or a draft.');
  } else if (to !== from) {
    if (!canStep(from, to))
      return refuse('wrong_state', 'status', `Unggahan ${POST_STATUS_WORDS[from][0]} tidak bisa langsung menjadi ${POST_STATUS_WORDS[to][0]}.`, `A post ${POST_STATUS_WORDS[from][1]} cannot become ${POST_STATUS_WORDS[to][1]} directly.`);
    const permission = stepPermission(from, to);
    if (!j.actor.can(permission))
      return refuse('field_forbidden', 'status', `Peran ini tidak boleh membuat unggahan menjadi ${POST_STATUS_WORDS[to][0]} (perlu izin ${permission}).`, `This role may not make a post ${POST_STATUS_WORDS[to][1]} (needs ${permission}).`);
  }
  const at = from ?? 'idea';
  for (const name in f) {
    if (name === 'status' || name === 'created_at') continue;
    if (POSTING.includes(name)) {
      if (to !== 'posted' || at === 'posted') return refuse('wrong_state', name, 'Alamat dan waktu unggahan dicatat saat menandai sudah diunggah.', "A post's address and time are recorded when it is marked as posted.");
    } else if (name === 'deleted_at') {
      if (at === 'posted' && !j.actor.can('releases.publish'))
        return refuse('field_forbidden', name, 'Unggahan yang sudah diunggah dihapus oleh editor (izin releases.publish).', 'A posted post is deleted by editors (releases.publish).');
    } else if (at === 'posted') {
      return refuse('wrong_state', name, 'Unggahan yang sudah diunggah tidak bisa diubah.', 'A posted post cannot be changed.');
    } else if (!WHEN.has(name) && !isPostEditable(at) && from !== null) {
      return refuse('wrong_state', name, `Unggahan ${POST_STATUS_WORDS[at][0]} tidak bisa diubah isinya; kembalikan ke tinjauan dulu.`, `A post ${POST_STATUS_WORDS[at][1]} cannot be edited; take it back to review first.`);
    }
  }
  if (to === 'posted' && at !== 'posted' && (isBlank(j.after.posted_at) || isBlank(j.after.posted_url)))
    return refuse('invalid_value', 'posted_url', 'Isi alamat unggahan dan waktunya saat menandai sudah diunggah.', "Give the post's address and time when marking it as posted.");
  return embargoCheck(j);
}

/** A post of an embargoed release: its planned time, and its posting time, are not before the embargo. */
function embargoCheck(j: RuleInput): Refusal | null {
  const a = j.after;
  if (typeof a.release_id !== 'string' || !('date' in j.fields || 'time' in j.fields || 'posted_at' in j.fields || 'release_id' in j.fields)) return null;
  const release = j.row('releases', a.release_id);
  if (!release || typeof a.date !== 'string') return null;
  const zone = (a.zone as ZoneLabel | null) ?? 'WIB';
  const of = { urgency: release.urgency as string | null, embargoAt: release.embargo_at as string | null, embargoZone: (release.embargo_zone as ZoneLabel | null) ?? null };
  const planned = embargoRefusal(of, postInstant(a.date, (a.time as string | null) ?? null, zone), zone);
  if (planned && a.status !== 'posted') return refuse('wrong_state', 'date', planned.id, planned.en);
  const posted = typeof a.posted_at === 'string' ? embargoRefusal(of, Date.parse(a.posted_at), zone) : null;
  return posted ? refuse('wrong_state', 'posted_at', posted.id, posted.en) : null;
}

const releaseParent = (fields: Row, before: Row | null): readonly RowKey[] => {
  const id = fields.release_id ?? before?.release_id;
  return typeof id === 'string' ? [{ table: 'releases', id }] : [];
};

const staffRead = { permission: 'releases.read' } as const;

export const campaignRules = {
  campaigns: {
    write: 'releases.write',
    fields: {
      recurrence: { domain: oneOf(RECURRENCE_KINDS) },
      weekdays: { domain: weekdays },
      nth: { domain: nth },
      weekday: { domain: intAtLeast(0) },
      start_date: { domain: isoDate },
      end_date: { domain: isoDate },
      hashtags: { domain: hashtags },
    },
    read: staffRead,
  },
  campaign_posts: {
    write: 'releases.write',
    fields: {
      platform: { domain: oneOf(PLATFORMS) },
      status: { domain: oneOf(POST_STATUSES) },
      date: { domain: isoDate },
      time: { domain: clock },
      zone: { domain: oneOf(ZONE_LABELS) },
      posted_at: { domain: isoInstant },
      card: { domain: card },
    },
    check: postCheck,
    parents: releaseParent,
    read: staffRead,
  },
} as const satisfies Record<string, TableRules>;
