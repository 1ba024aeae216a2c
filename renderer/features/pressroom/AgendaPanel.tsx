import { useCallback, useEffect, useState } from 'react';
import type { CalendarItem } from '../../../shared/agenda/event';
import type { Holiday } from '../../../shared/agenda/holidays';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { formatLongDate, formatTime, instantFromZoned, zonedParts } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { call, onEvent } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';

const DAY_MS = 86_400_000;
const PRESS_DAYS = 14;

function startOfToday(zone: ZoneLabel): number {
  const p = zonedParts(Date.now(), zone);
  return instantFromZoned({ year: p.year, month: p.month, day: p.day, hour: 0, minute: 0 }, zone);
}

/**
 * Today's public agenda and the coming press conferences (agenda.read.public: the core gives
 * this caller only items open to the press, without internal notes or coverage staff).
 */
export function AgendaPanel({ zone }: { zone: ZoneLabel }) {
  const { t, language } = useT();
  const [today, setToday] = useState<CalendarItem[] | null>(null);
  const [holidays, setHolidays] = useState<Holiday[]>([]);
  const [press, setPress] = useState<CalendarItem[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const load = useCallback(async () => {
    const start = startOfToday(zone);
    const [day, coming] = await Promise.all([
      call('agenda.range', { from: start, to: start + DAY_MS }),
      call('agenda.range', { from: Date.now(), to: start + (PRESS_DAYS + 1) * DAY_MS, kinds: ['press_conference'] }),
    ]);
    if (!day.ok || !coming.ok) {
      setError(!day.ok ? day.error : !coming.ok ? coming.error : null);
      return;
    }
    setError(null);
    setToday([...day.value.items].sort((a, b) => a.startMs - b.startMs));
    setHolidays(day.value.holidays);
    setPress([...coming.value.items].sort((a, b) => a.startMs - b.startMs));
  }, [zone]);

  useEffect(() => {
    void load();
    // New items, and the day rolling over while the kiosk stays open.
    const timer = setInterval(() => void load(), 5 * 60_000);
    const off = onEvent('data.changed', ({ tables }) => {
      if (tables.some((name) => name.startsWith('agenda'))) void load();
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, [load]);

  function when(item: CalendarItem, withDate: boolean): string {
    if (item.allDay) return withDate ? `${formatLongDate(item.startMs, zone, language)} · ${t('kiosk.agenda.allDay')}` : t('kiosk.agenda.allDay');
    const start = formatTime(item.startMs, zone, language);
    const end = item.endMs ? formatTime(item.endMs, zone, language) : t('kiosk.agenda.untilDone');
    // "09.00–11.00 WIB": the zone once, at the end.
    const time = `${start.slice(0, 5)}–${end}`;
    return withDate ? `${formatLongDate(item.startMs, zone, language)} · ${time}` : time;
  }

  function row(item: CalendarItem, withDate: boolean) {
    const off = item.status === 'cancelled' || item.status === 'postponed';
    return (
      <li key={item.key} className={off ? 'kiosk-agenda--off' : undefined}>
        <p className="kiosk-list__meta kiosk-agenda__time">{when(item, withDate)}</p>
        <p className="kiosk-list__title">{item.title}</p>
        <p className="kiosk-list__meta">
          {[
            item.placeName,
            item.usesPressRoom ? t('kiosk.agenda.pressRoom') : '',
            item.status !== 'confirmed' ? t(`kiosk.status.${item.status}` as const) : '',
            item.status === 'represented' && item.representedBy ? t('kiosk.agenda.representedBy', { name: item.representedBy }) : '',
            item.dressCode ? t('kiosk.agenda.dress', { dress: item.dressCode }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </li>
    );
  }

  return (
    <section className="kiosk-panel" aria-labelledby="kiosk-agenda-title">
      <h2 id="kiosk-agenda-title">{t('kiosk.agenda.title')}</h2>
      <p className="kiosk-panel__intro">{t('kiosk.agenda.today', { date: formatLongDate(Date.now(), zone, language) })}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {holidays.map((h) => (
        <p key={h.id} className="kiosk-list__meta">
          {t('kiosk.agenda.holiday', { name: h.name })}
        </p>
      ))}
      {today && today.length === 0 ? <p className="empty">{t('kiosk.agenda.none')}</p> : null}
      {today && today.length > 0 ? (
        <ul className="kiosk-list kiosk-list--agenda" data-testid="kiosk-agenda-today">
          {today.map((item) => row(item, false))}
        </ul>
      ) : null}
      <h3 className="kiosk-panel__subtitle">{t('kiosk.agenda.pressTitle')}</h3>
      {press && press.length === 0 ? <p className="empty">{t('kiosk.agenda.pressNone')}</p> : null}
      {press && press.length > 0 ? (
        <ul className="kiosk-list kiosk-list--agenda" data-testid="kiosk-agenda-press">
          {press.map((item) => row(item, true))}
        </ul>
      ) : null}
    </section>
  );
}
