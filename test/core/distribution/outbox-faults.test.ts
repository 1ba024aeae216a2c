import { afterEach, expect, it } from 'vitest';
import { closedPort, startBadServer, startSmtpServer, type SmtpTestServer } from '../../support/smtp-test-server';
import { distributionCore, embargoedRelease, publishedRelease, seedMedia, statuses, useSmtp, type DistFixture } from './support';

let fx: DistFixture | null = null;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  fx?.cleanup();
  fx = null;
  while (closers.length) await closers.pop()?.();
});
async function smtpOn(opts: Parameters<typeof startSmtpServer>[0] = {}): Promise<SmtpTestServer> {
  const s = await startSmtpServer(opts);
  closers.push(() => s.close());
  return s;
}
const emailOnly = { email: true, whatsapp: false };

it('offline, then online: every queued message goes out exactly once, and the status says why it waited', async () => {
  fx = await distributionCore();
  const { core } = fx;
  const port = await closedPort();
  await useSmtp(core, port);
  const releaseId = await publishedRelease(core);
  const m = await seedMedia(core);
  await core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: emailOnly });

  const offline = await fx.drain();
  expect(offline.problem).toMatch(/tidak dapat dihubungi/);
  expect(offline.sent).toBe(0);
  const status = await core.invoke('distribution.outbox.status', {});
  expect(status).toMatchObject({ configured: true, retrying: 1, pending: 2, problem: expect.stringMatching(/tidak dapat dihubungi/) });
  const waiting = await core.invoke('distribution.records.release', { releaseId });
  expect(waiting.find((r) => r.emailStatus === 'retrying')?.lastError).toMatch(/ECONNECTION|ECONNREFUSED|tidak dapat dihubungi/);

  // Still offline a second time: nothing is sent twice later because nothing was handed over.
  fx.clock.advance(60_000);
  await fx.drain();

  const smtp = await smtpOn({ port });
  fx.clock.advance(15 * 60_000);
  const online = await fx.drain();
  expect(online).toMatchObject({ sent: 3, problem: null });
  expect(smtp.received.map((r) => r.envelopeTo[0]).sort()).toEqual(['andi@sukamajupos.example', 'budi@sukamajupos.example', 'rina@sukamajupos.example']);
  fx.clock.advance(60 * 60_000);
  expect(await fx.drain()).toMatchObject({ sent: 0 });
  expect(smtp.received).toHaveLength(3);
  expect((await core.invoke('distribution.outbox.status', {})).problem).toBeNull();
});

it('a recipient refused by the server is recorded with its reason; a 4xx is retried later; the others are sent', async () => {
  fx = await distributionCore();
  const { core } = fx;
  const smtp = await smtpOn({ refuse: new Set(['budi@sukamajupos.example']), deferOnce: new Set(['andi@sukamajupos.example']) });
  await useSmtp(core, smtp.port);
  const releaseId = await publishedRelease(core);
  const m = await seedMedia(core);
  const q = await core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: emailOnly });
  expect(await fx.drain()).toMatchObject({ sent: 1, refused: 1, retrying: 1 });
  expect(statuses(core, q.id)).toEqual({ 'Andi Pratama': 'retrying', 'Budi Santosa': 'refused', 'Rina Wulandari': 'sent' });
  const budi = (await core.invoke('distribution.get', { id: q.id })).recipients.find((r) => r.name === 'Budi Santosa')!;
  expect(budi.lastError).toMatch(/^550 .*Mailbox unavailable/);
  fx.clock.advance(31_000);
  expect(await fx.drain()).toMatchObject({ sent: 1 });
  expect(statuses(core, q.id)['Andi Pratama']).toBe('sent');
  // The officer corrects nothing and retries the refused one: refused again, still recorded.
  await core.invoke('distribution.recipients.retry', { ids: [budi.id] });
  expect(await fx.drain()).toMatchObject({ refused: 1 });
  expect(smtp.received).toHaveLength(2);
});

it('a server that hangs or hangs up: a timeout or drop becomes "retrying" with a clear reason, bounded in time', async () => {
  for (const kind of ['silent', 'hangup'] as const) {
    fx = await distributionCore();
    const { core } = fx;
    const bad = await startBadServer(kind);
    closers.push(() => bad.close());
    await useSmtp(core, bad.port);
    const releaseId = await publishedRelease(core);
    const m = await seedMedia(core);
    await core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: emailOnly });
    const t0 = Date.now();
    const r = await fx.drain();
    expect(Date.now() - t0).toBeLessThan(8000);
    expect(r.problem, kind).toMatch(kind === 'silent' ? /tidak menjawab dalam 2 detik/ : /tidak dapat dihubungi/);
    const status = await core.invoke('distribution.outbox.status', {});
    expect(status.retrying).toBe(1);
    expect(status.nextAttemptAt).toBe(new Date(fx.clock.now() + 30_000).toISOString());
    fx.cleanup();
    fx = null;
  }
});

it('a refused login stops the run with a message about the account; the password is kept only in the vault file', async () => {
  fx = await distributionCore();
  const { core } = fx;
  const smtp = await smtpOn({ auth: { user: 'humas', pass: 'benar' } });
  await useSmtp(core, smtp.port, { user: 'humas' });
  const releaseId = await publishedRelease(core);
  const m = await seedMedia(core);
  await core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: emailOnly });
  expect((await fx.drain()).problem).toMatch(/Kata sandi akun email kantor belum disimpan/);
  await core.invoke('distribution.settings.password', { password: 'salah' });
  expect((await fx.drain()).problem).toMatch(/menolak login akun "humas"/);
  expect(await core.call('distribution.settings.test', {})).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  const view = await core.invoke('distribution.settings.password', { password: 'benar' });
  expect(view).toMatchObject({ passwordSaved: true, passwordStorage: 'insecure-file' });
  expect(JSON.stringify(view)).not.toContain('benar');
  expect(await core.invoke('distribution.settings.test', {})).toMatchObject({ ok: true });
  fx.clock.advance(60_000);
  expect(await fx.drain()).toMatchObject({ sent: 3, problem: null });
  const settingsRow = JSON.stringify(core.context.db.prepare('SELECT * FROM distribution_settings').all());
  expect(settingsRow).not.toContain('benar');
});

