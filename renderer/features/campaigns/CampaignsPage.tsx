import type { CalendarRef } from '@fullcalendar/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { CalendarDay, CampaignSummary, PlannedPost } from '../../../shared/campaigns/model';
import { WEEKDAY_NAMES, weekdayOf } from '../../../shared/campaigns/recurrence';
import { call, onEvent } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { useCan } from '../people/session-store';
import { CampaignList } from './CampaignList';
import { ContentCalendarView, type ContentView } from './ContentCalendarView';
import { FromReleaseForm } from './FromReleaseForm';
import { PostPanel } from './PostPanel';
import { useCampaignsT } from './messages';
import './campaigns.css';

const TABLES = ['campaigns', 'campaign_posts'];
const VIEWS: { view: ContentView; key: 'campaigns.view.month' | 'campaigns.view.week' | 'campaigns.view.list' }[] = [
  { view: 'dayGridMonth', key: 'campaigns.view.month' },
  { view: 'dayGridWeek', key: 'campaigns.view.week' },
  { view: 'listMonth', key: 'campaigns.view.list' },
];

function todayKey(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
function addDays(key: string, n: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A number that grows whenever campaigns or posts change here or by sync: reload on it. */
function useVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => onEvent('data.changed', ({ tables }) => tables.some((t) => TABLES.includes(t)) && setVersion((n) => n + 1)), []);
  return version;
}

/**
 * Kampanye: the content calendar (each day's campaign themes and the official accounts' planned
 * posts, drag to another day with undo) and the list of themed campaigns.
 */
