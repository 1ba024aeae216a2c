/**
 * Reply templates of the public desk (issue 14 item 5) on a real core and SQLite file: saved,
 * edited, deleted; filled from an item (name, number, OPD, deadline; an anonymous reporter
 * addressed politely); lengths checked against each platform; a template with an unknown
 * placeholder refused clearly by the core and by the rules another machine's change meets.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domainOf } from '../../../shared/rules/rulebook';
import { fillTemplate, platformsExceeded, replyLength, unknownPlaceholders } from '../../../shared/publicdesk/templates';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

/** Friday 18 December 2026, 09:00 WIB: a complaint is due Tuesday 29 (24–25 off). */
const FRIDAY = Date.parse('2026-12-18T02:00:00Z');
let fx: CoreFixture;
beforeEach(async () => {
  fx = openTestCore({ clock: () => FRIDAY });
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
});
afterEach(() => fx.cleanup());

const receive = (over: Record<string, unknown> = {}) =>
  fx.core.invoke('publicdesk.receive', { id: crypto.randomUUID(), kind: 'complaint', channel: 'x', personName: 'Siti Aminah', consent: true, body: 'Lampu jalan mati.', ...over });

describe('reply templates', () => {
  it('are saved, filled from the item and checked against each platform’s length', async () => {
    const tpl = await fx.core.invoke('publicdesk.templates.save', { name: 'Diteruskan', body: 'Halo {nama}, aduan {nomor} ({tiket}) diteruskan ke {opd}; jawaban paling lambat {tenggat} ({hari} hari kerja lagi). {kategori}/{lokasi}' });
    const item = await receive({ channel: 'lapor', ticket: 'LAPOR-77', category: 'Infrastruktur', location: 'Kec. Laweyan' });
    const opd = (await fx.core.invoke('opd.save', { name: 'Dinas Pekerjaan Umum', abbreviation: 'DPU' })).id;
    await fx.core.invoke('publicdesk.verify', { id: item.id });
    await fx.core.invoke('publicdesk.dispose', { id: item.id, opdIds: [opd], summary: 'Lampu jalan mati.' });
    const filled = await fx.core.invoke('publicdesk.templates.fill', { templateId: tpl.id, itemId: item.id });
    expect(filled.text).toBe('Halo Siti Aminah, aduan 0001/ADU/2026 (LAPOR-77) diteruskan ke Dinas Pekerjaan Umum; jawaban paling lambat Selasa, 29 Desember 2026 (5 hari kerja lagi). Infrastruktur/Kec. Laweyan');
    expect(filled.length).toBe(filled.text.length);
    expect(filled.exceeded).toEqual(['tiktok']); // a TikTok comment holds 150 characters

    const anonymous = await receive({ anonymous: true, personName: '' });
    const long = await fx.core.invoke('publicdesk.templates.save', { id: tpl.id, name: 'Diteruskan', body: `Yth. {nama}, ${'terima kasih. '.repeat(25)}` });
    expect(long.id).toBe(tpl.id);
    const second = await fx.core.invoke('publicdesk.templates.fill', { templateId: tpl.id, itemId: anonymous.id });
    expect(second.text.startsWith('Yth. Bapak/Ibu, terima kasih.')).toBe(true);
    expect(second.exceeded).toEqual(['x', 'tiktok']);
    expect((await fx.core.invoke('publicdesk.templates.list', {})).map((t) => t.name)).toEqual(['Diteruskan']);

    await fx.core.invoke('publicdesk.templates.delete', { id: tpl.id });
    expect(await fx.core.invoke('publicdesk.templates.list', {})).toEqual([]);
    const gone = await fx.core.call('publicdesk.templates.fill', { templateId: tpl.id, itemId: item.id });
    expect(gone.ok ? null : gone.error).toMatchObject({ code: 'not_found', message: 'Templat balasan itu tidak ada.' });
  });

  it('an unknown placeholder, an empty or too long text, a twin name: refused clearly, nothing saved, the core still serving', async () => {
    const bad = await fx.core.call('publicdesk.templates.save', { name: 'Salah ketik', body: 'Halo {nmaa}, aduan {nomor} dan {OPD}.' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : JSON.stringify(bad.error)).toContain('Isian tidak dikenal: {nmaa}, {OPD}');
    for (const body of ['', '   ', 'x'.repeat(4001)]) expect((await fx.core.call('publicdesk.templates.save', { name: 'Kosong', body })).ok).toBe(false);
    await fx.core.invoke('publicdesk.templates.save', { name: 'Sapaan', body: 'Halo {nama}.' });
    const twin = await fx.core.call('publicdesk.templates.save', { name: 'sapaan', body: 'Hai {nama}.' });
    expect(twin.ok ? null : twin.error).toMatchObject({ code: 'conflict', message: 'Templat bernama "sapaan" sudah ada.' });
    expect(fx.core.context.db.prepare('SELECT count(*) FROM publicdesk_templates').pluck().get()).toBe(1);
    expect((await fx.core.invoke('publicdesk.templates.list', {})).map((t) => t.body)).toEqual(['Halo {nama}.']);
  });

  it('the rules refuse an unknown placeholder arriving from another machine', () => {
    const domain = domainOf('publicdesk_templates', 'body')!;
    expect(domain('Halo {nama}, aduan {nomor}.')).toBeNull();
    expect(domain('Halo {nmaa}.')).toEqual({ id: 'memuat isian yang tidak dikenal: {nmaa}', en: 'names unknown placeholders: {nmaa}' });
  });
});

describe('the template helpers', () => {
  it('find unknown placeholders, keep text that is not one, count characters as people see them', () => {
    expect(unknownPlaceholders('{nama} {x} {} {nama} { spasi }')).toEqual(['{x}', '{}']);
    expect(fillTemplate('Halo {nama} {tak dikenal}', { nama: 'Budi', nomor: '', tiket: '', opd: '', hari: '', tenggat: '', kategori: '', lokasi: '' })).toBe('Halo Budi {tak dikenal}');
    expect(replyLength('Terima kasih 🙏🏽 é')).toBe(16);
    expect(platformsExceeded('a'.repeat(281))).toEqual(['x', 'tiktok']);
    expect(platformsExceeded('a'.repeat(280))).toEqual(['tiktok']);
  });
});