it('the rate limit spaces messages evenly', async () => {
  fx = await distributionCore();
  const { core } = fx;
  const smtp = await smtpOn({ parse: false });
  await useSmtp(core, smtp.port, { ratePerMinute: 300 }); // one message every 200 ms
  const releaseId = await publishedRelease(core);
  const m = await seedMedia(core);
  await core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], outletIds: [m.outlet.id], channels: emailOnly });
  const t0 = Date.now();
  expect(await fx.drain()).toMatchObject({ sent: 4 });
  const gaps = smtp.received.slice(1).map((r, i) => r.at - smtp.received[i]!.at);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(180);
  expect(Date.now() - t0).toBeGreaterThanOrEqual(600);
});

it('embargo: trusted recipients get it now with the embargo line; the rest wait for the time; a withdrawn release holds its messages', async () => {
  fx = await distributionCore();
  const { core } = fx;
  const smtp = await smtpOn();
  await useSmtp(core, smtp.port);
  const embargoAt = new Date(fx.clock.now() + 2 * 3600_000).toISOString();
  const releaseId = await embargoedRelease(core, embargoAt);
  const m = await seedMedia(core);
  const q = await core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: { email: true, whatsapp: true } });
  expect(q).toMatchObject({ emails: 1, waitingEmbargo: 2 });
  expect(await fx.drain()).toMatchObject({ sent: 1 });
  const early = smtp.received[0]!.parsed;
  expect(smtp.received[0]!.envelopeTo).toEqual(['rina@sukamajupos.example']);
  expect(early.subject).toBe('[EMBARGO: Tidak untuk disiarkan sebelum Minggu, 22 November 2026 pukul 12.00 WIB] Pengumuman UMK 2027');
  expect(early.text).toMatch(/^Yth\. Rina Wulandari — Harian Sukamaju Pos\n\nEMBARGO: Tidak untuk disiarkan sebelum/);
  expect(early.html).toContain('EMBARGO: Tidak untuk disiarkan sebelum');
  // WhatsApp follows the same rule: a link for the trusted one only.
  const d = await core.invoke('distribution.get', { id: q.id });
  expect(d.recipients.find((r) => r.name === 'Rina Wulandari')?.whatsappLink).toMatch(/^https:\/\/wa\.me\/6281200005001/);
  expect(d.recipients.find((r) => r.name === 'Andi Pratama')?.whatsappLink).toBeNull();
  expect(await core.call('distribution.whatsapp.handed', { id: d.recipients.find((r) => r.name === 'Andi Pratama')!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

  fx.clock.advance(3600_000);
  expect(await fx.drain()).toMatchObject({ sent: 0 });
  expect(statuses(core, q.id)).toEqual({ 'Andi Pratama': 'waiting_embargo', 'Budi Santosa': 'waiting_embargo', 'Rina Wulandari': 'sent' });
  fx.clock.advance(3600_000 + 1000);
  expect(await fx.drain()).toMatchObject({ sent: 2 });
  const late = smtp.received.slice(1).map((r) => r.parsed);
  expect(late.map((p) => p.subject)).toEqual(['Pengumuman UMK 2027', 'Pengumuman UMK 2027']);
  expect(late.every((p) => p.text?.split('\n')[2] !== '' || !p.text?.startsWith('EMBARGO'))).toBe(true);

  // A second distribution of a release withdrawn before it went out: held, nothing sent.
  await core.invoke('releases.transition', { id: releaseId, to: 'published' });
  const again = await core.invoke('distribution.queue', { releaseId, journalistIds: [m.budi.id], channels: emailOnly });
  await core.invoke('releases.transition', { id: releaseId, to: 'withdrawn' });
  expect(await fx.drain()).toMatchObject({ held: 1, sent: 0 });
  expect(statuses(core, again.id)).toEqual({ 'Budi Santosa': 'held' });
  expect(smtp.received).toHaveLength(3);
});

it('a line dropped after the whole message was handed over: "uncertain", never resent on its own; "Kirim ulang" sends it again on purpose', async () => {
  fx = await distributionCore();
  const { core } = fx;
  const bad = await startBadServer('drop-after-data');
  closers.push(() => bad.close());
  await useSmtp(core, bad.port);
  const releaseId = await publishedRelease(core);
  const m = await seedMedia(core);
  const q = await core.invoke('distribution.queue', { releaseId, journalistIds: [m.budi.id], channels: emailOnly });
  expect(await fx.drain()).toMatchObject({ uncertain: 1, sent: 0 });
  expect(bad.messages).toBe(1);
  const row = (await core.invoke('distribution.get', { id: q.id })).recipients[0]!;
  expect(row).toMatchObject({ emailStatus: 'uncertain', lastError: expect.stringMatching(/mungkin sudah sampai/) });
  fx.clock.advance(3600_000);
  expect(await fx.drain()).toMatchObject({ sent: 0, uncertain: 0 });
  expect(bad.messages).toBe(1);
  expect(await core.invoke('distribution.recipients.retry', { ids: [row.id] })).toEqual({ changed: 1 });
  await fx.drain();
  expect(bad.messages).toBe(2);
});
