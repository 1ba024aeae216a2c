/**
 * Campaigns and the content calendar on a real core and SQLite file: a weekly and a first-Monday
 * campaign give days their themes ("Selasa: Selasa Tanpa Rokok — belum ada rencana"), planned
 * posts count against them, posts step through the release's review rights, move with undo,
 * and are marked as posted; bad input refused with a clear message, nothing half-written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callerFor } from '../../../electron/core/caller';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
let now = 0;
beforeEach(async () => {
  now = Date.parse('2026-12-03T02:00:00Z');
  fx = openTestCore({ clock: () => now });
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
});
afterEach(() => fx.cleanup());

const count = (table: string) => fx.core.context.db.prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get() as number;
const as = (role: 'writer' | 'editor' | 'data_staff') => (fx.core.context.currentCaller = () => callerFor(null, role, [role]));

async function failure(method: Parameters<CoreFixture['core']['call']>[0], input: unknown) {
  const r = await fx.core.call(method, input);
  expect(r.ok).toBe(false);
  return (r as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;
}

describe('campaigns and the content calendar', () => {
  it("shows each day's themes, with what is planned, from weekly, first-Monday and date-range campaigns", async () => {
    const selasa = await fx.core.invoke('campaigns.save', { name: 'Selasa Tanpa Rokok', theme: 'Kawasan tanpa rokok', recurrence: { kind: 'weekly', weekdays: [2] }, hashtags: ['SelasaTanpaRokok', '#BandungSehat'] });
    expect(selasa).toMatchObject({ recurrenceText: 'Setiap Selasa', hashtags: ['#SelasaTanpaRokok', '#BandungSehat'], nextDate: '2026-12-08' });
    await fx.core.invoke('campaigns.save', { name: 'Senin Apel', recurrence: { kind: 'monthly_nth', nth: 1, weekday: 1 } });
    await fx.core.invoke('campaigns.save', { name: 'Hari Jadi Kota', recurrence: { kind: 'range', startDate: '2026-12-20', endDate: '2026-12-22' } });

    await fx.core.invoke('campaigns.posts.save', { title: 'Infografik KTR', platform: 'instagram', account: '@humaskota', date: '2026-12-15', campaignId: selasa.id });
    const cal = await fx.core.invoke('campaigns.calendar', { from: '2026-12-01', to: '2026-12-31' });
    expect(cal.days).toHaveLength(31);
    const themesOf = (d: string) => cal.days.find((x) => x.date === d)?.themes.map((t) => `${t.name}:${t.planned}`);
    expect(themesOf('2026-12-08')).toEqual(['Selasa Tanpa Rokok:0']);
    expect(themesOf('2026-12-15')).toEqual(['Selasa Tanpa Rokok:1']);
    expect(themesOf('2026-12-07')).toEqual(['Senin Apel:0']);
    expect(themesOf('2026-12-22')).toEqual(['Hari Jadi Kota:0', 'Selasa Tanpa Rokok:0']);
    expect(themesOf('2026-12-23')).toEqual([]);
    expect(cal.days.find((x) => x.date === '2026-12-15')?.posts[0]).toMatchObject({ title: 'Infografik KTR', campaignName: 'Selasa Tanpa Rokok', status: 'idea' });
  });

  it('a post goes idea → draft → review → approved → posted with the release review rights, and moves with undo', async () => {
    as('writer');
    let post = await fx.core.invoke('campaigns.posts.save', { title: 'Rabu Nyunda', platform: 'x', account: '@humaskota', date: '2026-12-09', status: 'draft', caption: 'Wilujeng enjing!' });
    post = await fx.core.invoke('campaigns.posts.step', { id: post.id, to: 'review' });
    const refused = await failure('campaigns.posts.step', { id: post.id, to: 'approved' });
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toContain('releases.review');
    as('editor');
    post = await fx.core.invoke('campaigns.posts.step', { id: post.id, to: 'approved' });
    expect(post.status).toBe('approved');
    // Drag to another day, then undo: back where it was; its reviewed text untouched.
    await fx.core.invoke('campaigns.posts.move', { id: post.id, date: '2026-12-10' });
    expect((await fx.core.invoke('campaigns.posts.move', { id: post.id, date: '2026-12-09' })).date).toBe('2026-12-09');
    as('writer');
    const frozen = await failure('campaigns.posts.save', { id: post.id, title: 'Rabu Nyunda', platform: 'x', date: '2026-12-09', caption: 'diubah' });
    expect(frozen.message).toContain('tinjauan');
    const early = await failure('campaigns.posts.markPosted', { id: post.id, url: 'https://x.com/humaskota/status/1', postedAt: Date.parse('2026-12-03T01:00:00Z') });
    expect(early.code).toBe('forbidden');
    as('editor');
    post = await fx.core.invoke('campaigns.posts.markPosted', { id: post.id, url: 'https://x.com/humaskota/status/1', postedAt: Date.parse('2026-12-03T01:00:00Z') });
    expect(post).toMatchObject({ status: 'posted', postedUrl: 'https://x.com/humaskota/status/1', postedAt: '2026-12-03T01:00:00.000Z' });
    expect((await failure('campaigns.posts.move', { id: post.id, date: '2026-12-11' })).message).toContain('sudah diunggah');
  });

  it('a post of an embargoed release is refused before the embargo, naming the time', async () => {
    const release = await fx.core.invoke('releases.create', { title: 'Peluncuran Bus Listrik' });
    await fx.core.invoke('releases.update', { id: release.id, fields: { urgency: 'embargo', embargoAt: '2026-12-08T03:00:00.000Z', embargoZone: 'WIB' } });
    const e = await failure('campaigns.posts.save', { title: 'Bus listrik', platform: 'facebook', date: '2026-12-08', time: '09:30', releaseId: release.id });
    expect(e.message).toContain('diembargo sampai');
    expect(e.message).toContain('10.00 WIB');
    expect(count('campaign_posts')).toBe(0);
    expect((await fx.core.invoke('campaigns.posts.save', { title: 'Bus listrik', platform: 'facebook', date: '2026-12-08', time: '10:00', releaseId: release.id })).date).toBe('2026-12-08');
  });

  it('bad input: never-occurring rule, HTML, bad hashtag, a window too long; nothing written, the core keeps serving', async () => {
    const never = await failure('campaigns.save', { name: 'Senin kelima', recurrence: { kind: 'monthly_nth', nth: 5, weekday: 1, startDate: '2027-02-01', endDate: '2027-02-28' } });
    expect(never).toMatchObject({ code: 'invalid_input', details: { field: 'recurrence.nth' } });
    expect(never.message).toContain('tidak pernah');
    expect(never.message).toContain('never');
    expect((await failure('campaigns.save', { name: '<b>Kampanye</b>', recurrence: { kind: 'weekly', weekdays: [1] } })).message).toContain('HTML');
    expect((await failure('campaigns.save', { name: 'A', recurrence: { kind: 'weekly', weekdays: [1] }, hashtags: ['dua kata'] })).message).toContain('Tagar');
    expect((await failure('campaigns.posts.save', { title: 'x', platform: 'myspace', date: '2026-12-01' })).message).toContain('Platform');
    expect((await failure('campaigns.posts.save', { title: 'x', platform: 'x', date: '2026-12-01', caption: 'Halo <script>alert(1)</script>' })).message).toContain('HTML');
    expect((await failure('campaigns.calendar', { from: '2026-01-01', to: '2026-12-31' })).message).toContain('62 hari');
    expect(count('campaigns')).toBe(0);
    expect(count('campaign_posts')).toBe(0);
    as('data_staff');
    expect((await failure('campaigns.save', { name: 'A', recurrence: { kind: 'weekly', weekdays: [1] } })).code).toBe('forbidden');
    expect(await fx.core.invoke('campaigns.list', {})).toEqual([]);
  });

  it('numbers for the reports: posts per account, campaign and week, theme days with a post, release to first post', async () => {
    const selasa = await fx.core.invoke('campaigns.save', { name: 'Selasa Tanpa Rokok', recurrence: { kind: 'weekly', weekdays: [2] } });
    const release = await fx.core.invoke('releases.create', { title: 'Bus Listrik' });
    for (const to of ['in_review', 'approved', 'published'] as const) await fx.core.invoke('releases.transition', { id: release.id, to });
    const [x, ig] = await fx.core.invoke('campaigns.posts.fromRelease', {
      releaseId: release.id,
      accounts: [
        { platform: 'x', account: '@humas' },
        { platform: 'instagram', account: '@humas' },
      ],
      campaignId: selasa.id,
      date: '2026-12-08',
    });
    const other = await fx.core.invoke('campaigns.posts.save', { title: 'KTR', platform: 'x', account: '@humas', date: '2026-12-15', status: 'draft', campaignId: selasa.id });
    for (const p of [x!, ig!, other]) {
      await fx.core.invoke('campaigns.posts.step', { id: p.id, to: 'review' });
      await fx.core.invoke('campaigns.posts.step', { id: p.id, to: 'approved' });
    }
    now += 45 * 60_000;
    await fx.core.invoke('campaigns.posts.markPosted', { id: x!.id, url: 'https://x.com/humas/status/1', postedAt: now });
    await fx.core.invoke('campaigns.posts.markPosted', { id: other.id, url: 'https://x.com/humas/status/2', postedAt: now });
    now += 60 * 60_000;
    await fx.core.invoke('campaigns.posts.markPosted', { id: ig!.id, url: 'https://instagram.com/p/abc', postedAt: now });

    const n = await fx.core.invoke('campaigns.numbers', { from: '2026-12-01', to: '2026-12-31' });
    expect(n.perAccount).toEqual([
      { platform: 'x', account: '@humas', posts: 2 },
      { platform: 'instagram', account: '@humas', posts: 1 },
    ]);
    expect(n.perWeek).toEqual([
      { week: '2026-12-07', posts: 2 },
      { week: '2026-12-14', posts: 1 },
    ]);
    // December 2026 has five Tuesdays; two of them had a post.
    expect(n.campaigns).toEqual([{ id: selasa.id, name: 'Selasa Tanpa Rokok', posts: 3, themeDays: 5, themeDaysWithPost: 2 }]);
    expect(n.releaseToFirstPost).toEqual([{ releaseId: release.id, title: 'Bus Listrik', minutes: 45 }]);
    expect((await failure('campaigns.numbers', { from: '2026-01-01', to: '2027-06-30' })).message).toContain('setahun');
  });
});