export function CampaignsPage() {
  const { t, language } = useCampaignsT();
  const canWrite = useCan('releases.write');
  const version = useVersion();
  const calRef = useRef<CalendarRef>(null);
  const [tab, setTab] = useState<'calendar' | 'list'>('calendar');
  const [view, setView] = useState<ContentView>('dayGridMonth');
  const [range, setRange] = useState<{ from: string; to: string; title: string } | null>(null);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [week, setWeek] = useState<CalendarDay[] | null>(null);
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  const [panel, setPanel] = useState<{ post: PlannedPost | null; date: string } | null>(null);
  const [fromRelease, setFromRelease] = useState(false);
  const [undo, setUndo] = useState<{ post: PlannedPost; to: string } | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    let live = true;
    const today = todayKey();
    void Promise.all([call('campaigns.list', {}), call('campaigns.calendar', { from: today, to: addDays(today, 6) })]).then(([list, next]) => {
      if (!live) return;
      if (list.ok) setCampaigns(list.value);
      if (next.ok) setWeek(next.value.days);
      setError(!list.ok ? list.error : !next.ok ? next.error : null);
    });
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    if (!range) return;
    let live = true;
    void call('campaigns.calendar', { from: range.from, to: range.to }).then((r) => {
      if (!live) return;
      if (r.ok) setDays(r.value.days);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [range, version]);

  const api = () => calRef.current?.getApi();
  const changeView = (v: ContentView) => {
    setView(v);
    api()?.changeView(v);
  };

  const move = async (post: PlannedPost, date: string, revert?: () => void) => {
    const r = await call('campaigns.posts.move', { id: post.id, date });
    if (!r.ok) {
      revert?.();
      setError(r.error);
      return false;
    }
    setError(null);
    return true;
  };
  const onMove = async (post: PlannedPost, date: string, revert?: () => void) => {
    if (!(await move(post, date, revert))) return;
    setUndo({ post, to: date });
    setPanel((p) => (p?.post?.id === post.id ? { post: { ...post, date }, date } : p));
  };
  const undoMove = useCallback(async () => {
    if (!undo) return;
    if (!(await move(undo.post, undo.post.date))) return;
    setUndo(null);
    setPanel((p) => (p?.post?.id === undo.post.id ? { post: undo.post, date: undo.post.date } : p));
  }, [undo]);

  // Ctrl+Z undoes the last move while the calendar is open (not while typing in a field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = (e.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable="true"]');
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !typing && undo) {
        e.preventDefault();
        void undoMove();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, undoMove]);

  const dayName = (date: string) => `${WEEKDAY_NAMES[language][weekdayOf(date)]}, ${new Date(`${date}T00:00:00`).toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short' })}`;
  const themed = (week ?? []).filter((d) => d.themes.length > 0);

  return (
    <section className="page campaigns-page" aria-labelledby="page-title">
      <div className="campaigns-head">
        <PageHeading>{t('campaigns.title')}</PageHeading>
        {canWrite ? (
          <div className="campaigns-actions">
            <button type="button" className="button button--primary" onClick={() => (setFromRelease(false), setPanel({ post: null, date: todayKey() }))}>
              {t('campaigns.newPost')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => (setPanel(null), setTab('calendar'), setFromRelease(true))}>
              {t('campaigns.fromRelease')}
            </button>
          </div>
        ) : null}
      </div>
      <p className="settings-section__intro">{t('campaigns.intro')}</p>
      <div className="campaigns-tabs" role="tablist">
        {(['calendar', 'list'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={`button ${tab === k ? 'button--primary' : 'button--secondary'}`} onClick={() => setTab(k)}>
            {t(k === 'calendar' ? 'campaigns.tab.calendar' : 'campaigns.tab.list')}
          </button>
        ))}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {undo ? (
        <div className="notice" role="status" data-testid="campaigns-undo">
          <p>
            {t('campaigns.moved', { title: undo.post.title, date: dayName(undo.to) })} {t('campaigns.undoHint')}
          </p>
          <button type="button" className="button button--secondary button--small" onClick={() => void undoMove()}>
            {t('campaigns.undo')}
          </button>
        </div>
      ) : null}
      {tab === 'list' ? (
        <CampaignList campaigns={campaigns} canWrite={canWrite} onError={setError} />
      ) : (
        <div className="campaigns-layout">
          <div className="campaigns-main">
            <section className="campaigns-week" aria-labelledby="campaigns-week-title">
              <h2 id="campaigns-week-title">{t('campaigns.themes.heading')}</h2>
              {week && themed.length === 0 ? <p>{t('campaigns.themes.empty')}</p> : null}
              <ul data-testid="campaign-themes">
                {themed.map((d) =>
                  d.themes.map((th) => (
                    <li key={`${d.date}|${th.campaignId}`} className={th.planned === 0 ? 'campaigns-week__empty' : ''}>
                      <strong>{dayName(d.date)}:</strong> {th.name} — {th.planned === 0 ? t('campaigns.themes.nothing') : t('campaigns.themes.planned', { n: th.planned })}
                      {th.hashtags.length > 0 ? <span className="campaigns-tags"> {th.hashtags.join(' ')}</span> : null}
                    </li>
                  )),
                )}
              </ul>
            </section>
            <div className="campaigns-toolbar">
              <div className="campaigns-actions">
                <button type="button" className="button button--secondary button--small" onClick={() => api()?.prev()}>
                  {t('campaigns.prev')}
                </button>
                <button type="button" className="button button--secondary button--small" onClick={() => api()?.today()}>
                  {t('campaigns.today')}
                </button>
                <button type="button" className="button button--secondary button--small" onClick={() => api()?.next()}>
                  {t('campaigns.next')}
                </button>
              </div>
              <h2 className="campaigns-range">{range?.title ?? t('campaigns.loading')}</h2>
              <div className="campaigns-actions" role="group" aria-label={t('campaigns.view.month')}>
                {VIEWS.map((v) => (
                  <button key={v.view} type="button" aria-pressed={view === v.view} className={`button button--small ${view === v.view ? 'button--primary' : 'button--secondary'}`} onClick={() => changeView(v.view)}>
                    {t(v.key)}
                  </button>
                ))}
              </div>
            </div>
            <ContentCalendarView
              calendarRef={calRef}
              view={view}
              days={days}
              editable={canWrite}
              onRange={(from, to, title) => setRange((r) => (r && r.from === from && r.to === to && r.title === title ? r : { from, to, title }))}
              onOpen={(post) => (setFromRelease(false), setPanel({ post, date: post.date }))}
              onMove={(post, date, revert) => void onMove(post, date, revert)}
              onDate={(date) => canWrite && setPanel({ post: null, date })}
            />
          </div>
          {fromRelease ? <FromReleaseForm date={todayKey()} campaigns={campaigns} onClose={() => setFromRelease(false)} /> : null}
          {panel && !fromRelease ? (
            <PostPanel
              key={`${panel.post?.id ?? 'new'}|${panel.post?.status ?? ''}|${panel.date}`}
              post={panel.post}
              date={panel.date}
              campaigns={campaigns}
              onChanged={(post) => setPanel(post ? { post, date: post.date } : null)}
              onMove={(post, date) => void onMove(post, date)}
              onClose={() => setPanel(null)}
            />
          ) : null}
        </div>
      )}
    </section>
  );
}
