/**
 * Who works an item and who heads the desk (issue 14 item 3): the deadline reminders
 * (./reminders.ts) go to the item's assignee, and of every late item to the head. Both are staff
 * accounts whose roles hold `publicdesk.manage`.
 */
import { WartaError } from '../../../../shared/contract/errors';
import type { DeskStaff } from '../../../../shared/contract/methods/publicdesk-replies';
import { permissionsOf } from '../../../../shared/contract/permissions';
import { DESK_SETTINGS_ID, OPEN_DESK_STATUSES, type DeskStatus } from '../../../../shared/publicdesk/model';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { createAccountsStore } from '../people/accounts-store';
import { deskCalendar } from './calendar';
import { readItem, readItemRow } from './rows';
import { deskOnly } from './steps';

function deskStaff(ctx: CoreContext): DeskStaff {
  const staff = createAccountsStore(ctx.db)
    .list()
    .filter((a) => a.active && permissionsOf(a.roles).has('publicdesk.manage'))
    .map((a) => ({ id: a.id, name: a.name }));
  const headId = (ctx.db.prepare('SELECT head_id FROM publicdesk_settings WHERE id = ?').pluck().get(DESK_SETTINGS_ID) as string | null | undefined) ?? null;
  return { staff, headId };
}

function deskPerson(ctx: CoreContext, id: string, field: string): void {
  if (!deskStaff(ctx).staff.some((s) => s.id === id)) throw new WartaError('not_found', 'Akun itu tidak ada atau tidak mengurus meja aduan.', { field });
}

export const assignHandlers: HandlerGroup<'publicdesk.assign' | 'publicdesk.staff' | 'publicdesk.head.save'> = {
  'publicdesk.staff': (_input, ctx) => {
    deskOnly(ctx);
    return deskStaff(ctx);
  },
  'publicdesk.assign': (input, ctx, caller) => {
    deskOnly(ctx);
    const row = readItemRow(ctx, input.id);
    if (!OPEN_DESK_STATUSES.includes(row.status as DeskStatus)) throw new WartaError('conflict', 'Aduan ini sudah ditutup atau digabung.', { id: input.id, status: row.status });
    if (input.assigneeId) deskPerson(ctx, input.assigneeId, 'assigneeId');
    ctx.mutator.transaction(() => {
      ctx.mutator.update('publicdesk_items', input.id, { assignee_id: input.assigneeId });
      ctx.audit.record(caller, { action: 'publicdesk.assigned', targetType: 'publicdesk_item', targetId: input.id, details: { assigneeId: input.assigneeId } });
    });
    return readItem(ctx, input.id, deskCalendar(ctx));
  },
  'publicdesk.head.save': (input, ctx, caller) => {
    deskOnly(ctx);
    if (input.headId) deskPerson(ctx, input.headId, 'headId');
    ctx.mutator.transaction(() => {
      ctx.mutator.write('publicdesk_settings', DESK_SETTINGS_ID, { head_id: input.headId });
      ctx.audit.record(caller, { action: 'publicdesk.head', targetType: 'publicdesk_settings', targetId: DESK_SETTINGS_ID, details: { headId: input.headId } });
    });
    return deskStaff(ctx);
  },
};
