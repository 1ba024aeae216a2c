/**
 * The outbox: sends this machine's queued emails when the office's SMTP server can be reached.
 *
 * Once, and only once:
 * - Only the machine that composed a distribution sends it (`sender_device`); a copy synced to
 *   another machine is shown there, never sent again.
 * - Before a message is handed to the server, its recipient row is committed as `sending`
 *   (with attempts + 1 and a fixed Message-ID). The server's answer is then recorded as
 *   `sent`, `refused` or `retrying`. Failures before the whole message was handed over cannot
 *   have delivered it, so they are retried. If the app dies after handing over and before
 *   recording, the row is still `sending` at the next start and becomes `uncertain`: it is
 *   not resent on its own (that could deliver it twice); the officer checks and chooses
 *   "Kirim ulang" (same Message-ID, so many mail systems drop a duplicate) or "Tandai terkirim".
 *
 * Embargo: a recipient who is not embargo-trusted waits (`waiting_embargo`) until the embargo
 * of the release as it is *now* has passed, so a moved embargo is honoured; trusted recipients
 * get the embargo line in the subject and above the release. A release withdrawn before its
 * messages went out holds them (`held`).
 */
import { embargoLine as embargoLineOf, isEmbargoed } from '../../../../shared/releases/embargo';
import { greetingFor, htmlWithGreeting, subjectFor, textWithGreeting } from '../../../../shared/distribution/message';
import { RETRY_BASE_MS, RETRY_MAX_MS, type AttachmentInfo, type EmailStatus } from '../../../../shared/distribution/model';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { FieldValue } from '../../../../shared/sync/replicated-tables';
import type { CoreContext } from '../../rpc/handler-types';
import { readOfficeProfile } from '../office/handlers';
import { currentAttachments, releaseContent, releaseStatus, sendable, type ReleaseContent } from './content';
import { readSmtpSettings } from './settings';
import { DEFAULT_TIMEOUTS, SmtpSession, type SendOutcome, type SmtpTimeouts } from './smtp-session';
import { runAsMachine } from '../../data/actor-scope';

export interface OutboxOptions {
  /** Send in the background: after queueing, on a timer, with backoff. Off in tests, which call `drain`. */
  auto: boolean;
  timeouts: SmtpTimeouts;
  /** Longest sleep of the background loop; it also wakes on every change to the outbox. */
  idleMs: number;
}

interface DueRow {
  id: string;
  distribution_id: string;
  release_id: string;
  journalist_id: string | null;
  name: string | null;
  outlet_name: string | null;
  email: string;
  embargo_trusted: number | null;
  email_status: EmailStatus;
  attempts: number | null;
  greeting: string | null;
  attachments: string | null;
}

export interface DrainResult {
  sent: number;
  refused: number;
  retrying: number;
  uncertain: number;
  held: number;
  /** Why the run stopped early (no connection, login refused, not configured), or null. */
  problem: string | null;
}

const INTERRUPTED =
  'Aplikasi berhenti ketika pesan ini sedang diserahkan ke server email; pesan mungkin sudah sampai. Periksa dulu, lalu pilih "Kirim ulang" atau "Tandai terkirim".';

