/** Raw HTTP over node:net for the hostile-input tests: bytes in, whatever comes back out. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './temp-dir';

export interface RawReply {
  /** Everything the peer sent before it closed or the wait ended (latin1). */
  text: string;
  /** The status code of the first response line, if one came. */
  status: number | null;
  closed: boolean;
}

/** Sends `bytes`, waits up to `waitMs` for the peer to answer and close, then drops the socket. */
export function rawExchange(port: number, bytes: string | Buffer, waitMs = 3000): Promise<RawReply> {
  return new Promise((resolve) => {
    let text = '';
    let closed = false;
    const sock = net.connect(port, '127.0.0.1', () => sock.write(bytes));
    const done = () => {
      clearTimeout(timer);
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ text, status: m ? Number(m[1]) : null, closed });
    };
    const timer = setTimeout(() => {
      sock.destroy();
      done();
    }, waitMs);
    // As many answers as requests were sent (pipelining); then a kept-alive connection is
    // dropped rather than waited for.
    const sent = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes;
    const expected = Math.max(1, (sent.match(/ HTTP\/1\.[01]\r?\n/g) ?? []).length);
    const complete = () => {
      let at = 0;
      let count = 0;
      for (;;) {
        const head = text.indexOf('\r\n\r\n', at);
        if (head < 0) return count;
        const len = Number(/content-length: (\d+)/i.exec(text.slice(at, head))?.[1] ?? NaN);
        if (Number.isNaN(len) || text.length < head + 4 + len) return count;
        count += 1;
        at = head + 4 + len;
      }
    };
    sock.setEncoding('latin1');
    sock.on('data', (d: string) => {
      text += d;
      if (complete() >= expected) sock.destroy();
    });
    sock.on('error', () => undefined);
    sock.on('close', () => {
      closed = true;
      done();
    });
  });
}

export interface Service {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

/** Starts `node --import tsx <script> …args` from the repo and waits for `ready` on stdout. */
export function startService(script: string, args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}): Promise<Service & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', ...env },
  });
  let out = '';
  let exited = false;
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (d: string) => (out += d));
  child.stderr?.on('data', (d: string) => (out += d));
  child.once('exit', () => (exited = true));
  const service: Service = {
    child,
    output: () => out,
    alive: () => !exited,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void service.stop();
      reject(new Error(`${script} was not ready within 90 s:\n${out}`));
    }, 90_000); // a loaded two-core machine can take this long to compile and start a host
    const check = () => {
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve({ ...service, match });
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${out}`));
    });
  });
}
