/**
 * The office's reply templates (issue 14 item 5): a name and a text with placeholders, filled
 * from an item when the desk answers. A template naming a placeholder the desk cannot fill is
 * refused (the contract says which; the rules refuse the same from another machine).
 */
import { WartaError } from '../../../../shared/contract/errors';
import { describeDateKey } from '../../../../shared/format/date-input';
import { fillTemplate, platformsExceeded, replyLength, type DeskTemplate } from '../../../../shared/publicdesk/templates';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { deskCalendar } from './calendar';
import { readItem } from './rows';
import { deskOnly } from './steps';

const list = (ctx: CoreContext): DeskTemplate[] =>
  (ctx.db.prepare('SELECT id, name, body FROM publicdesk_templates WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id').all() as { id: string; name: string | null; body: string | null }[]).map((t) => ({
    id: t.id,
    name: t.name ?? '',
    body: t.body ?? '',
  }));

function readTemplate(ctx: CoreContext, id: string): DeskTemplate {
  const t = list(ctx).find((x) => x.id === id);
  if (!t) throw new WartaError('not_found', 'Templat balasan itu tidak ada.', { id });
  return t;
}

export const templateHandlers: HandlerGroup<'publicdesk.templates.list' | 'publicdesk.templates.save' | 'publicdesk.templates.delete' | 'publicdesk.templates.fill'> = {
  'publicdesk.templates.list': (_input, ctx) => {
    deskOnly(ctx);
    return list(ctx);
  },
  'publicdesk.templates.save': (input, ctx, caller) => {
    deskOnly(ctx);
    const twin = ctx.db.prepare('SELECT 1 FROM publicdesk_templates WHERE lower(name) = lower(?) AND deleted_at IS NULL AND id IS NOT ?').get(input.name, input.id);
    if (twin) throw new WartaError('conflict', `Templat bernama "${input.name}" sudah ada.`, { field: 'name' });
    if (input.id) readTemplate(ctx, input.id);
    const id = ctx.mutator.transaction(() => {
      const saved = input.id ?? ctx.mutator.insert('publicdesk_templates', { name: input.name, body: input.body });
      if (input.id) ctx.mutator.update('publicdesk_templates', input.id, { name: input.name, body: input.body });
      ctx.audit.record(caller, { action: 'publicdesk.template', targetType: 'publicdesk_template', targetId: saved, details: { name: input.name } });
      return saved;
    });
    return { id, name: input.name, body: input.body };
  },
  'publicdesk.templates.delete': (input, ctx, caller) => {
    deskOnly(ctx);
    readTemplate(ctx, input.id);
    ctx.mutator.transaction(() => {
      ctx.mutator.remove('publicdesk_templates', input.id);
      ctx.audit.record(caller, { action: 'publicdesk.template_deleted', targetType: 'publicdesk_template', targetId: input.id });
    });
    return { id: input.id };
  },
  'publicdesk.templates.fill': (input, ctx) => {
    deskOnly(ctx);
    const template = readTemplate(ctx, input.templateId);
    const item = readItem(ctx, input.itemId, deskCalendar(ctx));
    const opds = [...new Set(item.parts.filter((p) => p.status !== 'cancelled').map((p) => p.opdName))].filter(Boolean);
    const text = fillTemplate(template.body, {
      nama: item.anonymous || !item.personName ? 'Bapak/Ibu' : item.personName,
      nomor: item.number,
      tiket: item.ticket || item.number,
      opd: opds.length ? opds.join(', ') : 'OPD terkait',
      hari: item.daysLeft === null ? '-' : String(Math.max(item.daysLeft, 0)),
      tenggat: item.dueDate ? describeDateKey(item.dueDate, 'id') : '-',
      kategori: item.category || '-',
      lokasi: item.location || '-',
    });
    return { text, length: replyLength(text), exceeded: platformsExceeded(text) };
  },
};
