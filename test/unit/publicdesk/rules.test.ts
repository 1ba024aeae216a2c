/**
 * The public desk's rules (shared/): working-day deadlines over weekends, national holidays and
 * cuti bersama, days left, a year without holiday data flagged; and what a contributor's device
 * may write to a disposition, judged by the same rule the core and the server call.
 */
import { describe, expect, it } from 'vitest';
import { deadlineView, dueDateOf, workingDaysLeft } from '../../../shared/publicdesk/deadlines';
import { permissionsOf } from '../../../shared/contract/permissions';
import { RULEBOOK } from '../../../shared/rules/rulebook';
import type { Actor, Row, RuleInput } from '../../../shared/rules/types';

const OFF = new Set(['2026-12-24', '2026-12-25', '2027-01-01']);

describe('working-day deadlines', () => {
  it('skip weekends, national holidays and cuti bersama', () => {
    expect(dueDateOf('2026-12-18', 10, OFF)).toBe('2027-01-06');
    expect(dueDateOf('2026-12-18', 10, new Set())).toBe('2027-01-01');
    // Received on a Saturday: counted from Monday.
    expect(dueDateOf('2026-12-19', 1, OFF)).toBe('2026-12-22');
    // An extension runs from the first deadline.
    expect(dueDateOf('2027-01-06', 7, OFF)).toBe('2027-01-15');
  });

  it('days left: 0 due today, negative when late, weekends and holidays not counted', () => {
    expect(workingDaysLeft('2026-12-23', '2026-12-23', OFF)).toBe(0);
    expect(workingDaysLeft('2026-12-23', '2026-12-28', OFF)).toBe(1);
    expect(workingDaysLeft('2026-12-28', '2026-12-23', OFF)).toBe(-1);
    expect(workingDaysLeft('2027-01-04', '2026-12-23', OFF)).toBe(-5);
  });

  it('a span reaching a year without holiday data is flagged', () => {
    expect(deadlineView('2027-12-20', '2028-01-31', OFF, new Set([2026, 2027])).holidaysMissing).toEqual([2028]);
    expect(deadlineView('2026-12-20', '2027-01-06', OFF, new Set([2026, 2027])).holidaysMissing).toEqual([]);
    expect(deadlineView('2026-12-20', null, OFF, new Set())).toEqual({ dueDate: null, daysLeft: null, holidaysMissing: [] });
  });
});

const contributor = (opdId: string | null): Actor => {
  const permissions = permissionsOf(['opd_contributor']);
  return { can: (p) => permissions.has(p), permissions, deviceId: 'dev-a', opdId };
};

function judge(actor: Actor, before: Row | null, fields: Row, table: 'publicdesk_parts' | 'publicdesk_history' | 'publicdesk_files' | 'publicdesk_items' = 'publicdesk_parts', parent: Row | null = null) {
  const input: RuleInput = {
    actor,
    table,
    rowId: 'p1',
    hlc: '0',
    now: Date.now(),
    before,
    fields,
    after: { ...(before ?? {}), ...fields },
    beforeClock: () => undefined,
    row: () => parent,
    rowClock: () => undefined,
    batch: { changesOf: () => [], all: () => [] },
  };
  return RULEBOOK[table].check?.(input) ?? null;
}

describe('a PPID decision', () => {
  const desk: Actor = (() => {
    const permissions = permissionsOf(['editor']);
    return { can: (p) => permissions.has(p), permissions, deviceId: 'desk', opdId: null };
  })();
  const item: Row = { kind: 'info_request', status: 'verified', decision: null, exemption_basis: null };
  it('refused or partial only with the exemption’s legal basis', () => {
    expect(judge(desk, item, { decision: 'refused', exemption_basis: '' }, 'publicdesk_items')).toMatchObject({ code: 'invalid_value', field: 'exemption_basis' });
    expect(judge(desk, item, { decision: 'partial' }, 'publicdesk_items')?.field).toBe('exemption_basis');
    expect(judge(desk, { ...item, decision: 'refused', exemption_basis: 'Pasal 17 huruf h' }, { exemption_basis: '   ' }, 'publicdesk_items')?.field).toBe('exemption_basis');
    expect(judge(desk, item, { decision: 'refused', exemption_basis: 'UU 14/2008 pasal 17 huruf h' }, 'publicdesk_items')).toBeNull();
    expect(judge(desk, item, { decision: 'granted' }, 'publicdesk_items')).toBeNull();
  });
});

