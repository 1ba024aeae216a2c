import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type Ref } from 'react';
import {
  addDaysToDateKey,
  addMinutesToTime,
  describeDateKey,
  formatDateInput,
  formatTimeInput,
  parseDateInput,
  parseTimeInput,
} from '../../shared/format/date-input';
import { useT } from '../i18n/use-t';

type Kind = 'date' | 'time';

export interface DateTimeInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'type'> {
  kind: Kind;
  /** "YYYY-MM-DD" or "HH:MM", or "" when empty. */
  value: string;
  /** Called with "YYYY-MM-DD"/"HH:MM", "" when emptied, or the typed text as it is when it is not a date/time (so a save refuses it instead of keeping the old value silently). */
  onChange: (value: string) => void;
  /** Only say when the text is not a date, not which day it is (a compact filter inside its label). */
  quiet?: boolean;
  /** The text input itself (a form moves the focus to a field it refuses). */
  ref?: Ref<HTMLInputElement>;
}

function todayKey(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The app's own date or time field: a text input in the app's language and the Indonesian forms
 * ("03/12/2026", "08.00") instead of the browser's locale-bound picker. Typing is forgiving
 * (see shared/format/date-input.ts); Up/Down step a day or 15 minutes, PageUp/PageDown a month
 * or an hour; what was understood is shown under the field ("Kamis, 3 Desember 2026"), and text
 * that is not a date says so next to the field.
 */
export function DateTimeInput({ kind, value, onChange, quiet = false, onBlur, onKeyDown, className, 'aria-describedby': describedBy, ...rest }: DateTimeInputProps) {
  const { t, language } = useT();
  const id = useId();
  const show = (v: string) => (kind === 'date' ? formatDateInput(v) : formatTimeInput(v, language));
  const parse = kind === 'date' ? parseDateInput : parseTimeInput;
  const [text, setText] = useState(() => show(value));
  // The value this field last reported: a different one came from outside (a reset, a draft).
  const reported = useRef(value);
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(show(value));
    }
    // Re-shown when the value changes from outside; `show` changes with the language only.
  }, [value]);

  const parsed = parse(text);
  const report = (next: string) => {
    reported.current = next;
    if (next !== value) onChange(next);
  };
  const change = (next: string) => {
    setText(next);
    const p = parse(next);
    report(p.ok ? p.value : next);
  };
  const step = (e: KeyboardEvent<HTMLInputElement>) => {
    const amount = { ArrowUp: 1, ArrowDown: -1, PageUp: 1, PageDown: -1 }[e.key];
    if (amount === undefined || !parsed.ok || rest.readOnly || rest.disabled) return;
    e.preventDefault();
    const big = e.key.startsWith('Page');
    let next: string;
    if (kind === 'date') {
      const base = parsed.value || todayKey();
      next = big ? shiftMonth(base, amount) : parsed.value ? addDaysToDateKey(base, amount) : base;
    } else {
      const base = parsed.value || '08:00';
      next = parsed.value ? addMinutesToTime(base, amount * (big ? 60 : 15)) : base;
    }
    setText(show(next));
    report(next);
  };

  const noteId = `${id}-note`;
  const note = !parsed.ok ? t(kind === 'date' ? 'field.date.invalid' : 'field.time.invalid') : kind === 'date' && parsed.value && !quiet ? describeDateKey(parsed.value, language) : '';
  return (
    <span className={`datetime-input datetime-input--${kind}`}>
      <input
        {...rest}
        type="text"
        inputMode={kind === 'date' ? 'text' : 'numeric'}
        autoComplete="off"
        className={className}
        placeholder={rest.placeholder ?? t(kind === 'date' ? 'field.date.placeholder' : 'field.time.placeholder')}
        value={text}
        aria-invalid={!parsed.ok || rest['aria-invalid'] === true ? true : undefined}
        aria-describedby={[describedBy, note ? noteId : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          onKeyDown?.(e);
          if (!e.defaultPrevented) step(e);
        }}
        onBlur={(e) => {
          // Tidy what was typed into the one form ("3-12-26" → "03/12/2026").
          if (parsed.ok) setText(show(parsed.value));
          onBlur?.(e);
        }}
      />
      {note ? (
        <span id={noteId} className={parsed.ok ? 'datetime-input__note' : 'datetime-input__note field__error'} role={parsed.ok ? undefined : 'alert'}>
          {note}
        </span>
      ) : null}
    </span>
  );
}

/** The same day a month away, clamped to the month's last day (31 January → 28/29 February). */
function shiftMonth(value: string, months: number): string {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return addDaysToDateKey(`${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-01`, Math.min(d, last) - 1);
}
