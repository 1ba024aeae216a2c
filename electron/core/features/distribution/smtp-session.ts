import { Readable } from 'node:stream';
import MailComposer, { type MailComposerOptions } from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpSecurity } from '../../../../shared/distribution/model';

export interface SmtpAccount {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  password: string | null;
}

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

export const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectionMs: 20_000, greetingMs: 20_000, socketMs: 60_000 };

/**
 * What became of one message:
 * - sent: the server answered 250 after the message;
 * - refused: a permanent no for this message or recipient (5xx), with the server's words;
 * - temporary: a 4xx; try again later;
 * - offline: no connection, a timeout or a drop before the message was complete: the server
 *   cannot have accepted it, so trying again later cannot deliver it twice;
 * - auth: the account's login was refused; nothing can go out until the settings are fixed;
 * - uncertain: the connection failed after the whole message was handed over and before the
 *   server's answer: it may have been delivered. Never resent on its own.
 */
export type SendOutcome =
  | { kind: 'sent'; response: string }
  | { kind: 'refused' | 'temporary' | 'offline' | 'auth' | 'uncertain'; reason: string };

export type OpenFailure = { kind: 'offline' | 'auth'; reason: string };

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  timeoutType?: string;
}

/** Why a connection could not be used, in the officer's words, with the technical part after. */
export function describeConnectionError(err: SmtpError, t: SmtpTimeouts): string {
  const tech = `${err.code ?? 'ERR'}: ${(err.response || err.message || '').slice(0, 200)}`;
  if (err.code === 'ETIMEDOUT') return `Server email tidak menjawab dalam ${Math.round(Math.max(t.connectionMs, t.greetingMs) / 1000)} detik (${tech}).`;
  if (err.code === 'EDNS') return `Nama server email tidak dikenal; periksa nama server atau sambungan internet (${tech}).`;
  if (err.code === 'ETLS') return `Sambungan aman (TLS) ke server email gagal; periksa pilihan keamanan dan port (${tech}).`;
  return `Server email tidak dapat dihubungi; pesan akan dicoba lagi saat tersambung (${tech}).`;
}

/**
 * One SMTP connection (nodemailer's SMTPConnection) reused for a run of messages. Written on
 * the connection level rather than with a pooled transport because only here can we tell a
 * failure before the message was complete (safe to retry) from one after it (maybe delivered).
 */
export class SmtpSession {
  private broken = false;

  private constructor(
    private readonly conn: SMTPConnection,
    private readonly timeouts: SmtpTimeouts,
  ) {}

  static open(account: SmtpAccount, timeouts: SmtpTimeouts = DEFAULT_TIMEOUTS): Promise<SmtpSession | OpenFailure> {
    const conn = new SMTPConnection({
      host: account.host,
      port: account.port,
      secure: account.security === 'tls',
      requireTLS: account.security === 'starttls',
      ignoreTLS: account.security === 'none',
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      tls: { servername: account.host },
      logger: false,
    });
    const session = new SmtpSession(conn, timeouts);
    return new Promise<SmtpSession | OpenFailure>((resolve) => {
      let settled = false;
      const settle = (v: SmtpSession | OpenFailure) => {
        if (settled) return;
        settled = true;
        if (!(v instanceof SmtpSession)) conn.close();
        resolve(v);
      };
      // Connection failures (refused, timeouts, TLS) arrive as 'error' events, not through connect's callback.
      conn.on('error', (err: SmtpError) => {
        session.broken = true;
        settle({ kind: 'offline', reason: describeConnectionError(err, timeouts) });
      });
      conn.on('end', () => {
        session.broken = true;
        settle({ kind: 'offline', reason: 'Server email menutup sambungan sebelum siap; pesan akan dicoba lagi.' });
      });
      conn.connect((err) => {
        if (err) return settle({ kind: 'offline', reason: describeConnectionError(err as SmtpError, timeouts) });
        if (!account.user) return settle(session);
        conn.login({ user: account.user, pass: account.password ?? '' }, (loginErr) => {
          if (!loginErr) return settle(session);
          const e = loginErr as SmtpError;
          settle(
            e.code === 'EAUTH'
              ? { kind: 'auth', reason: `Server email menolak login akun "${account.user}"; periksa nama pengguna dan kata sandi (${e.responseCode ?? ''} ${(e.response ?? e.message).slice(0, 200)}).` }
              : { kind: 'offline', reason: describeConnectionError(e, timeouts) },
          );
        });
      });
    });
  }

  get usable(): boolean {
    return !this.broken;
  }

  async send(mail: MailComposerOptions, envelope: { from: string; to: string }): Promise<SendOutcome> {
    const raw = await new Promise<Buffer>((resolve, reject) => new MailComposer(mail).compile().build((err, out) => (err ? reject(err) : resolve(out))));
    let handedOver = false;
    const body = Readable.from([raw]);
    body.once('end', () => {
      handedOver = true;
    });
    return new Promise((resolve) => {
      this.conn.send(envelope, body, (err, info) => {
        if (!err) return resolve({ kind: 'sent', response: info?.response ?? '' });
        const e = err as SmtpError;
        const code = e.responseCode ?? (e as { rejectedErrors?: SmtpError[] }).rejectedErrors?.[0]?.responseCode;
        const words = `${code ?? e.code ?? ''} ${(e.response ?? e.message ?? '').slice(0, 300)}`.trim();
        // The next message starts on a fresh connection: no half-finished envelope is left behind.
        this.broken = true;
        if (typeof code === 'number' && code >= 500) return resolve({ kind: 'refused', reason: words });
        if (typeof code === 'number' && code >= 400) return resolve({ kind: 'temporary', reason: words });
        if (handedOver) {
          return resolve({ kind: 'uncertain', reason: `Sambungan putus setelah pesan diserahkan dan sebelum server menjawab; pesan mungkin sudah sampai (${words}).` });
        }
        resolve({ kind: 'offline', reason: describeConnectionError(e, this.timeouts) });
      });
    });
  }

  close(): void {
    try {
      if (this.broken) this.conn.close();
      else this.conn.quit();
    } catch {
      // already closed
    }
  }
}
