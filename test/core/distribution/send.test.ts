import { afterEach, describe, expect, it } from 'vitest';
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

describe('sending a published release by email', () => {
  it('each recipient gets one personal message with the headers, greeting, body and attachments; do-not-send is left out', async () => {
    fx = await distributionCore();
    const { core } = fx;
    smtp = await startSmtpServer();
    await useSmtp(core, smtp.port, { replyTo: 'redaksi.humas@sukamaju.example.go.id', photoMaxPx: 800 });
    const releaseId = await publishedRelease(core);
    const m = await seedMedia(core);

    const preview = await core.invoke('distribution.preview', { releaseId, listIds: [m.list.id], channels: { email: true, whatsapp: false }, withAttachments: true, attachments: ['pdf', 'docx', 'photos'] });
    expect(preview.recipients.map((r) => r.name).sort()).toEqual(['Andi Pratama', 'Budi Santosa', 'Rina Wulandari']);
    expect(preview.excluded).toEqual([{ name: 'Sari Dewi', outletName: 'Harian Sukamaju Pos', reason: 'do_not_send', detail: '' }]);
    expect(preview.subject).toBe('Wali Kota Resmikan Pasar Rakyat Sukamaju');
    expect(preview.embargoSubject).toBeNull();
    expect(preview.attachments.map((a) => a.mime)).toEqual(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/jpeg']);

    const q = await core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: { email: true, whatsapp: false }, attachments: ['pdf', 'docx', 'photos'] });
    expect(q).toMatchObject({ emails: 3, waitingEmbargo: 0, excluded: 1 });
    const result = await fx.drain();
    expect(result).toMatchObject({ sent: 3, refused: 0, retrying: 0, problem: null });
    expect(smtp.received).toHaveLength(3);

    const toBudi = smtp.received.find((r) => r.envelopeTo[0] === 'budi@sukamajupos.example');
    expect(toBudi).toBeDefined();
    const mail = toBudi!.parsed;
    expect(mail.subject).toBe('Wali Kota Resmikan Pasar Rakyat Sukamaju');
    expect(mail.from?.value[0]).toMatchObject({ address: 'humas@sukamaju.example.go.id', name: 'Humas Kota Sukamaju' });
    expect(mail.replyTo?.value[0]?.address).toBe('redaksi.humas@sukamaju.example.go.id');
    expect(mail.headers.get('x-warta-distribution')).toBe(q.id);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]+\.warta@sukamaju\.example\.go\.id>$/);
    expect(mail.text?.startsWith('Yth. Budi Santosa — Harian Sukamaju Pos\n')).toBe(true);
    expect(mail.text).toContain('Pasar rakyat dibuka untuk 300 pedagang.');
    expect(mail.text).not.toContain('EMBARGO');
    expect(mail.html).toContain('Yth. Budi Santosa — Harian Sukamaju Pos');
    const byType = (t: string) => mail.attachments.find((a) => a.contentType === t);
    expect(mail.attachments.map((a) => a.contentType).sort()).toEqual(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/jpeg']);
    expect(byType('application/pdf')!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(byType('application/pdf')!.filename).toMatch(/^siaran-pers-.*\.pdf$/);
    // The photo was resized to the setting (longest side 800 px) and is shown inline in the HTML.
    const photo = byType('image/jpeg')!;
    const sharp = (await import('sharp')).default;
    const meta = await sharp(photo.content).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(800);
    expect(photo.cid).toBeTruthy();
    expect(mail.html).toContain(`cid:${photo.cid}`);
    expect(smtp.received.find((r) => r.envelopeTo[0] === 'sari@sukamajupos.example')).toBeUndefined();

    // Records: the release shows who got it; each person shows what they received.
    expect(statuses(core, q.id)).toEqual({ 'Andi Pratama': 'sent', 'Budi Santosa': 'sent', 'Rina Wulandari': 'sent' });
    const records = await core.invoke('distribution.records.release', { releaseId });
    expect(records.map((r) => [r.name, r.emailStatus, r.email])).toEqual([
      ['Andi Pratama', 'sent', 'andi@sukamajupos.example'],
      ['Budi Santosa', 'sent', 'budi@sukamajupos.example'],
      ['Rina Wulandari', 'sent', 'rina@sukamajupos.example'],
    ]);
    expect(records.every((r) => r.sentAt)).toBe(true);
    const budiGot = await core.invoke('distribution.records.journalist', { journalistId: m.budi.id });
    expect(budiGot).toEqual([expect.objectContaining({ releaseId, channel: 'email', status: 'sent' })]);
    expect(await core.invoke('distribution.records.journalist', { journalistId: m.sari.id })).toEqual([]);

    // A second drain sends nothing again.
    expect(await fx.drain()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(3);
  });

  it('WhatsApp: a ready text and a click-to-chat link per number, marked when handed over; no link without the personal-data right', async () => {
    fx = await distributionCore();
    const { core } = fx;
    const releaseId = await publishedRelease(core);
    const m = await seedMedia(core);
    const q = await core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: { email: false, whatsapp: true } });
    expect(q).toMatchObject({ emails: 0, whatsapp: 2, excluded: 2 });
    const d = await core.invoke('distribution.get', { id: q.id });
    expect(d.whatsappText).toContain('*Wali Kota Resmikan Pasar Rakyat Sukamaju*');
    expect(d.whatsappText).not.toMatch(/<[a-z]/i);
    const andi = d.recipients.find((r) => r.name === 'Andi Pratama')!;
    expect(andi.emailStatus).toBeNull();
    expect(andi.whatsappLink?.startsWith('https://wa.me/6281300007002?text=')).toBe(true);
    const waText = decodeURIComponent(andi.whatsappLink!.split('text=')[1]!);
    expect(waText.startsWith('Yth. Andi Pratama — Harian Sukamaju Pos\n\n')).toBe(true);
    expect(waText).toContain('*Wali Kota Resmikan Pasar Rakyat Sukamaju*');
    const handed = await core.invoke('distribution.whatsapp.handed', { id: andi.id });
    expect(handed.whatsappHandedAt).toBeTruthy();
    expect((await core.invoke('distribution.records.journalist', { journalistId: m.andi.id }))[0]).toMatchObject({ channel: 'whatsapp', status: 'handed' });

    const { actAs } = await import('../releases/helpers');
    actAs(core, ['data_staff']);
    const seen = await core.invoke('distribution.get', { id: q.id });
    expect(seen.recipients.every((r) => r.whatsappLink === null && r.whatsapp === null && r.email === null)).toBe(true);
    expect(await core.call('distribution.whatsapp.handed', { id: andi.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a landline in the WhatsApp field gets no click-to-chat link: it is left out with the reason', async () => {
    fx = await distributionCore();
    const { core } = fx;
    const releaseId = await publishedRelease(core);
    const m = await seedMedia(core);
    const desk = await core.invoke('media.journalists.save', {
      name: 'Meja Redaksi', outletId: m.outlet.id, dataSource: 'Formulir akreditasi', consent: 'given',
      personal: { phone: '', whatsapp: '(0271) 555-0199', email: '', ukwNumber: '', pressCardNo: '' },
    } as never);
    const preview = await core.invoke('distribution.preview', { releaseId, journalistIds: [desk.id, m.andi.id], channels: { email: false, whatsapp: true } });
    expect(preview.recipients.map((r) => r.name)).toEqual(['Andi Pratama']);
    expect(preview.excluded).toEqual([{ name: 'Meja Redaksi', outletName: 'Harian Sukamaju Pos', reason: 'not_mobile', detail: '+622715550199' }]);
  });
});

describe('bad input at compose time: a clear error and nothing queued', () => {
  const queued = (f: DistFixture) => (f.core.context.db.prepare('SELECT count(*) AS n FROM distribution_recipients').get() as { n: number }).n;

  it('invalid addresses are listed as excluded; no recipients, a draft, a bad greeting and too many recipients are refused', async () => {
    fx = await distributionCore();
    const { core } = fx;
    const releaseId = await publishedRelease(core);
    const outlet = await core.invoke('media.outlets.save', { name: 'Tanpa Alamat', kind: 'online' });
    // An address that passed an old import unchecked.
    const bad = await core.invoke('media.journalists.save', { name: 'Salah Ketik', outletId: outlet.id, dataSource: 'x', consent: 'given' });
    core.context.db.prepare("UPDATE media_journalist SET email = 'bukan-alamat@' WHERE id = ?").run(bad.id);
    const none = await core.invoke('media.journalists.save', { name: 'Tanpa Kontak', outletId: outlet.id, dataSource: 'x', consent: 'given' });
    const p = await core.invoke('distribution.preview', { releaseId, journalistIds: [bad.id, none.id], outletIds: [outlet.id], channels: { email: true, whatsapp: false } });
    expect(p.recipients).toEqual([]);
    expect(p.excluded.map((e) => [e.name, e.reason])).toEqual([
      ['Tanpa Alamat', 'no_address'],
      ['Salah Ketik', 'invalid_email'],
      ['Tanpa Kontak', 'no_address'],
    ]);
    const r = await core.call('distribution.queue', { releaseId, journalistIds: [bad.id, none.id], channels: { email: true, whatsapp: false } });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'recipients', excluded: 2 } } });
    expect(await core.call('distribution.queue', { releaseId, channels: { email: true, whatsapp: false } })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Belum ada penerima') } });
    expect(await core.call('distribution.queue', { releaseId, channels: { email: false, whatsapp: false }, journalistIds: [bad.id] })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'channels' } } });
    expect(await core.call('distribution.queue', { releaseId, journalistIds: [bad.id], channels: { email: true, whatsapp: false }, greeting: 'Yth. {nama_lengkap}' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const draft = await core.invoke('releases.create', { title: 'Masih draf' });
    expect(await core.call('distribution.queue', { releaseId: draft.id, journalistIds: [bad.id], channels: { email: true, whatsapp: false } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(queued(fx)).toBe(0);
  });

  it('10,000 recipients are refused whole with the limit named, and the app keeps working', async () => {
    fx = await distributionCore();
    const { core } = fx;
    const releaseId = await publishedRelease(core);
    const outlet = await core.invoke('media.outlets.save', { name: 'Jaringan Besar', kind: 'online' });
    const insert = core.context.db.prepare("INSERT INTO media_journalist (id, outlet_id, name, email, consent, _hlc) VALUES (?, ?, ?, ?, 'given', '{}')");
    const ids: string[] = [];
    core.context.db.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        const id = `0190${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`;
        ids.push(id);
        insert.run(id, outlet.id, `Wartawan ${i}`, `w${i}@jaringan.example`);
      }
    })();
    const r = await core.call('distribution.queue', { releaseId, journalistIds: ids, channels: { email: true, whatsapp: false } });
    expect(r).toMatchObject({ ok: false, error: { code: 'payload_too_large', details: { limit: 3000 } } });
    expect(queued(fx)).toBe(0);
    expect(await core.invoke('distribution.queue', { releaseId, journalistIds: ids.slice(0, 1000), channels: { email: true, whatsapp: false } })).toMatchObject({ emails: 1000 });
  });

  it('attachments over the size limit are refused before anything is queued', async () => {
    fx = await distributionCore();
    const { core } = fx;
    await core.invoke('distribution.settings.save', { attachmentLimitMb: 1, photoMaxPx: 6000 });
    // Noise does not compress: a 3000 px photo of noise is several MB.
    const sharp = (await import('sharp')).default;
    const noise = Buffer.alloc(3000 * 2000 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (Math.imul(i, 2654435761) >>> 24) & 0xff;
    const big = await sharp(noise, { raw: { width: 3000, height: 2000, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
    expect(big.length).toBeGreaterThan(1_000_000);
    const releaseId = await publishedRelease(core, 'Foto besar', big);
    const m = await seedMedia(core);
    const r = await core.call('distribution.queue', { releaseId, listIds: [m.list.id], channels: { email: true, whatsapp: false }, attachments: ['zip'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'payload_too_large', details: { limit: 1_000_000 } } });
    expect(queued(fx)).toBe(0);
  });
});
