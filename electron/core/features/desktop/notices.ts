/**
 * What deserves an OS notification for the person signed in here (issue 17 item 3): an embargo
 * lifted, an e-mail from this machine refused or uncertain, a release sent for review (to those
 * who review), a comment on a release they wrote. The core finds them in its own data — so a
 * comment arriving by sync counts the same as one written here — and emits `desktop.notice`; the
 * desktop shell decides whether to show it (per-kind switches, quiet hours).
 *
 * "New" is judged without trusting other machines' clocks: comments and review requests by SQLite
 * rowid (a row inserted here or applied from sync gets a higher one), this machine's e-mail
 * results by their local update time, embargoes by the clock passing their time.
 */
import type { Notice } from '../../../../shared/desktop/settings';
import type { CoreContext } from '../../rpc/handler-types';

// Embargoes are found by the timer: a release edit alone never lifts one.
const WATCHED_TABLES = ['release_comments', 'release_transitions', 'distribution_recipients'];
const EMBARGO_TICK_MS = 30_000;
const CHECK_DELAY_MS = 200;

interface Watermarks {
  commentRowid: number;
  transitionRowid: number;
  /** ISO; e-mail results from it on, embargoes that pass after it. */
  since: string;
  /** E-mail results (recipient:status) already told that carry the time `since`: one millisecond may hold several writes. */
  mailSeen: Set<string>;
}

export function startNoticeWatch(ctx: CoreContext): () => void {
  const maxRowid = (table: string) => (ctx.db.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${table}`).get() as { n: number }).n;
  const iso = () => new Date(ctx.now()).toISOString();
  const marks: Watermarks = { commentRowid: maxRowid('release_comments'), transitionRowid: maxRowid('release_transitions'), since: iso(), mailSeen: new Set() };

  const check = () => {
    try {
      for (const notice of findNotices(ctx, marks)) ctx.events.emit('desktop.notice', notice);
    } catch (err) {
      ctx.logger.warn('desktop.notices_failed', { message: String((err as Error)?.message ?? err).slice(0, 200) });
    }
  };
  // A burst of commits (the outbox sending a thousand e-mails, a large pull) makes one check.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const stopData = ctx.events.on('data.changed', ({ tables }) => {
    if (pending || !tables.some((t) => WATCHED_TABLES.includes(t))) return;
    pending = setTimeout(() => {
      pending = null;
      check();
    }, CHECK_DELAY_MS);
    pending.unref?.();
  });
  const tick = setInterval(check, EMBARGO_TICK_MS);
  tick.unref?.();
  return () => {
    stopData();
    clearInterval(tick);
    if (pending) clearTimeout(pending);
  };
}

/** The notices since the watermarks, which move on; exported for tests that drive the clock. */
export function findNotices(ctx: CoreContext, marks: Watermarks): Notice[] {
  const caller = ctx.currentCaller();
  const now = new Date(ctx.now()).toISOString();
  const since = marks.since;
  const notices: Notice[] = [];
  const newComments = ctx.db
    .prepare(
      `SELECT c.rowid AS rid, c.id, c.release_id, c.author, c.body, r.title, r.writer FROM release_comments c JOIN releases r ON r.id = c.release_id
       WHERE c.rowid > ? AND c.deleted_at IS NULL AND r.deleted_at IS NULL ORDER BY c.rowid`,
    )
    .all(marks.commentRowid) as { rid: number; id: string; release_id: string; author: string | null; body: string | null; title: string | null; writer: string | null }[];
  const newTransitions = ctx.db
    .prepare(
      `SELECT t.rowid AS rid, t.id, t.release_id, t.actor, r.title FROM release_transitions t JOIN releases r ON r.id = t.release_id
       WHERE t.rowid > ? AND t.to_status = 'in_review' AND t.deleted_at IS NULL AND r.deleted_at IS NULL AND r.status = 'in_review' ORDER BY t.rowid`,
    )
    .all(marks.transitionRowid) as { rid: number; id: string; release_id: string; actor: string | null; title: string | null }[];
  marks.commentRowid = newComments.at(-1)?.rid ?? marks.commentRowid;
  marks.transitionRowid = newTransitions.at(-1)?.rid ?? marks.transitionRowid;
  marks.since = now;
  const problems = ctx.db
    .prepare(
      `SELECT r.id AS rid, d.id, d.release_title, r.email_status AS status FROM distribution_recipients r JOIN distributions d ON d.id = r.distribution_id
       WHERE d.sender_device = ? AND r.deleted_at IS NULL AND r.email_status IN ('refused', 'uncertain') AND r.updated_at >= ? AND r.updated_at <= ?
       ORDER BY d.id`,
    )
    .all(ctx.info.deviceId, since, now) as { rid: string; id: string; release_title: string | null; status: 'refused' | 'uncertain' }[];
  const seenBefore = marks.mailSeen;
  marks.mailSeen = new Set(problems.map((p) => `${p.rid}:${p.status}`));
  // Nobody from the staff here (signed out, the kiosk): nothing to tell, and nothing saved for later.
  if (!caller.can('releases.read')) return notices;

  const title = (t: string | null) => (t?.trim() ? t.trim() : 'Tanpa judul');
  // Releases record their writer and commenters by name (releases/handlers.ts), so "mine" is by name.
  for (const c of newComments) {
    if (!c.writer || c.writer !== caller.name || c.author === caller.name) continue;
    notices.push({
      id: `comment:${c.id}`,
      kind: 'commentOnMine',
      title: `Komentar baru dari ${c.author ?? 'rekan'}`,
      body: `${title(c.title)}: ${(c.body ?? '').slice(0, 140)}`,
      target: { section: 'releases', id: c.release_id },
    });
  }
  if (caller.can('releases.review')) {
    for (const t of newTransitions) {
      if (t.actor === caller.name) continue;
      notices.push({ id: `review:${t.id}`, kind: 'reviewRequested', title: 'Siaran pers menunggu pemeriksaan Anda', body: `${title(t.title)} — dikirim oleh ${t.actor ?? 'rekan'}`, target: { section: 'releases', id: t.release_id } });
    }
  }
  const lifted = ctx.db
    .prepare("SELECT id, title FROM releases WHERE deleted_at IS NULL AND status IN ('approved', 'published') AND embargo_at > ? AND embargo_at <= ? ORDER BY embargo_at")
    .all(since, now) as { id: string; title: string | null }[];
  for (const r of lifted) {
    notices.push({ id: `embargo:${r.id}`, kind: 'embargoLifted', title: 'Embargo berakhir', body: `${title(r.title)} kini boleh diberitakan.`, target: { section: 'releases', id: r.id } });
  }
  if (caller.can('media.read')) {
    const groups = new Map<string, { id: string; title: string | null; status: 'refused' | 'uncertain'; n: number }>();
    for (const p of problems) {
      if (seenBefore.has(`${p.rid}:${p.status}`)) continue;
      const key = `${p.id}:${p.status}`;
      const group = groups.get(key) ?? { id: p.id, title: p.release_title, status: p.status, n: 0 };
      group.n += 1;
      groups.set(key, group);
    }
    for (const [key, g] of groups) {
      notices.push({
        id: `mail:${key}:${now}`,
        kind: 'messageProblem',
        title: g.status === 'refused' ? `${g.n} surel ditolak server` : `${g.n} surel belum pasti terkirim`,
        body: `${title(g.title)} — buka Kotak keluar untuk memutuskan.`,
        target: { section: 'outbox', id: g.id },
      });
    }
  }
  return notices;
}
