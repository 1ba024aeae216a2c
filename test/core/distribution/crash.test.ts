import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../../support/temp-dir';
import { startSmtpServer, type SmtpTestServer } from '../../support/smtp-test-server';
import { distributionCore, publishedRelease, seedMedia, statuses, useSmtp, type DistFixture } from './support';

let fx: DistFixture | null = null;
let smtp: SmtpTestServer | null = null;
afterEach(async () => {
  fx?.cleanup();
  fx = null;
  await smtp?.close();
  smtp = null;
});

it('the app killed between handing a message over and recording it: that one is "uncertain" and never resent on its own; the rest go once', async () => {
  const dir = tempDir('dist-crash');
  // Set up the outbox with the test's own core, then close it so the child owns the folder.
  const setup = await distributionCore({ clock: Date.now }, dir);
  let release: () => void = () => undefined;
  let holding: (() => void) | null = null;
  const held = new Promise<void>((r) => (holding = r));
  let count = 0;
  smtp = await startSmtpServer({
    // The second message is received whole, then the server waits (no 250) until the child is dead.
    beforeAnswer: () => {
      count += 1;
      if (count !== 2) return;
      holding?.();
      return new Promise<void>((r) => (release = r));
    },
  });
  await useSmtp(setup.core, smtp.port);
  const releaseId = await publishedRelease(setup.core);
  const m = await seedMedia(setup.core);
  const q = await setup.core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: { email: true, whatsapp: false } });
  setup.core.close();

  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test', 'core', 'distribution', 'crash-sender.ts'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await held;
  child.kill('SIGKILL');
  await exited;
  clearTimeout(timeout);
  release(); // the server now records the message it had been given: it was delivered

  // The next start of the app: the row left "sending" becomes "uncertain", and a drain sends only the rest.
  fx = await distributionCore({ clock: Date.now }, dir);
  const before = statuses(fx.core, q.id);
  expect(Object.values(before).sort()).toEqual(['queued', 'sent', 'uncertain']);
  const r = await fx.drain();
  expect(r).toMatchObject({ sent: 1, uncertain: 0 });
  await smtp.waitFor(3);
  const to = smtp.received.map((x) => x.envelopeTo[0]).sort();
  expect(to).toEqual(['andi@sukamajupos.example', 'budi@sukamajupos.example', 'rina@sukamajupos.example']); // each once
  const uncertain = (await fx.core.invoke('distribution.get', { id: q.id })).recipients.find((x) => x.emailStatus === 'uncertain')!;
  expect(uncertain.lastError).toMatch(/mungkin sudah sampai/);
  expect((await fx.core.invoke('distribution.outbox.status', {})).uncertain).toBe(1);
  // Drains never resend it; the officer checks and marks it sent.
  expect(await fx.drain()).toMatchObject({ sent: 0 });
  expect(await fx.core.invoke('distribution.recipients.markSent', { ids: [uncertain.id] })).toEqual({ changed: 1 });
  expect(Object.values(statuses(fx.core, q.id))).toEqual(['sent', 'sent', 'sent']);
  expect(smtp.received).toHaveLength(3);
}, 60_000);
