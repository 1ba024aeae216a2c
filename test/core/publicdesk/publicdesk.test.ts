/**
 * The public desk at the office (issue 14), on a real core and SQLite file: items received from
 * every channel and numbered per year and kind, deadlines in working days (weekends, national
 * holidays, cuti bersama, an extension, a zone other than WIB, a year without holiday data
 * flagged), verified, disposed to two OPDs, answered in public, merged, closed, escalated when
 * late, each step in the history and the audit log; and the bad input refused clearly,
 * nothing half-written, the core still serving.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
/** Friday 18 December 2026, 09:00 WIB: the week before Christmas (24 Dec cuti bersama, 25 Dec libur nasional). */
const FRIDAY = Date.parse('2026-12-18T02:00:00Z');
let now = FRIDAY;
let opdA = '';
let opdB = '';

beforeEach(async () => {
  now = FRIDAY;
  fx = openTestCore({ clock: () => now });
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  opdA = (await fx.core.invoke('opd.save', { name: 'Dinas Pekerjaan Umum', abbreviation: 'DPU' })).id;
  opdB = (await fx.core.invoke('opd.save', { name: 'Dinas Lingkungan Hidup', abbreviation: 'DLH' })).id;
});
afterEach(() => fx.cleanup());

const count = (table: string) => fx.core.context.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function complaint(over: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    kind: 'complaint' as const,
    channel: 'instagram' as const,
    postUrl: 'https://www.instagram.com/p/Cx1abc/',
    personName: 'Siti Aminah',
    personPhone: '0812 3456 7890',
    consent: true,
    body: 'Jalan berlubang di depan SD Negeri 3 Sukamaju, sudah dua bulan.',
    category: 'Infrastruktur',
    location: 'Kec. Sukamaju Utara',
    priority: 'high' as const,
    ...over,
  };
}

async function errorOf(method: string, input: unknown) {
  const r = await fx.core.call(method, input);
  expect(r.ok, `${method} should be refused`).toBe(false);
  return r.ok ? null : r.error;
}

