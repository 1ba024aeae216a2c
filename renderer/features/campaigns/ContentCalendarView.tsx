import FullCalendar, { type CalendarRef, type DatesSetInfo, type EventDropInfo } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import idLocale from '@fullcalendar/react/locales/id';
import classicTheme from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useMemo, type Ref } from 'react';
import { PLATFORM_LABELS, type CalendarDay, type PlannedPost } from '../../../shared/campaigns/model';
import { useCampaignsT, type CampaignsKey } from './messages';

export type ContentView = 'dayGridMonth' | 'dayGridWeek' | 'listMonth';

const STATUS_COLOR: Record<PlannedPost['status'], string> = {
  idea: '#6b7280',
  draft: '#1f5f8b',
  review: '#a3501b',
  approved: '#3d7a45',
  posted: '#374151',
};

interface Props {
  calendarRef: Ref<CalendarRef>;
  view: ContentView;
  days: CalendarDay[];
  editable: boolean;
  onRange(from: string, to: string, title: string): void;
  onOpen(post: PlannedPost): void;
  onMove(post: PlannedPost, date: string, revert: () => void): void;
  onDate(date: string): void;
}

const key = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The content calendar in FullCalendar (the agenda's library, in this section's lazy chunk): each
 * day's campaign themes as fixed bars ("Selasa Tanpa Rokok — belum ada rencana"), the planned
 * posts as items dragged to another day. Days are calendar days, so no time zone is involved.
 */
export function ContentCalendarView({ calendarRef, view, days, editable, onRange, onOpen, onMove, onDate }: Props) {
  const { t, language } = useCampaignsT();
  const posts = useMemo(() => new Map(days.flatMap((d) => d.posts.map((p) => [p.id, p] as const))), [days]);
  const events = useMemo(
    () =>
      days.flatMap((d) => [
        ...d.themes.map((th) => ({
          id: `theme|${d.date}|${th.campaignId}`,
          title: `${th.name} — ${th.planned === 0 ? t('campaigns.themes.nothing') : t('campaigns.themes.planned', { n: th.planned })}`,
          start: d.date,
          allDay: true,
          editable: false,
          color: th.planned === 0 ? '#f6e3b4' : '#d8ecd0',
          textColor: '#3b2f0b',
          className: `campaign-theme${th.planned === 0 ? ' campaign-theme--empty' : ''}`,
          order: 0,
        })),
        ...d.posts.map((p) => ({
          id: p.id,
          title: `${p.time ? `${p.time} ` : ''}${PLATFORM_LABELS[p.platform]} · ${p.title} (${t(`campaigns.status.${p.status}` as CampaignsKey)})`,
          start: d.date,
          allDay: true,
          editable: editable && p.status !== 'posted',
          color: STATUS_COLOR[p.status],
          className: `campaign-post campaign-post--${p.status}`,
          order: 1,
        })),
      ]),
    [days, editable, t],
  );

  const drop = (info: EventDropInfo) => {
    const post = posts.get(info.event.id);
    const start = info.event.start;
    if (!post || !start) return info.revert();
    onMove(post, key(start), info.revert);
  };

  return (
    <FullCalendar
      ref={calendarRef}
      plugins={[classicTheme, dayGridPlugin, listPlugin, interactionPlugin]}
      initialView={view}
      headerToolbar={false}
      locale={language === 'id' ? idLocale : 'en'}
      firstDay={1}
      height="auto"
      events={events}
      eventOrder="order,title"
      editable={editable}
      eventDurationEditable={false}
      dayMaxEvents={6}
      datesSet={(info: DatesSetInfo) => {
        const last = new Date(info.view.activeEnd.getTime() - 86_400_000);
        onRange(key(info.view.activeStart), key(last), info.view.title);
      }}
      eventClick={(info) => {
        info.jsEvent.preventDefault();
        const post = posts.get(info.event.id);
        if (post) onOpen(post);
      }}
      dateClick={(info) => onDate(info.dateStr.slice(0, 10))}
      eventDrop={drop}
      eventDidMount={(info) => {
        const post = posts.get(info.event.id);
        if (!post) return;
        // Posts are reachable by keyboard: Tab to one, Enter opens it.
        info.el.setAttribute('tabindex', '0');
        info.el.setAttribute('role', 'button');
        info.el.setAttribute('data-testid', 'campaign-post');
        info.el.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onOpen(post);
          }
        });
      }}
    />
  );
}
