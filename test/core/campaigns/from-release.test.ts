/**
 * Posts from a release on a real core: an approved release with a photo becomes one draft per
 * account with the caption cut to each platform's limit (X counted by twitter-text), the
 * campaign's hashtags, the mentions and the link; the posting package ZIP holds per account the
 * caption text and the photo in that platform's sizes (opened and measured with sharp); a draft
 * release and an HTML caption are refused.
 */
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captionLength } from '../../../shared/campaigns/caption';
import type { CoreFixture } from '../../support/core-fixture';
import { approvedRelease, releaseCore, writeBody } from '../releases/helpers';
import { photoUpdate } from '../../support/release-photo';

let fx: CoreFixture;
beforeEach(async () => {
  fx = await releaseCore();
});
afterEach(() => fx.cleanup());

const LINK = 'https://sukamaju.example.go.id/rilis/peluncuran-bus-listrik-trans-sukamaju';

describe('posts from a release', () => {
  it('one draft per account, captions fitted per platform, and a posting package with each size', async () => {
    const core = fx.core;
    const r = await core.invoke('releases.create', { title: 'Peluncuran Bus Listrik Trans Sukamaju' });
    await writeBody(core, r.id, 'Pemerintah Kota Sukamaju meluncurkan sepuluh bus listrik untuk warga. '.repeat(12).trim(), 'Paragraf kedua.');
    const jpeg = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
    const photo = await core.invoke('releases.putPhoto', { fileName: 'bus.jpg', base64: jpeg.toString('base64') });
    const d = await core.invoke('releases.get', { id: r.id });
    await core.invoke('releases.appendBody', { id: r.id, update: photoUpdate(d.bodyState, photo.hash, photo.thumb, 'Wali Kota mencoba bus listrik', 'Humas/Rina') });
    await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
    await core.invoke('releases.transition', { id: r.id, to: 'approved' });
    const campaign = await core.invoke('campaigns.save', { name: 'Sukamaju Hijau', recurrence: { kind: 'weekly', weekdays: [3] }, hashtags: ['#SukamajuHijau', '#BusListrik'] });

    const posts = await core.invoke('campaigns.posts.fromRelease', {
      releaseId: r.id,
      accounts: [
        { platform: 'x', account: '@humassukamaju' },
        { platform: 'instagram', account: '@humas.sukamaju' },
        { platform: 'facebook', account: 'Humas Kota Sukamaju' },
      ],
      campaignId: campaign.id,
      mentions: ['@pemkotsukamaju'],
      link: LINK,
      date: '2030-01-09',
    });
    expect(posts.map((p) => [p.platform, p.status, p.releaseId])).toEqual([
      ['x', 'draft', r.id],
      ['instagram', 'draft', r.id],
      ['facebook', 'draft', r.id],
    ]);
    const x = posts[0]!;
    expect(captionLength(x.caption, 'x')).toBeLessThanOrEqual(280);
    expect(x.caption).toContain('…');
    expect(x.caption.endsWith(`${LINK}\n@pemkotsukamaju\n#SukamajuHijau #BusListrik`)).toBe(true);
    expect(posts[2]!.caption).toContain('Paragraf kedua.');

    const pkg = await core.invoke('campaigns.posts.package', { ids: posts.map((p) => p.id), focal: { x: 0.3, y: 0.5 } });
    expect(pkg.warnings).toEqual([]);
    const zip = await JSZip.loadAsync(Buffer.from(pkg.base64, 'base64'));
    const names = Object.keys(zip.files).filter((n) => !n.endsWith('/')).sort();
    expect(names).toEqual([
      'facebook-Humas-Kota-Sukamaju/keterangan.txt',
      'facebook-Humas-Kota-Sukamaju/landscape.jpg',
      'facebook-Humas-Kota-Sukamaju/square.jpg',
      'instagram-humas.sukamaju/keterangan.txt',
      'instagram-humas.sukamaju/portrait.jpg',
      'instagram-humas.sukamaju/square.jpg',
      'instagram-humas.sukamaju/story.jpg',
      'x-humassukamaju/keterangan.txt',
      'x-humassukamaju/landscape.jpg',
    ]);
    const story = await sharp(await zip.file('instagram-humas.sukamaju/story.jpg')!.async('nodebuffer')).metadata();
    expect([story.width, story.height]).toEqual([1080, 1920]);
    const xText = await zip.file('x-humassukamaju/keterangan.txt')!.async('string');
    expect(xText).toBe(`${x.caption}\n\nFoto: Humas/Rina\n`);
  });

  it('bad input: a draft release, an HTML caption, no account; nothing written', async () => {
    const draft = await fx.core.invoke('releases.create', { title: 'Masih draf' });
    const r1 = await fx.core.call('campaigns.posts.fromRelease', { releaseId: draft.id, accounts: [{ platform: 'x', account: '@a' }], date: '2030-01-09' });
    expect(r1).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const approved = await approvedRelease(fx.core, 'Disetujui');
    const r2 = await fx.core.call('campaigns.posts.fromRelease', { releaseId: approved, accounts: [], date: '2030-01-09' });
    expect(r2).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const r3 = await fx.core.call('campaigns.posts.save', { title: 'x', platform: 'x', date: '2030-01-09', caption: '<p>Halo</p>' });
    expect(r3).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fx.core.context.db.prepare('SELECT count(*) FROM campaign_posts').pluck().get()).toBe(0);
  });
});
