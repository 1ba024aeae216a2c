import sharp from 'sharp';
import { afterEach, expect, it } from 'vitest';
import { releaseCore, writeBody } from './helpers';
import { runAsSync } from '../../../electron/core/data/actor-scope';

const fixtures: { cleanup(): void }[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.cleanup();
});
async function open() {
  const fx = await releaseCore();
  fixtures.push(fx);
  return fx;
}

it('pasted HTML with scripts, iframes, event handlers and style bombs is cleaned down to the schema', async () => {
  const { core } = await open();
  const r = await core.invoke('releases.create', { title: 'Tempel' });
  const bomb = 'x'.repeat(200_000);
  const html = `<html><head><style>body{background:url(javascript:alert(1))}</style><script>alert('x')</script></head>
    <body onload="steal()"><p class="MsoNormal" style="font-size:900pt;${bomb}">Gubernur <b onclick="evil()">meninjau</b> <i>lokasi</i>
    <a href="javascript:alert(1)">tautan jahat</a> <a href="https://example.go.id/berita" onmouseover="x()">tautan baik</a></p>
    <iframe src="https://evil.example"></iframe><img src=x onerror="alert(1)"><svg><script>alert(2)</script></svg>
    <!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--><o:p></o:p>
    <table><tr><td>Desa</td><td style="width:99999px">Jumlah</td></tr><tr><td>Sukamaju</td><td>120</td></tr></table>
    <ul><li>satu</li><li>dua</li></ul><object data="x.swf"></object></body></html>`;
  const d = await core.invoke('releases.importHtml', { id: r.id, html });
  const json = JSON.stringify(d.bodyJson);
  for (const bad of ['script', 'alert', 'iframe', 'onclick', 'onerror', 'onload', 'style', 'javascript', 'evil', 'xxxxxxxx', 'OfficeDocument', 'swf']) {
    expect(json, bad).not.toContain(bad);
  }
  const texts: { text?: string; marks?: { type: string }[] }[] = [];
  const walk = (n: { text?: string; content?: unknown[] }) => {
    if (n.text !== undefined) texts.push(n as never);
    (n.content as (typeof n)[] | undefined)?.forEach(walk);
  };
  walk(d.bodyJson as never);
  expect(texts.find((t) => t.text === 'meninjau')?.marks?.map((m) => m.type)).toEqual(['bold']);
  expect(texts.find((t) => t.text === 'lokasi')?.marks?.map((m) => m.type)).toEqual(['italic']);
  expect(json).toContain('"href":"https://example.go.id/berita"');
  expect(json).toContain('"type":"table"');
  expect(json).toContain('"type":"bulletList"');
  expect(json).toContain('tautan jahat'); // its text stays, its link does not
  const html2 = await core.invoke('releases.export', { id: r.id, format: 'html' });
  const out = Buffer.from(html2.base64, 'base64').toString('utf8');
  expect(out).not.toMatch(/<script|onerror|onclick|javascript:|<iframe/i);
});

it('a paste over 5 MB is refused with a clear message and the body is unchanged', async () => {
  const { core } = await open();
  const r = await core.invoke('releases.create', { title: 'Besar' });
  await writeBody(core, r.id, 'Isi yang sudah ada.');
  const before = await core.invoke('releases.get', { id: r.id });
  const huge = `<p>${'kata '.repeat(1_100_000)}</p>`;
  await expect(core.invoke('releases.importHtml', { id: r.id, html: huge })).rejects.toMatchObject({ code: 'payload_too_large', details: { limit: 5 * 1024 * 1024 } });
  // The same through the editor's path: a Yjs update over 5 MB.
  await expect(core.invoke('releases.appendBody', { id: r.id, update: 'A'.repeat(7_100_000) })).rejects.toMatchObject({ code: 'payload_too_large' });
  const after = await core.invoke('releases.get', { id: r.id });
  expect(after.bodyJson).toEqual(before.bodyJson);
  expect(after.bodyUpdateCount).toBe(before.bodyUpdateCount);
});

it('a broken body update is refused and never overwrites the stored document', async () => {
  const { core } = await open();
  const r = await core.invoke('releases.create', { title: 'Rusak' });
  await writeBody(core, r.id, 'Teks penting.');
  const before = await core.invoke('releases.get', { id: r.id });
  await expect(core.invoke('releases.appendBody', { id: r.id, update: Buffer.from('bukan update yjs sama sekali').toString('base64') })).rejects.toMatchObject({ code: 'invalid_input' });
  await expect(core.invoke('releases.appendBody', { id: r.id, update: '!!!' })).rejects.toMatchObject({ code: 'invalid_input' });
  const after = await core.invoke('releases.get', { id: r.id });
  expect(after.bodyJson).toEqual(before.bodyJson);
  expect(JSON.stringify(after.bodyJson)).toContain('Teks penting.');
});