describe('a contributor and a disposition', () => {
  const part: Row = { item_id: 'i1', opd_id: 'opd-a', status: 'open', summary: 'Jalan berlubang', due_date: '2026-12-23' };

  it('answers or asks for more time on its own OPD’s open part', () => {
    expect(judge(contributor('opd-a'), part, { status: 'answered', answer: 'Sudah ditambal', answered_at: '2026-12-21T01:00:00.000Z', answered_by: 'DPU' })).toBeNull();
    expect(judge(contributor('opd-a'), part, { status: 'extension_asked', extension_reason: 'Aspal habis', extension_days: 2 })).toBeNull();
  });

  it('never another OPD’s part, never the desk’s fields, never a closed part, never a new part', () => {
    expect(judge(contributor('opd-b'), part, { status: 'answered', answer: 'x' })?.field).toBe('opd_id');
    expect(judge(contributor(null), part, { answer: 'x' })?.code).toBe('table_forbidden');
    expect(judge(contributor('opd-a'), part, { due_date: '2027-03-01' })).toMatchObject({ code: 'field_forbidden', field: 'due_date' });
    expect(judge(contributor('opd-a'), part, { status: 'cancelled' })).toMatchObject({ code: 'field_forbidden', field: 'status' });
    expect(judge(contributor('opd-a'), { ...part, status: 'answered' }, { answer: 'ubah' })?.code).toBe('wrong_state');
    expect(judge(contributor('opd-a'), null, { ...part })?.code).toBe('table_forbidden');
  });

  it('records only its own steps and attaches only its answer’s files', () => {
    expect(judge(contributor('opd-a'), null, { item_id: 'i1', part_id: 'p1', opd_id: 'opd-a', action: 'part_answered' }, 'publicdesk_history', part)).toBeNull();
    expect(judge(contributor('opd-a'), null, { item_id: 'i1', part_id: 'p1', opd_id: 'opd-a', action: 'closed' }, 'publicdesk_history', part)?.field).toBe('action');
    expect(judge(contributor('opd-a'), null, { item_id: 'i1', part_id: 'p1', opd_id: 'opd-a', action: 'part_answered' }, 'publicdesk_history', { ...part, opd_id: 'opd-b' })?.field).toBe('opd_id');
    expect(judge(contributor('opd-a'), null, { item_id: 'i1', part_id: 'p1', opd_id: 'opd-a', purpose: 'post' }, 'publicdesk_files', part)?.field).toBe('purpose');
    expect(judge(contributor('opd-a'), null, { item_id: 'i1', opd_id: 'opd-a', purpose: 'answer' }, 'publicdesk_files', null)?.field).toBe('opd_id');
  });

  it('the desk reads items; a contributor never', () => {
    const rows = RULEBOOK.publicdesk_items.read.rows;
    const viewer = (opdId: string | null, role: 'editor' | 'opd_contributor') => {
      const p = permissionsOf([role]);
      return { can: (x: Parameters<typeof p.has>[0]) => p.has(x), deviceId: 'd', role, opdId };
    };
    expect(rows?.({}, viewer(null, 'editor'))).toBe(true);
    expect(rows?.({}, viewer('opd-a', 'opd_contributor'))).toBe(false);
    expect(RULEBOOK.publicdesk_parts.read.rows?.({ opd_id: 'opd-a' }, viewer('opd-a', 'opd_contributor'))).toBe(true);
    expect(RULEBOOK.publicdesk_parts.read.rows?.({ opd_id: 'opd-b' }, viewer('opd-a', 'opd_contributor'))).toBe(false);
  });
});
