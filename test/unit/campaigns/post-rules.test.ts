/**
 * Planned posts in the rulebook: the release's review rights (a writer drafts and sends for
 * review, only a reviewer approves, only a publisher marks as posted), steps that do not exist,
 * an approved post's text frozen while its day may move, and an embargo that blocks a post early.
 */
import { describe, expect, it } from 'vitest';
import { deviceActor, judge } from '../../../shared/rules/rulebook';
import type { Role } from '../../../shared/contract/permissions';
import type { Row } from '../../../shared/rules/types';

const batch = { changesOf: () => [], all: () => [] };
const base: Row = { title: 'Selasa Tanpa Rokok', platform: 'instagram', date: '2026-12-08', zone: 'WIB', status: 'draft', release_id: null };

function try_(role: Role, fields: Row, before: Row | null = base, release: Row | null = null) {
  return judge({
    actor: deviceActor(role, 'dev-1'),
    table: 'campaign_posts',
    rowId: 'p1',
    hlc: '1',
    fields,
    before,
    now: Date.parse('2026-12-03T00:00:00Z'),
    batch,
    row: (table) => (table === 'releases' ? release : null),
  });
}

describe('planned post rules', () => {
  it('review rights are the releases: writer sends for review, editor approves, writer cannot approve', () => {
    expect(try_('writer', { status: 'review' })).toBeNull();
    expect(try_('writer', { status: 'approved' }, { ...base, status: 'review' })).toMatchObject({ code: 'field_forbidden', message: { id: expect.stringContaining('releases.review') as unknown } });
    expect(try_('editor', { status: 'approved' }, { ...base, status: 'review' })).toBeNull();
    expect(try_('data_staff', { status: 'review' })).toMatchObject({ code: 'table_forbidden' });
  });

  it('no skipping steps; a new post starts as an idea or a draft; posted needs its address and time', () => {
    expect(try_('editor', { status: 'approved' })).toMatchObject({ code: 'wrong_state' });
    expect(try_('editor', { ...base, status: 'approved' }, null)).toMatchObject({ code: 'wrong_state', field: 'status' });
    const approved = { ...base, status: 'approved' };
    expect(try_('editor', { status: 'posted' }, approved)).toMatchObject({ code: 'invalid_value', field: 'posted_url' });
    expect(try_('editor', { status: 'posted', posted_url: 'https://instagram.com/p/x', posted_at: '2026-12-08T03:00:00.000Z' }, approved)).toBeNull();
    expect(try_('writer', { status: 'posted', posted_url: 'https://instagram.com/p/x', posted_at: '2026-12-08T03:00:00.000Z' }, approved)).toMatchObject({ code: 'field_forbidden' });
    expect(try_('editor', { caption: 'ubah' }, { ...approved, status: 'posted' })).toMatchObject({ code: 'wrong_state' });
  });

  it("an approved post's text is frozen, its day may move", () => {
    const approved = { ...base, status: 'approved' };
    expect(try_('writer', { caption: 'teks baru' }, approved)).toMatchObject({ code: 'wrong_state', field: 'caption' });
    expect(try_('writer', { date: '2026-12-09' }, approved)).toBeNull();
  });

  it('a post of an embargoed release is refused before the embargo, naming its time', () => {
    const release = { urgency: 'embargo', embargo_at: '2026-12-08T03:00:00.000Z', embargo_zone: 'WIB' };
    const post = { ...base, release_id: 'r1', time: '09:00' };
    const early = try_('writer', { date: '2026-12-08', time: '09:00', release_id: 'r1' }, post, release);
    expect(early).toMatchObject({ code: 'wrong_state', field: 'date' });
    expect(early?.message.id).toContain('pukul 10.00 WIB');
    expect(try_('writer', { date: '2026-12-08', time: '10:00', release_id: 'r1' }, post, release)).toBeNull();
    expect(try_('writer', { date: '2026-12-09' }, { ...post, time: null }, release)).toBeNull();
  });

  it('a card pushed by a device is a whole card the editor could have written, or null (the server judges the same)', () => {
    const card = { template: 'figure', title: 'Penumpang per hari', entries: [{ value: '12.450', label: 'penumpang' }], source: '' };
    expect(try_('writer', { card })).toBeNull();
    expect(try_('writer', { card: null })).toBeNull();
    expect(try_('writer', { card: { ...card, entries: [{ value: '', label: 'penumpang' }] } })).toMatchObject({ code: 'invalid_value', field: 'card' });
    expect(try_('writer', { card: { ...card, template: 'poster' } })).toMatchObject({ code: 'invalid_value', field: 'card' });
    expect(try_('writer', { card: '<svg onload="x">' })).toMatchObject({ code: 'invalid_value', field: 'card' });
    expect(try_('writer', { card }, { ...base, status: 'approved' })).toMatchObject({ code: 'wrong_state', field: 'card' });
  });
});
