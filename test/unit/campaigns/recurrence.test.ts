/** Campaign recurrence: weekly days, nth weekday of the month, date ranges, and rules that never occur. */
import { describe, expect, it } from 'vitest';
import { describeRecurrence, firstOccurrence, occurrencesIn, occursOn, recurrenceProblem, type Recurrence } from '../../../shared/campaigns/recurrence';

const rule = (over: Partial<Recurrence>): Recurrence => ({ kind: 'weekly', weekdays: [], nth: null, weekday: null, startDate: null, endDate: null, ...over });

describe('campaign recurrence', () => {
  it('every Tuesday: the Tuesdays of December 2026', () => {
    const tuesdays = rule({ weekdays: [2] });
    expect(occurrencesIn(tuesdays, '2026-12-01', '2026-12-31')).toEqual(['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29']);
    expect(describeRecurrence(tuesdays, 'id')).toBe('Setiap Selasa');
    expect(describeRecurrence(tuesdays, 'en')).toBe('Every Tuesday');
  });

  it('every first Monday, and the last Friday, of the month', () => {
    const firstMonday = rule({ kind: 'monthly_nth', nth: 1, weekday: 1 });
    expect(occurrencesIn(firstMonday, '2026-11-01', '2027-01-31')).toEqual(['2026-11-02', '2026-12-07', '2027-01-04']);
    expect(describeRecurrence(firstMonday, 'id')).toBe('Setiap Senin pertama dalam sebulan');
    const lastFriday = rule({ kind: 'monthly_nth', nth: -1, weekday: 5 });
    expect(occurrencesIn(lastFriday, '2026-12-01', '2027-01-31')).toEqual(['2026-12-25', '2027-01-29']);
  });

  it('a date range runs every day of it, and a weekly rule stays inside its window', () => {
    const hariJadi = rule({ kind: 'range', startDate: '2026-12-20', endDate: '2026-12-23' });
    expect(occurrencesIn(hariJadi, '2026-12-01', '2026-12-31')).toEqual(['2026-12-20', '2026-12-21', '2026-12-22', '2026-12-23']);
    expect(occursOn(hariJadi, '2026-12-24')).toBe(false);
    const ramadanFridays = rule({ weekdays: [5], startDate: '2027-02-08', endDate: '2027-03-09' });
    expect(occurrencesIn(ramadanFridays, '2027-01-01', '2027-12-31')).toEqual(['2027-02-12', '2027-02-19', '2027-02-26', '2027-03-05']);
    expect(firstOccurrence(ramadanFridays, '2027-03-06')).toBeNull();
  });

  it('a rule that never occurs is refused with what to change', () => {
    expect(recurrenceProblem(rule({ weekdays: [] }))?.field).toBe('weekdays');
    // The fifth Monday inside a range that holds none (1–28 February 2027).
    const never = recurrenceProblem(rule({ kind: 'monthly_nth', nth: 5, weekday: 1, startDate: '2027-02-01', endDate: '2027-02-28' }));
    expect(never).toMatchObject({ field: 'nth', id: expect.stringContaining('tidak pernah') as unknown, en: expect.stringContaining('never') as unknown });
    expect(recurrenceProblem(rule({ kind: 'range', startDate: '2026-12-10', endDate: '2026-12-01' }))?.field).toBe('endDate');
    expect(recurrenceProblem(rule({ kind: 'range', startDate: '2026-12-10', endDate: null }))?.field).toBe('endDate');
    expect(recurrenceProblem(rule({ kind: 'range', startDate: '2026-01-01', endDate: '2028-01-01' }))?.id).toContain('400 hari');
    expect(recurrenceProblem(rule({ kind: 'monthly_nth', nth: 5, weekday: 1 }))).toBeNull();
  });
});
