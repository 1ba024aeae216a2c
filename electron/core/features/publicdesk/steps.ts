/**
 * What every step of the desk shares: who and when in the item's history (replicated, written
 * once) and in the audit log (this machine's), and the deadline in working days per kind.
 */
import { WartaError } from '../../../../shared/contract/errors';
import type { DeadlineSettings, DeskAction } from '../../../../shared/publicdesk/model';
import type { Caller } from '../../caller';
import type { CoreContext } from '../../rpc/handler-types';
import { syncEngineOf } from '../../sync/engine';
import { readDeskSettings } from './settings';

export const iso = (ctx: CoreContext): string => new Date(ctx.now()).toISOString();

export function step(
  ctx: CoreContext,
  caller: Caller,
  at: { itemId: string; partId?: string | null; opdId?: string | null },
  action: DeskAction,
  note = '',
  details: Record<string, unknown> = {},
): void {
  ctx.mutator.insert('publicdesk_history', { item_id: at.itemId, part_id: at.partId ?? null, opd_id: at.opdId ?? null, action, actor: caller.name, at: iso(ctx), note });
  ctx.audit.record(caller, { action: `publicdesk.${action}`, targetType: at.partId ? 'publicdesk_part' : 'publicdesk_item', targetId: at.partId ?? at.itemId, details: { itemId: at.itemId, ...details } });
}

/** The OPD this device is bound to (a contributor's), or null at the office. */
export function boundOpd(ctx: CoreContext): string | null {
  return syncEngineOf(ctx).boundOpd;
}

/** The desk's own steps are refused on a contributor's device, whatever its person's role. */
export function deskOnly(ctx: CoreContext): void {
  if (boundOpd(ctx)) throw new WartaError('forbidden', 'Perangkat kontributor OPD tidak mengurus meja aduan; itu tugas Humas.', { permission: 'publicdesk.manage' });
}

/** Working days for a kind of item: the desk's setting, else the sourced default (./settings.ts). */
export function deadlineDays(ctx: CoreContext, kind: keyof DeadlineSettings): number {
  return readDeskSettings(ctx.db)[kind];
}