describe('the inbox', () => {
  it('numbers per year and kind, keeps the channel, post link, person with consent, and computes the deadline in working days', async () => {
    const a = await fx.core.invoke('publicdesk.receive', complaint());
    expect(a).toMatchObject({ number: '0001/ADU/2026', status: 'received', channel: 'instagram', personName: 'Siti Aminah', consent: true, anonymous: false });
    // 5 working days (SOP default) from Friday 18: Mon 21, Tue 22, Wed 23, (24 cuti bersama, 25 libur) Mon 28, Tue 29.
    expect(a.dueDate).toBe('2026-12-29');
    expect(a.daysLeft).toBe(5);
    expect(a.holidaysMissing).toEqual([]);
    const b = await fx.core.invoke('publicdesk.receive', complaint({ postUrl: '', body: 'Sampah menumpuk di pasar', channel: 'whatsapp' }));
    expect(b.number).toBe('0002/ADU/2026');
    const info = await fx.core.invoke('publicdesk.receive', complaint({ kind: 'info_request', channel: 'letter', postUrl: '', body: 'Mohon salinan DPA Dinas PU 2026', personAddress: 'Jl. Melati 4' }));
    expect(info.number).toBe('0001/PPID/2026');
    // 10 working days (UU 14/2008 pasal 22 ayat 7): past cuti bersama, Christmas and New Year.
    expect(info.dueDate).toBe('2027-01-06');
    const anon = await fx.core.invoke('publicdesk.receive', complaint({ anonymous: true, personName: '', personPhone: '', consent: false, channel: 'lapor', ticket: 'LAPOR-2026-0001', postUrl: '' }));
    expect(anon).toMatchObject({ number: '0003/ADU/2026', personLabel: 'Anonim', personName: '', ticket: 'LAPOR-2026-0001' });
    // The same form sent again: one item.
    await fx.core.invoke('publicdesk.receive', complaint({ id: a.id }));
    expect(count('publicdesk_items')).toBe(4);
    const board = await fx.core.invoke('publicdesk.list', {});
    expect(board.total).toBe(4);
    expect((await fx.core.invoke('publicdesk.list', { query: 'DPA' })).items.map((i) => i.id)).toEqual([info.id]);
  });

  it('an information request is extended once by at most 7 working days with its reason', async () => {
    const info = await fx.core.invoke('publicdesk.receive', complaint({ kind: 'info_request', channel: 'email', postUrl: '' }));
    expect((await errorOf('publicdesk.extend', { id: info.id, days: 8, reason: 'Dokumen di arsip' }))?.code).toBe('invalid_input');
    const ext = await fx.core.invoke('publicdesk.extend', { id: info.id, days: 7, reason: 'Dokumen masih di arsip pusat' });
    expect(ext).toMatchObject({ dueDate: '2027-01-15', extended: true });
    expect((await errorOf('publicdesk.extend', { id: info.id, days: 1, reason: 'lagi' }))?.message).toMatch(/sekali/);
  });

  it('deadlines per kind are the desk’s settings, within the law’s ceilings', async () => {
    const defaults = await fx.core.invoke('publicdesk.settings.get', {});
    expect(defaults).toEqual({ complaint: 5, question: 5, opd_part: 3, info_request: 10, info_request_extension: 7, objection: 30 });
    const tooLong = await errorOf('publicdesk.settings.save', { ...defaults, info_request: 11 });
    expect(JSON.stringify(tooLong?.details)).toMatch(/pasal 22/);
    await fx.core.invoke('publicdesk.settings.save', { ...defaults, complaint: 2, info_request_extension: 3 });
    // 2 working days from Friday 18: Mon 21, Tue 22.
    expect((await fx.core.invoke('publicdesk.receive', complaint())).dueDate).toBe('2026-12-22');
    const info = await fx.core.invoke('publicdesk.receive', complaint({ kind: 'info_request', channel: 'email', postUrl: '' }));
    expect((await errorOf('publicdesk.extend', { id: info.id, days: 5, reason: 'Arsip' }))?.message).toMatch(/3 hari kerja/);
  });

  it('a PPID decision: refused without a legal basis cannot be saved, by the method nor by a raw write', async () => {
    const info = await fx.core.invoke('publicdesk.receive', complaint({ kind: 'info_request', channel: 'letter', postUrl: '', personAddress: 'Jl. Melati 4', purpose: 'Penelitian skripsi', receiveBy: 'softcopy', copyBy: 'email' }));
    expect(info).toMatchObject({ purpose: 'Penelitian skripsi', receiveBy: 'softcopy', copyBy: 'email', decision: null });
    const bare = await errorOf('publicdesk.decide', { id: info.id, decision: 'refused' });
    expect(JSON.stringify(bare?.details)).toMatch(/dasar hukum/);
    expect(() => fx.core.context.mutator.update('publicdesk_items', info.id, { decision: 'partial', exemption_basis: '' })).toThrow(/dasar hukum/);
    expect((await fx.core.invoke('publicdesk.get', { id: info.id })).decision).toBeNull();
    const early = await errorOf('publicdesk.decide', { id: info.id, decision: 'granted', decidedMs: FRIDAY - 86_400_000 });
    expect(early?.message).toMatch(/sebelum tanggal diterima/);
    const done = await fx.core.invoke('publicdesk.decide', { id: info.id, decision: 'refused', exemptionBasis: 'UU 14/2008 pasal 17 huruf h (rahasia pribadi)', fee: 0 });
    expect(done).toMatchObject({ decision: 'refused', exemptionBasis: 'UU 14/2008 pasal 17 huruf h (rahasia pribadi)', fee: 0 });
    expect(done.history.map((h) => h.action)).toContain('decided');
    // Clearing the basis of a refusal later is refused too.
    expect(() => fx.core.context.mutator.update('publicdesk_items', info.id, { exemption_basis: '' })).toThrow(/dasar hukum/);
    expect((await errorOf('publicdesk.decide', { id: (await fx.core.invoke('publicdesk.receive', complaint())).id, decision: 'granted' }))?.code).toBe('invalid_input');
  });

  it('counts in the office zone: a message at 01:30 WIT on Saturday counts from Monday', async () => {
    await fx.core.invoke('office.save', { ...SAMPLE_PROFILE, timeZone: 'WIT' });
    now = Date.parse('2026-12-18T16:30:00Z'); // Friday 23:30 WIB, Saturday 01:30 WIT
    const info = await fx.core.invoke('publicdesk.receive', complaint({ kind: 'info_request', channel: 'email', postUrl: '' }));
    expect(info.dueDate).toBe('2027-01-07');
  });

  it('a deadline that reaches a year without holiday data is flagged', async () => {
    now = Date.parse('2027-12-01T02:00:00Z');
    const obj = await fx.core.invoke('publicdesk.receive', complaint({ kind: 'objection', channel: 'letter', postUrl: '' }));
    expect(obj.dueDate?.startsWith('2028-')).toBe(true);
    expect(obj.holidaysMissing).toEqual([2028]);
  });
});

