/**
 * The desk's deadlines in working days per kind: one replicated row; a field never set takes the
 * sourced default (shared/publicdesk/model.ts), and the law's ceilings hold (UU 14/2008).
 */
import { DEADLINE_DEFAULTS, DESK_SETTINGS_ID, type DeadlineSettings } from '../../../../shared/publicdesk/model';
import type { Db } from '../../db/open-database';
import type { HandlerGroup } from '../../rpc/handler-types';
import { deskOnly } from './steps';

const COLUMNS: Record<keyof DeadlineSettings, string> = {
  complaint: 'complaint_days',
  question: 'question_days',
  opd_part: 'opd_part_days',
  info_request: 'info_request_days',
  info_request_extension: 'info_extension_days',
  objection: 'objection_days',
};

export function readDeskSettings(db: Db): DeadlineSettings {
  const row = db.prepare('SELECT * FROM publicdesk_settings WHERE id = ?').get(DESK_SETTINGS_ID) as Record<string, number | null> | undefined;
  const out = { ...DEADLINE_DEFAULTS } as DeadlineSettings;
  for (const k of Object.keys(COLUMNS) as (keyof DeadlineSettings)[]) {
    const v = row?.[COLUMNS[k]];
    if (typeof v === 'number' && v >= 1) out[k] = v;
  }
  return out;
}

export const settingsHandlers: HandlerGroup<'publicdesk.settings.get' | 'publicdesk.settings.save'> = {
  'publicdesk.settings.get': (_input, ctx) => readDeskSettings(ctx.db),
  'publicdesk.settings.save': (input, ctx, caller) => {
    deskOnly(ctx);
    const values = Object.fromEntries((Object.keys(COLUMNS) as (keyof DeadlineSettings)[]).map((k) => [COLUMNS[k], input[k]]));
    ctx.mutator.write('publicdesk_settings', DESK_SETTINGS_ID, values);
    ctx.audit.record(caller, { action: 'publicdesk.settings', targetType: 'publicdesk_settings', targetId: DESK_SETTINGS_ID, details: input });
    return readDeskSettings(ctx.db);
  },
};
