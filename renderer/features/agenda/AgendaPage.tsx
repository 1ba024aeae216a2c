import type { CalendarRef } from '@fullcalendar/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EVENT_KINDS, type AgendaEvent, type CalendarItem, type EventKind } from '../../../shared/agenda/event';
import { dateKey, isZoneLabel } from '../../../shared/agenda/zones';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { SaveResult } from '../../../shared/contract/methods/agenda';
import { formatDateTime } from '../../../shared/format/dates';
import { TIME_ZONES } from '../../../shared/office/time-zones';
import { call, onEvent } from '../../api/client';
import { useNavigation } from '../../app/navigation-store';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { useT } from '../../i18n/use-t';
import { useOfficeStore } from '../office/office-store';
import { useCan } from '../people/session-store';
import { MONTH_CELL_ROWS } from '../../../shared/agenda/month-cells';
import { AgendaCalendar, type AgendaView } from './AgendaCalendar';
import { useAgendaStore } from './agenda-store';
import { ConflictList } from './ConflictList';
import { DaySheetPanel } from './DaySheetPanel';
import { downloadText } from './download';
import { emptyForm, formOf, type EventForm } from './event-form-model';
import { EventDetail } from './EventDetail';
import { EventFormDialog } from './EventFormDialog';
import { clearFormDraft, loadFormDraft } from './form-draft';
import { IcsImportDialog } from './IcsImportDialog';
import './agenda.css';

const VIEWS: { view: AgendaView; key: 'agenda.view.month' | 'agenda.view.week' | 'agenda.view.day' | 'agenda.view.list' }[] = [
  { view: 'dayGridMonth', key: 'agenda.view.month' },
  { view: 'timeGridWeek', key: 'agenda.view.week' },
  { view: 'timeGridDay', key: 'agenda.view.day' },
  { view: 'listWeek', key: 'agenda.view.list' },
];

