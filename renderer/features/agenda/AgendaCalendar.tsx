import FullCalendar, { type CalendarRef, type DatesSetInfo, type EventDropInfo, type EventResizeDoneInfo } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import idLocale from '@fullcalendar/react/locales/id';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { memo, useMemo, type Ref } from 'react';
import type { CalendarItem } from '../../../shared/agenda/event';
import type { Holiday } from '../../../shared/agenda/holidays';
import { dateKey, type EventZone } from '../../../shared/agenda/zones';
import { formatDateKey } from '../../../shared/format/dates';
import { useT } from '../../i18n/use-t';
import { MONTH_CELL_ROWS, monthCells, type MonthCells } from '../../../shared/agenda/month-cells';

/** One colour per kind (the same as the filter swatches in agenda.css). */
const KIND_COLOR: Record<CalendarItem['kind'], string> = {
  leader_agenda: '#1f5f8b',
  press_conference: '#a3501b',
  media_gathering: '#6b3fa0',
  internal_meeting: '#3d7a45',
  campaign_day: '#8a6d1f',
};

const MORE_PREFIX = 'more-';
/** The link colour of the theme: FullCalendar paints an event's text itself, over our stylesheet. */
const MORE_TEXT = '#1f5f8b';

/** Module-level so each render hands FullCalendar the same list (a new array reads as a changed option). */
const PLUGINS = [classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];

export type AgendaView = 'dayGridMonth' | 'timeGridWeek' | 'timeGridDay' | 'listWeek';

interface Props {
  calendarRef: Ref<CalendarRef>;
  view: AgendaView;
  timeZone: string;
  /** The office's zone label, for the day a month cell holds an item. */
  zone: EventZone;
  language: 'id' | 'en';
  items: CalendarItem[];
  /** Days the core already left items out of (agenda.range with `perDay`). */
  more: MonthCells['more'];
  holidays: Holiday[];
  editable: boolean;
  onRange(from: number, to: number, view: string, title: string, currentStart: number): void;
  onOpen(item: CalendarItem): void;
  onMove(item: CalendarItem, startMs: number, endMs: number | null, revert: () => void): void;
  onDate(dateKey: string): void;
}

/**
 * FullCalendar in the office's zone; the core's items in, drags and clicks out. Memoised: the page
 * re-renders for its own state (title, people, notices), which must not make FullCalendar
 * re-render its grid; the page hands stable callbacks for that.
 */
