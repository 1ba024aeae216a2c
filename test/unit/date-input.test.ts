/**
 * The app's own date and time fields: what they accept, what they refuse, how they show a value
 * (Indonesian forms, not the browser's locale), and the keyboard steps.
 */
import { describe, expect, it } from 'vitest';
import {
  addDaysToDateKey,
  addMinutesToTime,
  describeDateKey,
  formatDateInput,
  formatTimeInput,
  parseDateInput,
  parseTimeInput,
} from '../../shared/format/date-input';

describe('date field', () => {
  it('reads the ways people write a date, day first', () => {
    for (const text of ['3/12/2026', '03/12/2026', '03-12-2026', '3.12.2026', '3/12/26', '03122026', '2026-12-03', '3 Desember 2026', '3 des 2026', '3 Des. 2026', 'Kamis, 3 Desember 2026', '3 December 2026', ' 03 / 12 / 2026 ']) {
      expect(parseDateInput(text), text).toEqual({ ok: true, value: '2026-12-03' });
    }
    expect(parseDateInput('')).toEqual({ ok: true, value: '' });
    expect(parseDateInput('   ')).toEqual({ ok: true, value: '' });
  });

  it('refuses what is not a day of the calendar instead of guessing', () => {
    for (const text of ['31/02/2026', '29/02/2027', '00/12/2026', '12/13/2026', '3/12', 'besok', '3 Dx 2026', '2026-02-30', '32122026', '3/12/20261', '1/1/1800']) {
      expect(parseDateInput(text), text).toEqual({ ok: false });
    }
    expect(parseDateInput('29/02/2028')).toEqual({ ok: true, value: '2028-02-29' });
  });

  it('shows a stored date in the Indonesian short form and says which day it is', () => {
    expect(formatDateInput('2026-12-03')).toBe('03/12/2026');
    expect(formatDateInput('')).toBe('');
    expect(formatDateInput('3/12')).toBe('3/12');
    expect(describeDateKey('2026-12-03', 'id')).toBe('Kamis, 3 Desember 2026');
    expect(describeDateKey('2026-12-03', 'en')).toBe('Thursday, 3 December 2026');
    expect(describeDateKey('nope', 'id')).toBe('');
  });

  it('steps across month and year ends', () => {
    expect(addDaysToDateKey('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToDateKey('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDaysToDateKey('', 1)).toBe('');
  });
});

describe('time field', () => {
  it('reads hours alone, with a dot, a colon, a space or nothing between', () => {
    for (const [text, value] of [
      ['8', '08:00'],
      ['08', '08:00'],
      ['830', '08:30'],
      ['0830', '08:30'],
      ['8.30', '08:30'],
      ['08:30', '08:30'],
      ['8 30', '08:30'],
      ['23.59', '23:59'],
      ['0', '00:00'],
      ['', ''],
    ] as const) {
      expect(parseTimeInput(text), text).toEqual({ ok: true, value });
    }
  });

  it('refuses impossible times and twelve-hour forms it would have to guess', () => {
    for (const text of ['24.00', '8.60', '8.5', '12345', 'pagi', '8:30 AM', '-1']) {
      expect(parseTimeInput(text), text).toEqual({ ok: false });
    }
  });

  it('shows a dot in Indonesian and a colon in English, and wraps steps around midnight', () => {
    expect(formatTimeInput('08:30', 'id')).toBe('08.30');
    expect(formatTimeInput('08:30', 'en')).toBe('08:30');
    expect(formatTimeInput('', 'id')).toBe('');
    expect(addMinutesToTime('23:50', 15)).toBe('00:05');
    expect(addMinutesToTime('00:05', -15)).toBe('23:50');
    expect(addMinutesToTime('08:00', 60)).toBe('09:00');
  });
});