/** The leaders' calendar: month/week/day/list, filters, drag with undo, day sheet, ICS. */
export function AgendaPage() {
  const { t, language } = useT();
  // Only what the core would accept is offered: the agenda is read-only without agenda.write.
  const canWrite = useCan('agenda.write');
  const profile = useOfficeStore((s) => s.profile);
  const zone = profile && isZoneLabel(profile.timeZone) ? profile.timeZone : 'WIB';
  const s = useAgendaStore();
  const calRef = useRef<CalendarRef>(null);
  const [view, setView] = useState<AgendaView>('dayGridMonth');
  const [title, setTitle] = useState('');
  const [day, setDay] = useState(() => dateKey(Date.now(), zone));
  // The month's items are asked for now, while FullCalendar draws its empty grid, rather than
  // after it reports its dates (its first render and the query no longer run one after the other).
  useState(() => s.loadMonthEarly(day, zone));
  const [selected, setSelected] = useState<CalendarItem | null>(null);
  // A form left half-filled by a reload opens again with what was typed.
  const [form, setForm] = useState<EventForm | null>(() => loadFormDraft());
  const [importing, setImporting] = useState(false);
  const openedIcs = useNavigation((n) => n.openedIcs);
  const [saved, setSaved] = useState<SaveResult | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    void s.loadPeople();
    return onEvent('data.changed', ({ tables }) => {
      if (tables.some((x) => x.startsWith('agenda_'))) void useAgendaStore.getState().reload();
      if (tables.includes('officials') || tables.includes('coverage_staff') || tables.includes('agenda_settings')) void useAgendaStore.getState().loadPeople();
    });
  }, [s.loadPeople]);

  const undo = useCallback(async () => {
    setError(await useAgendaStore.getState().undoMove());
  }, []);

  // Ctrl+Z undoes the last move while the calendar is open (not while typing in a field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName);
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !typing && useAgendaStore.getState().undo) {
        e.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  const api = () => calRef.current?.getApi();
  const changeView = (v: AgendaView) => {
    setView(v);
    api()?.changeView(v);
  };
  // The calendar's callbacks keep their identity across renders (AgendaCalendar is memoised).
  const openDay = useCallback((key: string) => {
    setDay(key);
    setView('timeGridDay');
    calRef.current?.getApi().changeView('timeGridDay', key);
  }, []);

  const onMove = useCallback((item: CalendarItem, startMs: number, endMs: number | null, revert: () => void) => {
    void useAgendaStore
      .getState()
      .move(item, startMs, endMs)
      .then((r) => {
        if (!r.ok) {
          revert();
          setError(r.error);
        } else {
          setError(null);
          setSaved(r.value.conflicts.length > 0 ? r.value : null);
        }
      });
  }, []);

  const onRange = useCallback(
    (from: number, to: number, v: string, viewTitle: string, currentStart: number) => {
      setTitle(viewTitle);
      setView(v as AgendaView);
      if (v === 'timeGridDay') setDay(dateKey(currentStart, zone));
      // The month grid asks for its rows a day; the core counts the rest ("+N lagi").
      void useAgendaStore.getState().loadRange(from, to, v === 'dayGridMonth' ? MONTH_CELL_ROWS : undefined);
    },
    [zone],
  );

  /** A plain occurrence opens its series (changes apply to all); a moved occurrence opens itself. */
  function edit(event: AgendaEvent) {
    setForm(formOf(event, zone));
    setSelected(null);
  }

  async function exportIcs() {
    const leader = s.leaderFilter.length === 1 ? s.leaderFilter[0]! : null;
    const r = await call('agenda.ics.export', { leaderId: leader });
    if (!r.ok) return setError(r.error);
    downloadText(r.value.fileName, 'text/calendar', r.value.text);
  }

  const leaders = s.officials.filter((o) => o.isLeader && o.active);
  const toggleLeader = (id: string) => s.setLeaderFilter(s.leaderFilter.includes(id) ? s.leaderFilter.filter((x) => x !== id) : [...s.leaderFilter, id]);
  const toggleKind = (k: EventKind) => s.setKindFilter(s.kindFilter.includes(k) ? s.kindFilter.filter((x) => x !== k) : [...s.kindFilter, k]);

  return (
    <section className="page agenda-page" aria-labelledby="page-title">
      <div className="agenda-head">
        <PageHeading>{t('agenda.title')}</PageHeading>
        <div className="agenda-head__actions">
          {canWrite ? (
            <>
              <button type="button" className="button button--primary" onClick={() => setForm(emptyForm(day, zone))}>
                {t('agenda.new')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setImporting(true)}>
                {t('agenda.import')}
              </button>
            </>
          ) : null}
          <button type="button" className="button button--secondary" onClick={() => void exportIcs()}>
            {t('agenda.export')}
          </button>
        </div>
      </div>

      <div className="agenda-toolbar">
        <div className="agenda-nav">
          <button type="button" className="button button--small button--secondary" onClick={() => api()?.prev()} aria-label={t('agenda.prev')}>
            ‹
          </button>
          <button type="button" className="button button--small button--secondary" onClick={() => api()?.today()}>
            {t('agenda.today')}
          </button>
          <button type="button" className="button button--small button--secondary" onClick={() => api()?.next()} aria-label={t('agenda.next')}>
            ›
          </button>
          <h2 className="agenda-nav__title" aria-live="polite">
            {title}
          </h2>
        </div>
        <div className="agenda-views" role="group" aria-label={t('agenda.views')}>
          {VIEWS.map((v) => (
            <button key={v.view} type="button" className={`button button--small ${view === v.view ? 'button--primary' : 'button--secondary'}`} aria-pressed={view === v.view} onClick={() => changeView(v.view)}>
              {t(v.key)}
            </button>
          ))}
        </div>
      </div>

      <div className="agenda-filters">
        <fieldset>
          <legend>{t('agenda.filter.leaders')}</legend>
          {leaders.length === 0 ? <span className="field__hint">{t('agenda.noLeaders')}</span> : null}
          {leaders.map((o) => (
            <label key={o.id} className="agenda-check">
              <input type="checkbox" checked={s.leaderFilter.includes(o.id)} onChange={() => toggleLeader(o.id)} /> {o.position}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('agenda.filter.kinds')}</legend>
          {EVENT_KINDS.map((k) => (
            <label key={k} className={`agenda-check agenda-kind agenda-kind--${k}`}>
              <input type="checkbox" checked={s.kindFilter.includes(k)} onChange={() => toggleKind(k)} /> {t(`agenda.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <p className="field__hint">{t('agenda.zoneNote', { zone: `${zone} (${TIME_ZONES[zone].iana})` })}</p>
      </div>

      {s.undo ? (
        <div className="notice" role="status" data-testid="agenda-undo">
          <span>
            {t('agenda.moved', { title: s.undo.title, when: formatDateTime(s.undo.movedToMs, zone, language) })} {t('agenda.undoHint')}
          </span>
          <button type="button" className="button button--small button--primary" onClick={() => void undo()}>
            {t('agenda.undo')}
          </button>
          <button type="button" className="notice__close" aria-label={t('agenda.dismiss')} onClick={s.dismissUndo}>
            ×
          </button>
        </div>
      ) : null}
      {saved && saved.conflicts.length > 0 ? (
        <div className="agenda-saved-conflicts">
          <ConflictList conflicts={saved.conflicts} zone={zone} lead={t('agenda.conflicts.savedAnyway')} />
          <button type="button" className="notice__close" aria-label={t('agenda.dismiss')} onClick={() => setSaved(null)}>
            ×
          </button>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {s.error ? <ErrorMessage error={s.error} /> : null}
      {s.truncated ? <p className="field__hint">{t('agenda.truncated')}</p> : null}

      <div className="agenda-body">
        <div className={`agenda-calendar${view === 'dayGridMonth' ? ' agenda-calendar--month' : ''}`} data-testid="agenda-calendar">
          <AgendaCalendar
            calendarRef={calRef}
            view={view}
            timeZone={TIME_ZONES[zone].iana}
            zone={zone}
            language={language}
            items={s.items}
            more={s.more}
            holidays={s.holidays}
            editable={canWrite}
            onRange={onRange}
            onOpen={setSelected}
            onMove={onMove}
            onDate={openDay}
          />
        </div>
        <div className="agenda-side">
          {selected ? <EventDetail key={selected.key} item={selected} zone={zone} onClose={() => setSelected(null)} onEdit={edit} /> : null}
          {view === 'timeGridDay' ? <DaySheetPanel date={day} /> : null}
        </div>
      </div>

      {form ? (
        <EventFormDialog
          initial={form}
          officeZone={zone}
          onClose={(result) => {
            clearFormDraft();
            setForm(null);
            if (result) {
              setSaved(result);
              void s.reload();
            }
          }}
        />
      ) : null}
      {importing || openedIcs ? (
        <IcsImportDialog
          zone={zone}
          opened={openedIcs}
          onClose={() => {
            setImporting(false);
            useNavigation.getState().clearOpenedIcs();
            void s.reload();
          }}
        />
      ) : null}
    </section>
  );
}