export const AgendaCalendar = memo(function AgendaCalendar({ calendarRef, view, timeZone, zone, language, items, more, holidays, editable, onRange, onOpen, onMove, onDate }: Props) {
  const { t } = useT();
  const cancelledWord = t('agenda.status.cancelled');
  const byKey = useMemo(() => new Map(items.map((i) => [i.key, i])), [items]);
  // The month grid draws four rows a day: it gets those and a count per day, not every item.
  // The core trims when asked for a month; trimming here as well keeps the grid right while an
  // answer for another view is still on screen, and adds nothing to days the core already trimmed.
  const cells = useMemo((): MonthCells => {
    if (view !== 'dayGridMonth') return { shown: items, more: [] };
    const local = monthCells(items, zone);
    const counts = new Map(more.map((m) => [m.date, m.count]));
    for (const m of local.more) counts.set(m.date, (counts.get(m.date) ?? 0) + m.count);
    return { shown: local.shown, more: [...counts].map(([date, count]) => ({ date, count })) };
  }, [items, more, view, zone]);
  const moreByDate = useMemo(() => new Map(cells.more.map((m) => [m.date, m.count])), [cells]);
  const events = useMemo(
    () => [
      ...cells.shown.map((i) => ({
        id: i.key,
        title: i.title,
        start: new Date(i.startMs),
        end: i.endMs === null ? undefined : new Date(i.endMs),
        allDay: i.allDay,
        color: KIND_COLOR[i.kind],
        // FullCalendar 7 takes one class string (`className`); an array under the v6 name is ignored.
        className: [`agenda-ev`, `agenda-ev--${i.kind}`, `agenda-ev--${i.status}`, i.recurring ? 'agenda-ev--recurring' : ''].filter(Boolean).join(' '),
        editable: editable && i.status !== 'cancelled',
        order: 0,
      })),
      // The count of a full day comes last in its cell and opens the day.
      ...cells.more.map((m) => ({ id: `${MORE_PREFIX}${m.date}`, title: t('agenda.more', { count: String(m.count) }), start: m.date, allDay: true, display: 'block', color: 'transparent', contrastColor: MORE_TEXT, className: 'agenda-more', editable: false, order: 1 })),
      // In the month grid the name goes beside the day number (dayCellTopContent): as the shading's
      // own text it was drawn over the number and the events.
      ...holidays.map((h) => ({ id: `holiday-${h.id}`, title: view === 'dayGridMonth' ? '' : h.name, start: h.date, allDay: true, display: 'background', color: h.kind === 'cuti_bersama' ? '#f6c879' : '#f08a80', className: `agenda-holiday agenda-holiday--${h.kind}` })),
    ],
    [cells, holidays, editable, t, view],
  );
  const holidayByDate = useMemo(() => new Map(holidays.map((h) => [h.date, h])), [holidays]);

  const handleChange = (info: EventDropInfo | EventResizeDoneInfo) => {
    const item = byKey.get(info.event.id);
    const start = info.event.start;
    if (!item || !start) return info.revert();
    const end = info.event.end;
    // An open end stays open when only dragged; a resize gives it an end.
    const keepOpen = item.endMs === null && !('endDelta' in info);
    onMove(item, start.getTime(), keepOpen ? null : end ? end.getTime() : item.endMs === null ? null : start.getTime() + (item.endMs - item.startMs), info.revert);
  };

  return (
    <FullCalendar
      ref={calendarRef}
      plugins={PLUGINS}
      initialView={view}
      headerToolbar={false}
      timeZone={timeZone}
      locale={language === 'id' ? idLocale : 'en'}
      firstDay={1}
      height="auto"
      events={events}
      editable={editable}
      eventDurationEditable={editable}
      snapDuration="00:15"
      slotMinTime="06:00"
      slotMaxTime="23:00"
      nowIndicator
      dayMaxEvents={MONTH_CELL_ROWS}
      listItemEventInnerClass="agenda-ev__inner"
      listItemEventTitleClass="agenda-ev__title"
      blockEventTitleClass="agenda-ev__title"
      dayCellTopContent={(info) => {
        // The cell's date is the instant its day starts in the calendar's zone (the office's).
        const holiday = view === 'dayGridMonth' ? holidayByDate.get(dateKey(info.date.getTime(), zone)) : undefined;
        if (!holiday) return info.dayNumberText;
        return (
          <span className="agenda-daytop">
            <span className={`agenda-holiday-name agenda-holiday-name--${holiday.kind}`}>{holiday.name}</span>
            <span className="agenda-daytop__number">{info.dayNumberText}</span>
          </span>
        );
      }}
      eventOrder="order,start,-duration,allDay,title"
      eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
      slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
      datesSet={(info: DatesSetInfo) => onRange(info.view.activeStart.getTime(), info.view.activeEnd.getTime(), info.view.type, info.view.title, info.view.currentStart.getTime())}
      eventClick={(info) => {
        info.jsEvent.preventDefault();
        if (info.event.id.startsWith(MORE_PREFIX)) return onDate(info.event.id.slice(MORE_PREFIX.length));
        const item = byKey.get(info.event.id);
        if (item) onOpen(item);
      }}
      dateClick={(info) => onDate(info.dateStr.slice(0, 10))}
      eventDrop={handleChange}
      eventResize={handleChange}
      eventDidMount={(info) => {
        // Events are reachable by keyboard: Tab to one, Enter opens it.
        if (info.event.id.startsWith(MORE_PREFIX)) {
          const date = info.event.id.slice(MORE_PREFIX.length);
          info.el.setAttribute('tabindex', '0');
          info.el.setAttribute('role', 'button');
          info.el.setAttribute('data-testid', 'agenda-more');
          info.el.setAttribute('aria-label', t('agenda.more.label', { count: String(moreByDate.get(date) ?? 0), date: formatDateKey(date, language) }));
          info.el.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onDate(date);
            }
          });
          return;
        }
        const item = byKey.get(info.event.id);
        if (!item) return;
        info.el.setAttribute('tabindex', '0');
        info.el.setAttribute('role', 'button');
        info.el.setAttribute('data-testid', 'agenda-event');
        // Not by the strike alone: the state is in the name a screen reader reads.
        if (item.status === 'cancelled') info.el.setAttribute('aria-label', `${cancelledWord}: ${item.title}`);
        info.el.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onOpen(item);
          }
        });
      }}
    />
  );
});
