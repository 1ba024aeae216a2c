import net from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  at: number;
  envelopeTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpTestServer {
  port: number;
  received: ReceivedMail[];
  /** Waits until `n` messages have arrived (bounded by `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface SmtpTestOptions {
  port?: number;
  /** Recipients refused at RCPT TO with 550. */
  refuse?: ReadonlySet<string>;
  /** Recipients answered 451 (try again later) at RCPT TO. */
  deferOnce?: Set<string>;
  /** Called with the whole message before the server answers; may delay or never resolve. */
  beforeAnswer?: (raw: Buffer) => Promise<void> | void;
  /** Require this user and password. */
  auth?: { user: string; pass: string };
  /** Parse messages (off for the throughput benchmark). */
  parse?: boolean;
}

/** A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps what it receives. */
export async function startSmtpServer(opts: SmtpTestOptions = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    logger: false,
    size: 50 * 1024 * 1024,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      const a = address.address.toLowerCase();
      if (opts.refuse?.has(a)) return cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      if (opts.deferOnce?.delete(a)) return cb(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void (async () => {
          await opts.beforeAnswer?.(raw);
          const parsed = opts.parse === false ? ({} as ParsedMail) : await simpleParser(raw, { keepCidLinks: true });
          received.push({ at: Date.now(), envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
          for (const w of waiters.splice(0)) w();
          cb();
        })();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    async waitFor(n, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages, got ${received.length}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A TCP server that accepts and then says nothing (a hung SMTP server), hangs up at once, or
 * speaks just enough SMTP to take a whole message and then drops the line before answering.
 */
export async function startBadServer(kind: 'silent' | 'hangup' | 'drop-after-data'): Promise<{ port: number; close(): Promise<void>; messages: number }> {
  const sockets = new Set<net.Socket>();
  const state = { messages: 0 };
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    if (kind === 'hangup') s.destroy();
    if (kind !== 'drop-after-data') return;
    s.write('220 uji ESMTP\r\n');
    let inData = false;
    let buf = '';
    s.on('data', (chunk: Buffer) => {
      buf += chunk.toString('latin1');
      if (inData) {
        if (buf.includes('\r\n.\r\n')) {
          state.messages += 1;
          s.destroy(); // the whole message arrived; the answer never leaves
        }
        return;
      }
      let i: number;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i).toUpperCase();
        buf = buf.slice(i + 2);
        if (line.startsWith('EHLO') || line.startsWith('HELO')) s.write('250 uji\r\n');
        else if (line.startsWith('DATA')) {
          inData = true;
          s.write('354 lanjut\r\n');
          return;
        } else if (line.startsWith('QUIT')) s.end('221 bye\r\n');
        else s.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    get messages() {
      return state.messages;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
