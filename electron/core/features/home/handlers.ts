/**
 * `home.desk`: Beranda's cards for the caller. Each card's query runs only when the caller's
 * roles carry the card and their permissions allow it (shared/home/desk.ts): a shared office
 * machine answers each person for their own role, whatever the workspace file holds.
 */
import { deskCardsFor, type DeskCard, type DeskCardId } from '../../../../shared/home/desk';
import { dateKey, startOfDateKey } from '../../../../shared/agenda/zones';
import type { HandlerGroup } from '../../rpc/handler-types';
import type { SheetItem } from '../../../../shared/agenda/event';
import { itemsInWindow } from '../agenda/calendar';
import { officeZone, readAgendaSettings } from '../agenda/settings';
import { readTargetMinutes } from '../releases/handlers';
import { addDays, type CardQuery, type DeskScope } from './card-query';
import { agendaDays } from './agenda-card';
import { contractsBehind, contractsEnding, ukwExpiring } from './media-cards';
import { outboxProblems, workspaceHealth } from './office-cards';
import { requestsDue } from './requests-card';
import { complaintsDue, postsToday } from './desk-social-cards';
import { boundOpd } from '../publicdesk/steps';
import { awaitingReview, embargoesToday, myDrafts, releaseClock } from './release-cards';

const QUERIES: Record<DeskCardId, CardQuery> = {
  release_clock: releaseClock,
  awaiting_review: awaitingReview,
  my_drafts: myDrafts,
  embargoes_today: embargoesToday,
  outbox_problems: outboxProblems,
  agenda_days: agendaDays,
  contracts_behind: contractsBehind,
  contracts_ending: contractsEnding,
  ukw_expiring: ukwExpiring,
  workspace_health: workspaceHealth,
  requests_due: requestsDue,
  complaints_due: complaintsDue,
  posts_today: postsToday,
};

/** A card slower than this is logged: the budget is 20 ms per card at a year of an active office. */
const SLOW_CARD_MS = 20;

export const homeHandlers: HandlerGroup<'home.desk'> = {
  'home.desk': (_input, ctx, caller) => {
    const now = ctx.now();
    const zone = officeZone(ctx);
    const today = dateKey(now, zone);
    const dayStart = startOfDateKey(today, zone);
    const dayEnd = startOfDateKey(addDays(today, 1), zone);
    let twoDays: SheetItem[] | null = null;
    const scope: DeskScope = {
      ctx,
      caller,
      now,
      zone,
      today,
      dayStart,
      dayEnd,
      targetMinutes: readTargetMinutes(ctx),
      // Tomorrow ends one office day after today (no daylight saving in Indonesia: 24 h).
      twoDays: () => (twoDays ??= itemsInWindow(ctx.db, dayStart, dayEnd + 24 * 3_600_000, readAgendaSettings(ctx.db).openEndMinutes * 60_000).items),
    };
    // An OPD contributor's device never runs the public desk, whatever its person's role (deskOnly).
    const opdDevice = boundOpd(ctx) !== null;
    const specs = deskCardsFor(caller.roles, (p) => caller.can(p)).filter((spec) => !(opdDevice && spec.id === 'complaints_due'));
    const cards: DeskCard[] = specs.map((spec) => {
      const t0 = performance.now();
      const answer = QUERIES[spec.id](scope);
      const tookMs = Math.round((performance.now() - t0) * 10) / 10;
      if (tookMs > SLOW_CARD_MS) ctx.logger.warn('home.slow_card', { card: spec.id, tookMs });
      return { id: spec.id, section: spec.section, ...answer, tookMs };
    });
    return { asOfMs: now, zone, today, targetMinutes: scope.targetMinutes, cards };
  },
};
