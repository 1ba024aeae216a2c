import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, expect, it } from 'vitest';
import { startSmtpServer, type SmtpTestServer } from '../../support/smtp-test-server';
import { distributionCore, embargoedRelease, seedMedia, useSmtp, type DistFixture } from './support';

let fx: DistFixture | null = null;
let smtp: SmtpTestServer | null = null;
afterEach(async () => {
  fx?.cleanup();
  fx = null;
  await smtp?.close();
  smtp = null;
});

function pdfText(dir: string, data: Buffer): string {
  const file = path.join(dir, `m-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, data);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

it('messages the outbox sends after the embargo carry no EMBARGO line: subject, text, the PDF and the Paket media made while it ran are made again', async () => {
  fx = await distributionCore();
  const { core } = fx;
  smtp = await startSmtpServer();
  await useSmtp(core, smtp.port);
  const embargoAt = new Date(fx.clock.now() + 2 * 3600_000).toISOString();
  const releaseId = await embargoedRelease(core, embargoAt);
  const m = await seedMedia(core);
  const q = await core.invoke('distribution.queue', { releaseId, journalistIds: [m.rina.id, m.budi.id], channels: { email: true, whatsapp: false }, attachments: ['pdf', 'zip'] });
  expect(q).toMatchObject({ emails: 1, waitingEmbargo: 1 });

  // The trusted journalist gets it before the embargo, with the line everywhere.
  expect(await fx.drain()).toMatchObject({ sent: 1 });
  const early = smtp.received[0]!.parsed;
  expect(early.subject).toMatch(/^\[EMBARGO: /);
  expect(early.text).toContain('EMBARGO: Tidak untuk disiarkan sebelum');
  expect(pdfText(fx.dir, early.attachments.find((a) => a.contentType === 'application/pdf')!.content)).toContain('EMBARGO: Tidak untuk disiarkan sebelum');

  // The other one gets it at the embargo time: a normal release.
  fx.clock.advance(2 * 3600_000 + 1000);
  expect(await fx.drain()).toMatchObject({ sent: 1 });
  const late = smtp.received[1]!.parsed;
  expect(smtp.received[1]!.envelopeTo).toEqual(['budi@sukamajupos.example']);
  expect(late.subject).toBe('Pengumuman UMK 2027');
  expect(late.text).not.toContain('EMBARGO');
  expect(late.text).toContain('UNTUK SEGERA DISIARKAN');
  expect(late.html).not.toContain('EMBARGO');
  const pdf = pdfText(fx.dir, late.attachments.find((a) => a.contentType === 'application/pdf')!.content);
  expect(pdf).not.toContain('EMBARGO');
  expect(pdf).toContain('UNTUK SEGERA DISIARKAN');
  const zipAtt = late.attachments.find((a) => a.contentType === 'application/zip')!;
  expect(zipAtt.filename).toMatch(/^paket-media-.*\.zip$/);
  const kit = await JSZip.loadAsync(zipAtt.content);
  expect(pdfText(fx.dir, await kit.file(/\.pdf$/)[0]!.async('nodebuffer'))).not.toContain('EMBARGO');
});