describe('routing', () => {
  it('verify, dispose to two OPDs, reply in public, close; every step with who and when, in the audit log', async () => {
    const item = await fx.core.invoke('publicdesk.receive', complaint());
    expect((await errorOf('publicdesk.dispose', { id: item.id, opdIds: [opdA], summary: 'x' }))?.message).toMatch(/Verifikasi/);
    await fx.core.invoke('publicdesk.verify', { id: item.id });
    const disposed = await fx.core.invoke('publicdesk.dispose', { id: item.id, opdIds: [opdA, opdB, opdA], summary: 'Jalan berlubang di depan SD Negeri 3; mohon ditangani.' });
    expect(disposed.status).toBe('disposed');
    expect(disposed.parts.map((p) => p.opdName).sort()).toEqual(['Dinas Lingkungan Hidup', 'Dinas Pekerjaan Umum']);
    // 3 working days for an OPD's part from Friday: Mon 21, Tue 22, Wed 23.
    expect(disposed.parts.every((p) => p.dueDate === '2026-12-23' && p.daysLeft === 3)).toBe(true);
    // A part carries no personal data of the reporter.
    const partRow = fx.core.context.db.prepare('SELECT * FROM publicdesk_parts LIMIT 1').get() as Record<string, unknown>;
    expect(JSON.stringify(partRow)).not.toMatch(/Siti|0812/);

    const replied = await fx.core.invoke('publicdesk.reply', { id: item.id, text: 'Terima kasih, Kak. Laporan diteruskan ke DPU.', url: 'https://www.instagram.com/p/Cx1abc/c/123' });
    expect(replied).toMatchObject({ status: 'answered', replyUrl: 'https://www.instagram.com/p/Cx1abc/c/123' });
    const closed = await fx.core.invoke('publicdesk.close', { id: item.id, outcome: 'resolved' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved' });
    // Open parts are cancelled with the item.
    expect(closed.parts.every((p) => p.status === 'cancelled')).toBe(true);
    expect(closed.history.map((h) => h.action)).toEqual(['received', 'verified', 'disposed', 'disposed', 'replied', 'closed']);
    expect(closed.history.every((h) => h.actor !== '' && h.at !== '')).toBe(true);
    const audit = await fx.core.invoke('audit.list', { limit: 50 });
    const actions = audit.map((e) => e.action);
    for (const a of ['publicdesk.received', 'publicdesk.verified', 'publicdesk.disposed', 'publicdesk.replied', 'publicdesk.closed']) expect(actions).toContain(a);
  });

  it('an overdue item and part escalate once', async () => {
    const item = await fx.core.invoke('publicdesk.receive', complaint());
    await fx.core.invoke('publicdesk.verify', { id: item.id });
    await fx.core.invoke('publicdesk.dispose', { id: item.id, opdIds: [opdA], summary: 'Jalan berlubang' });
    now = Date.parse('2027-01-05T02:00:00Z');
    const late = await fx.core.invoke('publicdesk.list', { due: 'late' });
    expect(late.items.map((i) => i.id)).toEqual([item.id]);
    expect(late.late).toBe(1);
    expect(late.items[0]?.daysLeft).toBeLessThan(0);
    expect(await fx.core.invoke('publicdesk.escalate', {})).toEqual({ items: 1, parts: 1 });
    expect(await fx.core.invoke('publicdesk.escalate', {})).toEqual({ items: 0, parts: 0 });
    const got = await fx.core.invoke('publicdesk.get', { id: item.id });
    expect(got.escalatedAt).not.toBeNull();
    expect(got.parts[0]?.escalatedAt).not.toBeNull();
  });

  it('duplicates merged keep each post’s link and person', async () => {
    const first = await fx.core.invoke('publicdesk.receive', complaint());
    const second = await fx.core.invoke('publicdesk.receive', complaint({ channel: 'x', postUrl: 'https://x.com/warga/status/1', personName: 'Budi', personPhone: '' }));
    const third = await fx.core.invoke('publicdesk.receive', complaint({ channel: 'facebook', postUrl: 'https://facebook.com/p/9', personName: 'Ani' }));
    await fx.core.invoke('publicdesk.merge', { id: third.id, intoId: second.id });
    const survivor = await fx.core.invoke('publicdesk.merge', { id: second.id, intoId: first.id });
    expect(survivor.postUrl).toBe('https://www.instagram.com/p/Cx1abc/');
    expect(survivor.merged.map((m) => [m.postUrl, m.personLabel]).sort()).toEqual([
      ['https://facebook.com/p/9', 'Ani'],
      ['https://x.com/warga/status/1', 'Budi'],
    ]);
    expect((await fx.core.invoke('publicdesk.get', { id: second.id })).status).toBe('merged');
    expect((await fx.core.invoke('publicdesk.list', {})).items.map((i) => i.id)).toEqual([first.id]);
    expect((await errorOf('publicdesk.merge', { id: first.id, intoId: second.id }))?.code).toBe('conflict');
  });
});

describe('bad input', () => {
  it('is refused with a clear message, nothing half-written, the core keeps serving', async () => {
    const bad = async (over: Record<string, unknown>, pattern: RegExp) => {
      const e = await errorOf('publicdesk.receive', complaint(over));
      expect(e?.message).toMatch(pattern);
    };
    await bad({ postUrl: 'instagram post kemarin' }, /Tautan/);
    await bad({ postUrl: 'javascript:alert(1)' }, /Tautan/);
    await bad({ personPhone: 'nomor saya' }, /telepon/i);
    await bad({ personPhone: '12' }, /telepon/i);
    await bad({ consent: false }, /persetujuan/);
    await bad({ anonymous: true }, /anonim/i);
    await bad({ body: '   ' }, /wajib/);
    await bad({ channel: 'lapor', ticket: '' }, /tiket/);
    expect(count('publicdesk_items')).toBe(0);

    // The same SP4N-LAPOR! ticket twice: one item, the second refused naming the first.
    const t = await fx.core.invoke('publicdesk.receive', complaint({ channel: 'lapor', ticket: 'LAPOR-77', postUrl: '' }));
    const twin = await errorOf('publicdesk.receive', complaint({ channel: 'lapor', ticket: 'LAPOR-77', postUrl: '' }));
    expect(twin?.code).toBe('conflict');
    expect(twin?.message).toContain(t.number);
    expect(count('publicdesk_items')).toBe(1);

    // HTML or script pasted from a web page is kept as plain text, character for character.
    const html = '<p>Lampu jalan mati</p><script>alert("x")</script>';
    expect((await fx.core.invoke('publicdesk.receive', complaint({ body: html }))).body).toBe(html);

    // A screenshot of 10 MB and more, and a file that is not an image.
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const tooBig = await errorOf('publicdesk.attach', { itemId: t.id, fileName: 'layar.png', mime: 'image/png', base64: big.toString('base64') });
    expect(tooBig?.message).toMatch(/10 MB/);
    const fake = await errorOf('publicdesk.attach', { itemId: t.id, fileName: 'layar.png', mime: 'image/png', base64: Buffer.from('MZ this is an exe').toString('base64') });
    expect(fake?.code).toBe('unsupported_file');
    expect(count('publicdesk_files')).toBe(0);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const ok = await fx.core.invoke('publicdesk.attach', { itemId: t.id, fileName: 'layar.png', mime: 'image/png', base64: png.toString('base64') });
    expect((await fx.core.invoke('publicdesk.file', { id: ok.id })).base64).toBe(png.toString('base64'));

    // Disposed to an OPD that was deleted.
    await fx.core.invoke('publicdesk.verify', { id: t.id });
    await fx.core.invoke('opd.delete', { id: opdB });
    const gone = await errorOf('publicdesk.dispose', { id: t.id, opdIds: [opdA, opdB], summary: 'Lampu jalan' });
    expect(gone?.message).toMatch(/tidak ada lagi/);
    expect(count('publicdesk_parts')).toBe(0);
    // Deleted after the disposition: the part shows it.
    await fx.core.invoke('publicdesk.dispose', { id: t.id, opdIds: [opdA], summary: 'Lampu jalan' });
    await fx.core.invoke('opd.delete', { id: opdA });
    expect((await fx.core.invoke('publicdesk.get', { id: t.id })).parts[0]?.opdLive).toBe(false);

    // A closing date before the receiving date.
    const early = await errorOf('publicdesk.close', { id: t.id, outcome: 'resolved', closedMs: FRIDAY - 86_400_000 });
    expect(early?.message).toMatch(/sebelum tanggal diterima/);
    expect((await fx.core.invoke('publicdesk.get', { id: t.id })).status).toBe('disposed');
    // Still serving.
    expect((await fx.core.invoke('publicdesk.list', {})).total).toBe(2);
  });
});
