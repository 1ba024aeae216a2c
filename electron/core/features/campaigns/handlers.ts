/**
 * Themed campaigns and the content calendar (issue 15). These handlers check the input and the
 * moment; what a role may write, which status steps exist and the embargo of a post's release
 * are the rulebook's (shared/rules/tables/campaigns.ts), judged by the mutation path on every write.
 */
import type { Platform } from '../../../../shared/campaigns/model';
import { WartaError } from '../../../../shared/contract/errors';
import { daysBetween, recurrenceProblem } from '../../../../shared/campaigns/recurrence';
import { dateKey } from '../../../../shared/agenda/zones';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { officeZone } from '../agenda/settings';
import { cardPreview, savePostCard } from './cards';
import { PLATFORM_VARIANTS, postingPackage, postsFromRelease } from './from-release';
import { campaignNumbers } from './numbers';
import { contentCalendar, listCampaigns, postOf, readCampaign, readPostRow } from './rows';

const today = (ctx: CoreContext) => dateKey(ctx.now(), officeZone(ctx));

function mustExist(ctx: CoreContext, table: 'campaigns' | 'releases' | 'agenda_events' | 'opd', id: string | null, what: string, field: string): void {
  if (id === null) return;
  if (!ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id))
    throw new WartaError('not_found', `${what} yang dipilih tidak ada (lagi). (The chosen ${field} does not exist.)`, { field });
}

type Methods =
  | 'campaigns.list'
  | 'campaigns.save'
  | 'campaigns.remove'
  | 'campaigns.calendar'
  | 'campaigns.numbers'
  | 'campaigns.posts.save'
  | 'campaigns.posts.step'
  | 'campaigns.posts.move'
  | 'campaigns.posts.markPosted'
  | 'campaigns.posts.fromRelease'
  | 'campaigns.posts.package'
  | 'campaigns.posts.remove'
  | 'campaigns.cards.render'
  | 'campaigns.posts.card';

export const campaignsHandlers: HandlerGroup<Methods> = {
  'campaigns.list': (_input, ctx) => listCampaigns(ctx, today(ctx)),

  'campaigns.save': (input, ctx) => {
    const r = input.recurrence;
    // A weekly or monthly rule keeps only its own parts; a range has no weekday pattern.
    const recurrence = {
      kind: r.kind,
      weekdays: r.kind === 'weekly' ? [...new Set(r.weekdays)].sort() : [],
      nth: r.kind === 'monthly_nth' ? r.nth : null,
      weekday: r.kind === 'monthly_nth' ? r.weekday : null,
      startDate: r.startDate,
      endDate: r.endDate,
    };
    const problem = recurrenceProblem(recurrence);
    if (problem) throw new WartaError('invalid_input', `${problem.id} (${problem.en})`, { field: `recurrence.${problem.field}`, en: problem.en });
    mustExist(ctx, 'opd', input.opdId, 'OPD', 'opdId');
    const values = {
      name: input.name,
      theme: input.theme,
      recurrence: recurrence.kind,
      weekdays: recurrence.weekdays,
      nth: recurrence.nth,
      weekday: recurrence.weekday,
      start_date: recurrence.startDate,
      end_date: recurrence.endDate,
      hashtags: [...new Set(input.hashtags)],
      owner: input.owner,
      opd_id: input.opdId,
    };
    let id = input.id;
    if (id) {
      readCampaign(ctx, id, today(ctx));
      ctx.mutator.update('campaigns', id, values);
    } else {
      id = ctx.mutator.insert('campaigns', values);
    }
    return readCampaign(ctx, id, today(ctx));
  },

  'campaigns.remove': (input, ctx) => {
    readCampaign(ctx, input.id, today(ctx));
    ctx.mutator.remove('campaigns', input.id);
    return { ok: true };
  },

  'campaigns.calendar': (input, ctx) => contentCalendar(ctx, input.from, input.to, today(ctx)),
  'campaigns.numbers': (input, ctx) => {
    if (daysBetween(input.from, input.to) > 366) throw new WartaError('invalid_input', 'Angka kampanye dihitung paling panjang setahun sekaligus. (Campaign numbers cover at most a year at once.)', { field: 'to' });
    return campaignNumbers(ctx, input.from, input.to);
  },

  'campaigns.posts.save': (input, ctx) => {
    mustExist(ctx, 'campaigns', input.campaignId, 'Kampanye', 'campaignId');
    mustExist(ctx, 'releases', input.releaseId, 'Rilis', 'releaseId');
    mustExist(ctx, 'agenda_events', input.agendaEventId, 'Agenda', 'agendaEventId');
    const values = {
      title: input.title,
      platform: input.platform,
      account: input.account,
      date: input.date,
      time: input.time,
      owner: input.owner,
      campaign_id: input.campaignId,
      release_id: input.releaseId,
      agenda_event_id: input.agendaEventId,
      caption: input.caption,
    };
    let id = input.id;
    if (id) {
      const before = readPostRow(ctx, id);
      // Only what changed is written: an approved post moved in time keeps its reviewed text untouched.
      const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v));
      if (Object.keys(changed).length > 0) ctx.mutator.update('campaign_posts', id, changed);
    } else {
      id = ctx.mutator.insert('campaign_posts', { ...values, status: input.status, zone: officeZone(ctx) });
    }
    return postOf(readPostRow(ctx, id));
  },

  'campaigns.posts.step': (input, ctx) => {
    const before = readPostRow(ctx, input.id);
    if (before.status === input.to) return postOf(before);
    if (input.to === 'posted') throw new WartaError('invalid_input', 'Tandai sudah diunggah lewat "Tandai sudah diunggah", dengan alamat dan waktunya. (Mark as posted with its address and time.)', { field: 'to' });
    ctx.mutator.update('campaign_posts', input.id, { status: input.to });
    return postOf(readPostRow(ctx, input.id));
  },

  'campaigns.posts.move': (input, ctx) => {
    const before = readPostRow(ctx, input.id);
    const values: Record<string, string | null> = {};
    if (before.date !== input.date) values.date = input.date;
    if (input.time !== undefined && before.time !== input.time) values.time = input.time;
    if (Object.keys(values).length > 0) ctx.mutator.update('campaign_posts', input.id, values);
    return postOf(readPostRow(ctx, input.id));
  },

  'campaigns.posts.markPosted': (input, ctx) => {
    const before = readPostRow(ctx, input.id);
    if (before.status === 'posted') throw new WartaError('conflict', 'Unggahan ini sudah ditandai diunggah. (This post is already marked as posted.)', { id: input.id });
    if (input.postedAt > ctx.now() + 5 * 60_000) throw new WartaError('invalid_input', 'Waktu unggah ada di masa depan; isi waktu saat benar-benar diunggah. (The posting time is in the future.)', { field: 'postedAt' });
    ctx.mutator.update('campaign_posts', input.id, { status: 'posted', posted_url: input.url, posted_at: new Date(input.postedAt).toISOString() });
    return postOf(readPostRow(ctx, input.id));
  },

  'campaigns.posts.fromRelease': (input, ctx, caller) => postsFromRelease(ctx, caller.name, input),
  'campaigns.posts.package': (input, ctx) => postingPackage(ctx, input),
  'campaigns.cards.render': (input, ctx) => cardPreview(ctx, input),
  'campaigns.posts.card': (input, ctx) => savePostCard(ctx, input, (platform) => PLATFORM_VARIANTS[(platform ?? 'instagram') as Platform]),

  'campaigns.posts.remove': (input, ctx) => {
    readPostRow(ctx, input.id);
    ctx.mutator.remove('campaign_posts', input.id);
    return { ok: true };
  },
};