it('photos: a 50 MB image and a non-image named .jpg are refused; a real one is stored with a thumbnail', async () => {
  const { core } = await open();
  const big = Buffer.alloc(50 * 1024 * 1024, 0xff).toString('base64');
  await expect(core.invoke('releases.putPhoto', { fileName: 'besar.jpg', base64: big })).rejects.toMatchObject({ code: 'payload_too_large', details: { fileName: 'besar.jpg' } });
  const fake = Buffer.from('%PDF-1.4 ini sebenarnya dokumen').toString('base64');
  const err = await core.invoke('releases.putPhoto', { fileName: 'foto.jpg', base64: fake }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'unsupported_file' });
  expect((err as Error).message).toContain('foto.jpg');
  const jpeg = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
  const p = await core.invoke('releases.putPhoto', { fileName: 'kegiatan.jpg', base64: jpeg.toString('base64') });
  expect(p).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 1000, size: jpeg.length });
  const thumb = await core.invoke('releases.photo', { hash: p.thumb });
  const meta = await sharp(Buffer.from(thumb.dataUrl.split(',')[1]!, 'base64')).metadata();
  expect(meta.width).toBe(640);
});

it('an embargo in the past and a 10,000-character title are refused; the stored values stay', async () => {
  const { core, clock } = await open();
  const r = await core.invoke('releases.create', { title: 'Judul asli' });
  const past = new Date(clock.now() - 60_000).toISOString();
  await expect(core.invoke('releases.update', { id: r.id, fields: { urgency: 'embargo', embargoAt: past } })).rejects.toMatchObject({
    code: 'invalid_input',
    details: { field: 'embargoAt' },
  });
  const long = 'A'.repeat(10_000);
  const err = await core.invoke('releases.update', { id: r.id, fields: { title: long } }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'invalid_input', details: { field: 'title', maximum: 300, length: 10_000 } });
  expect((err as Error).message).toContain('maksimal 300');
  await expect(core.invoke('releases.create', { title: long })).rejects.toMatchObject({ code: 'invalid_input' });
  const d = await core.invoke('releases.get', { id: r.id });
  expect(d.title).toBe('Judul asli');
  expect(d.urgency).toBe('immediate');
  expect(d.embargoAt).toBeNull();
  expect((await core.invoke('releases.list', {})).total).toBe(1);
});

it('narahubung: an over-long name, a phone with letters and a sixth contact are refused in Indonesian; the stored contacts stay', async () => {
  const { core } = await open();
  const r = await core.invoke('releases.create', { title: 'Narahubung' });
  const two = [
    { name: 'Budi Santoso', position: 'Kasubag Peliputan', phone: '0812-0000-1111', email: '' },
    { name: 'Siti Aminah', position: 'Pranata Humas', phone: '+62 813 2222 3333', email: 'siti@example.go.id' },
  ];
  await core.invoke('releases.update', { id: r.id, fields: { contacts: two } });
  const refused = async (contacts: unknown[]) => (await core.invoke('releases.update', { id: r.id, fields: { contacts } as never }).catch((e: unknown) => e)) as Error & { code: string };
  const long = await refused([{ ...two[0], name: 'N'.repeat(121) }]);
  expect(long).toMatchObject({ code: 'invalid_input' });
  expect(JSON.stringify(long)).toContain('Nama narahubung maksimal 120 karakter');
  expect(JSON.stringify(await refused([two[0], { ...two[1], phone: '0813-abc' }]))).toContain('Nomor telepon hanya boleh');
  expect(JSON.stringify(await refused(Array.from({ length: 6 }, () => two[0])))).toContain('Paling banyak 5 narahubung');
  expect((await core.invoke('releases.get', { id: r.id })).contacts).toEqual(two);
});

it('a number pattern with an unknown placeholder: refused in Settings, and approval names it and keeps the release in review', async () => {
  const { core } = await open();
  const err = await core.call('office.save', { ...(await core.invoke('office.get'))!, updatedAt: undefined, emblemHash: null, numberPattern: '{seq}/{bidang}/{year}' });
  expect(err).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(JSON.stringify(err)).toContain('{bidang}');
  // A pattern that reached the database anyway (an older device, sync): approval refuses with the placeholder named.
  runAsSync(() => core.context.mutator.update('office_profile', '00000000-0000-7000-8000-000000000001', { number_pattern: '{seq}/{bidang}/{year}' }));
  const r = await core.invoke('releases.create', { title: 'Pola rusak' });
  await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
  const e2 = await core.invoke('releases.transition', { id: r.id, to: 'approved' }).catch((e: unknown) => e);
  expect(e2).toMatchObject({ code: 'invalid_number_pattern', details: { placeholder: 'bidang' } });
  expect((e2 as Error).message).toContain('{bidang}');
  const d = await core.invoke('releases.get', { id: r.id });
  expect(d.status).toBe('in_review');
  expect(d.number).toBeNull();
});
