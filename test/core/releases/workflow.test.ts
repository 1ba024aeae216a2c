import { afterEach, describe, expect, it } from 'vitest';
import { bodyPlainText, type PmNode } from '../../../shared/releases/body-text';
import { readChangeLog } from '../../../electron/core/data/change-log';
import { actAs, appendParagraphs, approvedRelease, PROFILE, releaseCore, writeBody } from './helpers';

const fixtures: { cleanup(): void }[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.cleanup();
});
async function open(start?: number) {
  const fx = await releaseCore(start);
  fixtures.push(fx);
  return fx;
}

describe('releases workflow', () => {
  it('a new release starts from the office template: dateline city, today, writer, contacts', async () => {
    const { core } = await open(Date.UTC(2026, 10, 22, 20, 0)); // 23 Nov 03:00 WIB
    const r = await core.invoke('releases.create', { title: 'Wali Kota Resmikan Pasar Rakyat' });
    expect(r.status).toBe('draft');
    expect(r.datelineCity).toBe('Sukamaju');
    expect(r.releaseDate).toBe('2026-11-23');
    expect(r.writer).toBe('Pengguna lokal');
    expect(r.source).toBe('Bagian Humas dan Protokol Setda');
    expect(r.contacts[0]?.phone).toBe('(0271) 555-0101');
    expect(bodyPlainText(r.bodyJson as PmNode)).toBe('SUKAMAJU – ');
    expect(r.transitions.map((t) => t.to)).toEqual(['draft']);
  });

  it('draft → in review → approved (numbered) → published, with who and when, versions and audit entries', async () => {
    const { core, clock } = await open(Date.UTC(2026, 2, 10, 2, 0));
    const r = await core.invoke('releases.create', { title: 'Pemkot Salurkan Bantuan Banjir' });
    await writeBody(core, r.id, 'Bantuan disalurkan kepada 300 keluarga.');
    clock.advance(60_000);
    await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
    clock.advance(60_000);
    const a = await core.invoke('releases.transition', { id: r.id, to: 'approved', note: 'Siap' });
    expect(a.number).toBe('001/Humas/Pemkot-SKJ/III/2026');
    expect(a.approvedBy).toBe('Pengguna lokal');
    clock.advance(60_000);
    const p = await core.invoke('releases.transition', { id: r.id, to: 'published' });
    expect(p.status).toBe('published');
    expect(p.transitions.map((t) => [t.from, t.to])).toEqual([
      [null, 'draft'],
      ['draft', 'in_review'],
      ['in_review', 'approved'],
      ['approved', 'published'],
    ]);
    expect(p.transitions[2]?.note).toBe('Siap');
    expect(p.transitions[3]?.at).toBe(new Date(Date.UTC(2026, 2, 10, 2, 3)).toISOString());
    const versions = await core.invoke('releases.versions', { id: r.id });
    expect(versions.map((v) => v.reason).sort()).toEqual(['transition:approved', 'transition:in_review', 'transition:published']);
    const audit = core.context.db.prepare("SELECT action FROM audit_log WHERE target_type = 'release' ORDER BY seq").all() as { action: string }[];
    expect(audit.map((x) => x.action)).toEqual(['release.submit', 'release.approve', 'release.publish']);
    // The second release of the year takes the next number.
    const second = await approvedRelease(core, 'Rilis kedua');
    expect((await core.invoke('releases.get', { id: second })).number).toBe('002/Humas/Pemkot-SKJ/III/2026');
  });

  it('refuses transitions that skip a step and edits of an approved release, keeping the data', async () => {
    const { core } = await open();
    const r = await core.invoke('releases.create', { title: 'Judul' });
    await expect(core.invoke('releases.transition', { id: r.id, to: 'published' })).rejects.toMatchObject({ code: 'conflict' });
    const id = await approvedRelease(core, 'Disetujui');
    await expect(core.invoke('releases.update', { id, fields: { title: 'Diubah diam-diam' } })).rejects.toMatchObject({ code: 'conflict' });
    const d = await core.invoke('releases.get', { id });
    await expect(core.invoke('releases.appendBody', { id, update: appendParagraphs(d.bodyState, 'x') })).rejects.toMatchObject({ code: 'conflict' });
    expect((await core.invoke('releases.get', { id })).title).toBe('Disetujui');
    // Taken back for a correction it keeps its number.
    const back = await core.invoke('releases.transition', { id, to: 'in_review' });
    expect(back.number).toBe(d.number);
  });

  it('one permission check decides each transition: a writer may submit but not approve or publish', async () => {
    const { core } = await open();
    const r = await core.invoke('releases.create', { title: 'Rilis penulis' });
    actAs(core, ['writer'], 'Penulis');
    await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
    await expect(core.invoke('releases.transition', { id: r.id, to: 'approved' })).rejects.toMatchObject({ code: 'forbidden', details: { permission: 'releases.review' } });
    actAs(core, ['editor'], 'Editor');
    const a = await core.invoke('releases.transition', { id: r.id, to: 'approved' });
    expect(a.approvedBy).toBe('Editor');
    expect(a.editor).toBe('Editor');
  });

  it('comments form a thread per release, with author and time', async () => {
    const { core, clock } = await open();
    const r = await core.invoke('releases.create', { title: 'Rilis' });
    await core.invoke('releases.comment', { id: r.id, body: 'Tambahkan kutipan Wali Kota.' });
    clock.advance(1000);
    actAs(core, ['writer'], 'Penulis');
    const d = await core.invoke('releases.comment', { id: r.id, body: 'Sudah ditambahkan.' });
    expect(d.comments.map((c) => [c.author, c.body])).toEqual([
      ['Pengguna lokal', 'Tambahkan kutipan Wali Kota.'],
      ['Penulis', 'Sudah ditambahkan.'],
    ]);
    await expect(core.invoke('releases.comment', { id: r.id, body: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('time to release: minutes from the event end to publication, against the office target', async () => {
    const { core, clock } = await open(Date.UTC(2026, 4, 4, 3, 0));
    await core.invoke('releases.saveSettings', { targetMinutes: 45 });
    const end = new Date(Date.UTC(2026, 4, 4, 2, 30)).toISOString();
    const r = await core.invoke('releases.create', { title: 'Rapat Paripurna', eventId: 'agenda-123', eventEndAt: end });
    expect(r.timeToRelease).toMatchObject({ minutes: 30, targetMinutes: 45, published: false, met: null });
    await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
    await core.invoke('releases.transition', { id: r.id, to: 'approved' });
    clock.advance(20 * 60_000);
    const p = await core.invoke('releases.transition', { id: r.id, to: 'published' });
    expect(p.timeToRelease).toMatchObject({ minutes: 50, published: true, met: false });
  });

  it('a release is numbered by its own date: dated in December, approved in January, it takes December and last year’s sequence', async () => {
    const { core, clock } = await open(Date.UTC(2026, 11, 30, 3, 0));
    const first = await approvedRelease(core, 'Rilis Desember');
    expect((await core.invoke('releases.get', { id: first })).number).toBe('001/Humas/Pemkot-SKJ/XII/2026');
    const late = await core.invoke('releases.create', { title: 'Refleksi Akhir Tahun' });
    expect(late.releaseDate).toBe('2026-12-30');
    clock.set(Date.UTC(2027, 0, 2, 3, 0));
    const jan = await approvedRelease(core, 'Rilis Januari');
    expect((await core.invoke('releases.get', { id: jan })).number).toBe('001/Humas/Pemkot-SKJ/I/2027');
    await core.invoke('releases.transition', { id: late.id, to: 'in_review' });
    const a = await core.invoke('releases.transition', { id: late.id, to: 'approved' });
    expect(a.number).toBe('002/Humas/Pemkot-SKJ/XII/2026');
    // Moving the date to this year before approval numbers it in this year.
    const moved = await core.invoke('releases.create', { title: 'Rilis yang tanggalnya dipindah' });
    await core.invoke('releases.update', { id: moved.id, fields: { releaseDate: '2027-02-01' } });
    await core.invoke('releases.transition', { id: moved.id, to: 'in_review' });
    expect((await core.invoke('releases.transition', { id: moved.id, to: 'approved' })).number).toBe('002/Humas/Pemkot-SKJ/II/2027');
  });

  it('a new release opens with the dateline in the office’s form', async () => {
    const { core } = await open(Date.UTC(2026, 11, 3, 3, 0));
    await core.invoke('office.save', { ...PROFILE, city: 'Surakarta', datelineForm: 'kota-hari-tanggal' });
    const r = await core.invoke('releases.create', { title: 'Rilis' });
    expect(bodyPlainText(r.bodyJson as PmNode)).toBe('SURAKARTA, Kamis (3/12/2026) – ');
    await core.invoke('office.save', { ...PROFILE, city: 'Surakarta', datelineForm: 'kota-tanggal' });
    expect(bodyPlainText((await core.invoke('releases.create', { title: 'Rilis 2' })).bodyJson as PmNode)).toBe('SURAKARTA, 3 Desember 2026 – ');
  });

  it('every write goes through the change log (syncs)', async () => {
    const { core } = await open();
    const r = await core.invoke('releases.create', { title: 'Log' });
    const tables = new Set(readChangeLog(core.context.db).map((c) => c.table));
    expect([...tables].sort()).toEqual(['office_profile', 'release_body_updates', 'release_transitions', 'releases']);
    expect(r.bodyUpdateCount).toBe(1);
  });
});