export class Outbox {
  private running: Promise<DrainResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private lastSendAt = 0;
  private wakeSleep: (() => void) | null = null;
  /** After a run that could not reach the server: no new attempt before this (ms), however often data changes. */
  private notBefore = 0;
  private failedRuns = 0;
  problem: string | null = null;
  lastAttemptAt: string | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: OutboxOptions,
  ) {}

  start(): void {
    this.recoverInterrupted();
    if (!this.options.auto) return;
    this.ctx.events.on('data.changed', (p) => {
      if (p.tables.includes('distribution_recipients') || p.tables.includes('distribution_settings') || p.tables.includes('releases')) this.schedule(500);
    });
    this.schedule(2000);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.wakeSleep?.();
  }

  /** Rows left `sending` by a run that died: maybe delivered, so the officer decides. */
  private recoverInterrupted(): void {
    const rows = this.ctx.db
      .prepare(
        "SELECT r.id FROM distribution_recipients r JOIN distributions d ON d.id = r.distribution_id WHERE r.email_status = 'sending' AND r.deleted_at IS NULL AND d.sender_device = ?",
      )
      .all(this.ctx.info.deviceId) as { id: string }[];
    if (!rows.length) return;
    runAsMachine(() =>
      this.ctx.mutator.transaction(() => {
        for (const r of rows) this.ctx.mutator.update('distribution_recipients', r.id, { email_status: 'uncertain', last_error: INTERRUPTED });
      }),
    );
    this.ctx.logger.warn('distribution.interrupted', { count: rows.length });
  }

  private schedule(ms: number): void {
    if (this.stopped || !this.options.auto) return;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(ms, this.notBefore - Date.now(), 0);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain()
        .catch((err: unknown) => {
          this.ctx.logger.error('distribution.run_failed', { error: String(err) });
          return { problem: String(err) } as DrainResult;
        })
        .then(() => this.schedule(this.nextWakeMs()));
    }, wait);
    this.timer.unref?.();
  }

  /** Wakes the loop now (after "Kirim sekarang"): retrying rows become due at once. */
  sendNow(): void {
    const now = new Date(this.ctx.now()).toISOString();
    const rows = this.ctx.db
      .prepare(
        "SELECT r.id FROM distribution_recipients r JOIN distributions d ON d.id = r.distribution_id WHERE r.email_status = 'retrying' AND r.deleted_at IS NULL AND d.sender_device = ? AND r.next_attempt_at > ?",
      )
      .all(this.ctx.info.deviceId, now) as { id: string }[];
    if (rows.length) {
      this.ctx.mutator.transaction(() => {
        for (const r of rows) this.ctx.mutator.update('distribution_recipients', r.id, { next_attempt_at: now });
      });
    }
    this.notBefore = 0;
    this.schedule(0);
  }

  /** Sends everything due now, one message at a time; concurrent calls share one run. */
  drain(): Promise<DrainResult> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private nextWakeMs(): number {
    const now = this.ctx.now();
    let next = now + this.options.idleMs;
    // Rows still `queued` after a run wait for the run's own backoff (notBefore), not for this.
    const retry = this.ctx.db
      .prepare(
        "SELECT min(r.next_attempt_at) AS at FROM distribution_recipients r JOIN distributions d ON d.id = r.distribution_id WHERE r.email_status = 'retrying' AND r.deleted_at IS NULL AND d.sender_device = ?",
      )
      .get(this.ctx.info.deviceId) as { at: string | null };
    if (retry.at) next = Math.min(next, Date.parse(retry.at));
    for (const e of this.waitingEmbargoes()) next = Math.min(next, e);
    return Math.max(250, next - now);
  }

  private waitingEmbargoes(): number[] {
    const rows = this.ctx.db
      .prepare(
        "SELECT DISTINCT rel.embargo_at FROM distribution_recipients r JOIN distributions d ON d.id = r.distribution_id JOIN releases rel ON rel.id = r.release_id WHERE r.email_status = 'waiting_embargo' AND r.deleted_at IS NULL AND d.sender_device = ? AND rel.embargo_at IS NOT NULL",
      )
      .all(this.ctx.info.deviceId) as { embargo_at: string }[];
    return rows.map((r) => Date.parse(r.embargo_at)).filter((t) => Number.isFinite(t));
  }

  private due(exclude: ReadonlySet<string>): DueRow[] {
    const now = new Date(this.ctx.now()).toISOString();
    const rows = this.ctx.db
      .prepare(
        `SELECT r.id, r.distribution_id, r.release_id, r.journalist_id, r.name, r.outlet_name, r.email, r.embargo_trusted, r.email_status, r.attempts,
                d.greeting, d.attachments
           FROM distribution_recipients r JOIN distributions d ON d.id = r.distribution_id
          WHERE r.deleted_at IS NULL AND d.deleted_at IS NULL AND d.sender_device = ? AND r.email IS NOT NULL
            AND ((r.email_status IN ('queued', 'retrying') AND (r.next_attempt_at IS NULL OR r.next_attempt_at <= ?)) OR r.email_status = 'waiting_embargo')
          ORDER BY r.created_at, r.id`,
      )
      .all(this.ctx.info.deviceId, now) as DueRow[];
    return rows.filter((r) => !exclude.has(r.id));
  }

  private set(id: string, values: Record<string, FieldValue>): void {
    if (this.stopped) return; // the database may be closed; the row stays as it was and is recovered at the next start
    // The outbox works for the machine, whoever is signed in (data/actor-scope.ts).
    runAsMachine(() => this.ctx.mutator.update('distribution_recipients', id, values));
  }

  private async run(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, refused: 0, retrying: 0, uncertain: 0, held: 0, problem: null };
    const settings = readSmtpSettings(this.ctx.db);
    const password = this.ctx.smtpPassword.load();
    const stopWith = (problem: string | null) => {
      this.problem = problem;
      result.problem = problem;
      // Offline or misconfigured: back off (30 s, 1 min … 15 min) instead of trying on every change.
      this.failedRuns = problem ? this.failedRuns + 1 : 0;
      this.notBefore = problem ? Date.now() + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (this.failedRuns - 1)) : 0;
      return result;
    };
    let session: SmtpSession | null = null;
    const seen = new Set<string>();
    const contents = new Map<string, ReleaseContent>();
    const files = new Map<string, AttachmentInfo[]>();
    const zone = (readOfficeProfile(this.ctx)?.timeZone as ZoneLabel | undefined) ?? 'WIB';
    try {
      for (;;) {
        const batch = this.due(seen);
        if (!batch.length || this.stopped) break;
        if (!settings.host || !settings.fromAddress) return stopWith('Akun email kantor belum diatur: isi server SMTP dan alamat pengirim di Pengaturan → Email.');
        if (settings.user && !password) return stopWith('Kata sandi akun email kantor belum disimpan di komputer ini (Pengaturan → Email).');
        for (const row of batch) {
          if (this.stopped) break;
          seen.add(row.id);
          // Read per message on purpose: a rate-limited run lasts minutes, and a withdrawal or a moved embargo must stop it.
          const state = releaseStatus(this.ctx, row.release_id);
          if (!state || !sendable(state)) {
            this.set(row.id, { email_status: 'held', last_error: 'Siaran pers ditarik atau belum disetujui lagi; pesan tidak dikirim.' });
            result.held += 1;
            continue;
          }
          const embargoed = isEmbargoed(state, this.ctx.now());
          if (embargoed && row.embargo_trusted !== 1) {
            if (row.email_status !== 'waiting_embargo') this.set(row.id, { email_status: 'waiting_embargo', next_attempt_at: state.embargoAt });
            continue;
          }
          await this.waitForRate(settings.ratePerMinute);
          if (this.stopped) break;
          if (!session || !session.usable) {
            session?.close();
            this.lastAttemptAt = new Date(this.ctx.now()).toISOString();
            const opened = await SmtpSession.open({ ...settings, password }, this.options.timeouts);
            if (!(opened instanceof SmtpSession)) {
              // Nothing was handed over: this row and the rest stay as they are, and are tried later.
              this.set(row.id, { email_status: 'retrying', last_error: opened.reason, next_attempt_at: this.backoff(row.attempts ?? 0) });
              result.retrying += 1;
              return stopWith(opened.reason);
            }
            session = opened;
          }
          // Text and files are made for this moment: after the embargo they carry no EMBARGO line.
          const contentKey = `${row.release_id}|${row.attachments}|${embargoed}`;
          let content = contents.get(contentKey);
          const attached = await this.attachmentsOf(files, row, embargoed);
          if (!content) {
            content = releaseContent(this.ctx, row.release_id, new Set(attached.flatMap((a) => (a.cid ? [a.cid] : []))));
            contents.set(contentKey, content);
          }
          const notice = embargoed && state.embargoAt ? embargoLineOf(state.embargoAt, (state.embargoZone as ZoneLabel | null) ?? zone) : null;
          const greeting = greetingFor(row.greeting ?? '', { name: row.name ?? '', outletName: row.outlet_name ?? '', journalistId: row.journalist_id });
          const messageId = `<${row.id}.warta@${settings.fromAddress.split('@')[1] ?? 'warta.local'}>`;
          const attempts = (row.attempts ?? 0) + 1;
          this.set(row.id, { email_status: 'sending', attempts, message_id: messageId, last_error: null });
          let outcome: SendOutcome;
          try {
            outcome = await session.send(
              {
                from: { name: settings.fromName, address: settings.fromAddress },
                to: { name: row.name ?? '', address: row.email },
                ...(settings.replyTo && { replyTo: settings.replyTo }),
                subject: subjectFor(content.title, notice),
                text: textWithGreeting(greeting, notice, content.text),
                html: htmlWithGreeting(greeting, notice, content.html),
                messageId,
                date: new Date(this.ctx.now()),
                headers: { 'X-Warta-Distribution': row.distribution_id },
                attachments: attached.map((a) => ({ filename: a.fileName, contentType: a.mime, content: this.ctx.blobs.get(a.hash), ...(a.cid && { cid: a.cid }) })),
              },
              { from: settings.fromAddress, to: row.email },
            );
          } catch (err) {
            outcome = { kind: 'refused', reason: `Pesan tidak dapat disusun: ${(err as Error).message}` };
          }
          this.lastSendAt = Date.now();
          this.record(row, outcome, attempts, result);
          if (outcome.kind === 'offline' || outcome.kind === 'auth') return stopWith(outcome.reason);
        }
      }
      return stopWith(null);
    } finally {
      session?.close();
    }
  }

  private record(row: DueRow, outcome: SendOutcome, attempts: number, result: DrainResult): void {
    const at = new Date(this.ctx.now()).toISOString();
    switch (outcome.kind) {
      case 'sent':
        this.set(row.id, { email_status: 'sent', sent_at: at, next_attempt_at: null, last_error: null });
        result.sent += 1;
        return;
      case 'refused':
        this.set(row.id, { email_status: 'refused', last_error: outcome.reason.slice(0, 500), next_attempt_at: null });
        result.refused += 1;
        return;
      case 'uncertain':
        this.set(row.id, { email_status: 'uncertain', last_error: outcome.reason.slice(0, 500), next_attempt_at: null });
        result.uncertain += 1;
        return;
      default:
        this.set(row.id, { email_status: 'retrying', last_error: outcome.reason.slice(0, 500), next_attempt_at: this.backoff(attempts) });
        result.retrying += 1;
    }
  }

  private async attachmentsOf(cache: Map<string, AttachmentInfo[]>, row: DueRow, embargoed: boolean): Promise<AttachmentInfo[]> {
    const key = `${row.distribution_id}|${embargoed}`;
    let list = cache.get(key);
    if (!list) {
      try {
        list = (JSON.parse(row.attachments ?? '[]') as AttachmentInfo[]).filter((a) => this.ctx.blobs.has(a.hash));
      } catch {
        list = [];
      }
      list = await currentAttachments(this.ctx, row.release_id, list, embargoed);
      cache.set(key, list);
    }
    return list;
  }

  /** 30 s, 1 min, 2 min … up to 15 min after the n-th failed attempt. */
  private backoff(attempts: number): string {
    const ms = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
    return new Date(this.ctx.now() + ms).toISOString();
  }

  /** The rate limit: at most `perMinute` messages a minute, spaced evenly (0 = no limit). */
  private async waitForRate(perMinute: number): Promise<void> {
    if (perMinute <= 0) return;
    const wait = this.lastSendAt + 60_000 / perMinute - Date.now();
    if (wait <= 0) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, wait);
      this.wakeSleep = () => {
        clearTimeout(t);
        resolve();
      };
    });
    this.wakeSleep = null;
  }
}

const outboxes = new WeakMap<CoreContext, Outbox>();

export function attachOutbox(ctx: CoreContext, options: Partial<OutboxOptions> & { auto: boolean }): Outbox {
  const outbox = new Outbox(ctx, { timeouts: DEFAULT_TIMEOUTS, idleMs: 60_000, ...options });
  outboxes.set(ctx, outbox);
  outbox.start();
  return outbox;
}

export function outboxOf(ctx: CoreContext): Outbox {
  const outbox = outboxes.get(ctx);
  if (!outbox) throw new Error('outbox not attached');
  return outbox;
}
