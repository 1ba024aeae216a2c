import { useEffect, useState } from 'react';
import type { DeskCard, DeskItem, DeskSection } from '../../../shared/home/desk';
import { dateKey } from '../../../shared/agenda/zones';
import { formatDateKey, formatTime } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { call } from '../../api/client';
import { useNavigation, SECTION_LABEL } from '../../app/navigation-store';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { Translate } from '../../i18n/use-t';
import { useT } from '../../i18n/use-t';
import { downloadBase64 } from '../agenda/download';
import { useReleasesStore } from '../releases/releases-store';
import { useNow } from '../status/use-now';
import { useDeskStore } from './desk-store';

/**
 * Beranda's morning desk: the cards the core answers for the signed-in person's role, each item a
 * link to the place to act. Clocks run on between reloads; the store reloads on every data change.
 */
export function MorningDesk({ zone }: { zone: ZoneLabel }) {
  const { t, language } = useT();
  const desk = useDeskStore((s) => s.desk);
  const receivedAt = useDeskStore((s) => s.receivedAt);
  const error = useDeskStore((s) => s.error);
  const tick = useNow(30_000);
  // The frame starts the read when Beranda opens (renderer/app/AppFrame.tsx), while this chunk
  // is still loading; here it is only joined, so one opening reads the desk once.
  useEffect(() => {
    void useDeskStore.getState().ensure();
  }, []);
  if (!desk) return error ? <ErrorMessage error={error} /> : <p className="field__hint">{t('desk.loading')}</p>;
  if (desk.cards.length === 0) return null;
  // The core's clock (tests fake it), moved on by the time this window has waited since.
  const now = desk.asOfMs + Math.max(0, tick - receivedAt);
  return (
    <section className="desk" aria-labelledby="desk-title" data-testid="desk">
      <h2 id="desk-title" className="desk__title">
        {t('desk.title')}
      </h2>
      <p className="field__hint">{t('desk.asOf', { time: formatTime(desk.asOfMs, zone, language) })}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="desk__grid">
        {desk.cards.map((card) => (
          <DeskCardView key={card.id} card={card} now={now} zone={zone} target={desk.targetMinutes} t={t} />
        ))}
      </div>
    </section>
  );
}

function DeskCardView({ card, now, zone, target, t }: { card: DeskCard; now: number; zone: ZoneLabel; target: number; t: Translate }) {
  const go = useNavigation((s) => s.go);
  const { language } = useT();
  const open = (item: DeskItem | null) => {
    if (item && item.target.section === 'releases' && item.target.releaseId) useReleasesStore.getState().open(item.target.releaseId);
    go(item?.target.section ?? card.section);
  };
  const ctx: LineContext = { now, zone, target, t, lang: language };
  return (
    <article className={`card desk-card${card.total > 0 && card.id !== 'workspace_health' ? ' desk-card--busy' : ''}`} data-testid={`desk-${card.id}`} aria-labelledby={`desk-${card.id}-title`}>
      <h3 className="card__title desk-card__title" id={`desk-${card.id}-title`}>
        <span>{t(`desk.card.${card.id}`)}</span>
        {card.id !== 'workspace_health' ? <span className="desk-card__count" data-testid="desk-count">{card.total}</span> : null}
      </h3>
      {card.items.length === 0 ? <p className="desk-card__none">{t('desk.none')}</p> : null}
      <ul className="desk-card__items">
        {card.items.map((item, i) => {
          const prev = card.items[i - 1];
          const dayHeading = card.id === 'agenda_days' && (i === 0 || dayOf(prev, now, zone) !== dayOf(item, now, zone));
          return (
            <li key={item.key}>
              {dayHeading ? <p className="desk-card__day">{t(isToday(item, now, zone) ? 'desk.today' : 'desk.tomorrow')}</p> : null}
              <button type="button" className="desk-item" onClick={() => open(item)}>
                <span className="desk-item__title">{itemTitle(card, item, t)}</span>
                <span className="desk-item__line">{itemLine(card, item, ctx)}</span>
                {item.flags.length > 0 ? (
                  <span className="desk-item__flags">
                    {item.flags.map((f) => (
                      <span key={f} className={`desk-flag desk-flag--${f}`}>
                        {t(`desk.flag.${f}`)}
                      </span>
                    ))}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="desk-card__foot">
        {card.total > card.items.length && card.id !== 'workspace_health' ? <span>{t('desk.more', { n: card.total - card.items.length })}</span> : null}
        <button type="button" className="desk-card__link" onClick={() => open(null)}>
          {t('desk.open', { section: t(SECTION_LABEL[card.section as DeskSection]) })}
        </button>
      </p>
      {card.id === 'agenda_days' ? <DaySheetButton today={dateKey(now, zone)} t={t} /> : null}
    </article>
  );
}

/** The protocol's day sheet in one click: today's agenda of every leader as a PDF on the letterhead. */
function DaySheetButton({ today, t }: { today: string; t: Translate }) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<Parameters<typeof ErrorMessage>[0]['error'] | null>(null);
  const make = async () => {
    setError(null);
    const r = await call('agenda.daySheet', { leaderId: null, date: today, days: 1, format: 'pdf', paper: 'A4' });
    if (!r.ok) return setError(r.error);
    if ('text' in r.value) return;
    downloadBase64(r.value.fileName, r.value.mime, r.value.base64);
    setStatus(t('desk.daySheetReady', { name: r.value.fileName }));
  };
  return (
    <div className="desk-card__action">
      <button type="button" className="button button--secondary" onClick={() => void make()}>
        {t('desk.daySheet')}
      </button>
      {status ? <p role="status" className="field__hint">{status}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}

interface LineContext {
  now: number;
  zone: ZoneLabel;
  target: number;
  t: Translate;
  lang: 'id' | 'en';
}

const POST_STEP = { draft: 'desk.post.draft', review: 'desk.post.review', approved: 'desk.post.approved' } as const;

const HEALTH_TITLE = { sync: 'desk.health.sync', encryption: 'desk.health.encryption', audit: 'desk.health.audit', disk: 'desk.health.disk' } as const;

function itemTitle(card: DeskCard, item: DeskItem, t: Translate): string {
  if (card.id === 'workspace_health') return t(HEALTH_TITLE[item.key as keyof typeof HEALTH_TITLE] ?? 'desk.card.workspace_health');
  return item.title || '—';
}

/** Whole minutes as "1 jam 5 menit" / "1 h 5 min". */
export function duration(minutes: number, lang: 'id' | 'en'): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const r = m % 60;
  const [hu, mu] = lang === 'id' ? ['jam', 'menit'] : ['h', 'min'];
  if (h === 0) return `${r} ${mu}`;
  return r === 0 ? `${h} ${hu}` : `${h} ${hu} ${r} ${mu}`;
}

const since = (at: number | null, now: number) => (at === null ? 0 : (now - at) / 60_000);

function itemLine(card: DeskCard, item: DeskItem, c: LineContext): string {
  const { t, now, lang } = c;
  const d = (m: number) => duration(m, lang);
  switch (card.id) {
    case 'release_clock': {
      if (item.flags.includes('published')) return t('desk.clock.published', { m: item.minutes ?? 0 });
      const m = Math.round(since(item.atMs, now));
      const clock = m < 0 ? t('desk.clock.beforeEnd', { m: -m }) : t('desk.clock.sinceEnd', { m, target: c.target });
      return item.detail ? `${clock} · ${t('desk.clock.noRelease')}` : clock;
    }
    case 'awaiting_review':
      return [item.detail, t('desk.waiting', { d: d(since(item.atMs, now)) })].filter(Boolean).join(' · ');
    case 'my_drafts':
      return t('desk.edited', { d: d(since(item.atMs, now)) });
    case 'embargoes_today': {
      const left = -since(item.atMs, now);
      const when = item.atMs === null ? '' : formatTime(item.atMs, c.zone, lang);
      return `${when} · ${left > 0 ? t('desk.liftsIn', { d: d(left) }) : t('desk.lifted')}`;
    }
    case 'agenda_days':
      return [item.atMs === null ? '' : formatTime(item.atMs, c.zone, lang), item.detail, item.figure].filter(Boolean).join(' · ');
    case 'contracts_behind': {
      const [delivered, expected, quota] = (item.figure ?? '0/0/0').split('/');
      return `${item.detail} · ${t('desk.quota', { delivered: delivered ?? '0', expected: expected ?? '0', quota: quota ?? '0' })}`;
    }
    case 'contracts_ending':
      return `${item.detail} · ${t('desk.until', { date: formatDateKey(item.figure ?? '', lang) })}`;
    case 'ukw_expiring':
      return [item.detail, t('desk.validUntil', { date: formatDateKey(item.figure ?? '', lang) })].filter(Boolean).join(' · ');
    case 'outbox_problems':
      return item.detail;
    case 'workspace_health':
      return healthLine(item, c);
    case 'complaints_due': {
      const due = item.flags.includes('late') ? t('desk.complaintLate', { date: formatDateKey(item.figure ?? '', lang) }) : t('desk.complaintDueToday');
      return [item.detail, due].filter(Boolean).join(' · ');
    }
    case 'posts_today': {
      const step = POST_STEP[item.figure as keyof typeof POST_STEP];
      const when = item.flags.includes('late') && item.atMs !== null ? t('desk.postLate', { date: formatDateKey(dateKey(item.atMs, c.zone), lang) }) : '';
      return [item.detail, step ? t(step) : '', when].filter(Boolean).join(' · ');
    }
    case 'requests_due': {
      // Late: how long past its deadline (a deadline on an earlier day shows that day too).
      const past = since(item.atMs, now);
      const when = item.atMs === null ? '' : isToday(item, now, c.zone) ? formatTime(item.atMs, c.zone, lang) : `${formatDateKey(dateKey(item.atMs, c.zone), lang)} ${formatTime(item.atMs, c.zone, lang)}`;
      const clock = past > 0 ? t('desk.requestLate', { d: d(past) }) : t('desk.requestDue', { time: when });
      return [item.detail, clock].filter(Boolean).join(' · ');
    }
  }
}

const bytes = (n: number) => (n >= 1e9 ? `${(n / 1e9).toLocaleString('id-ID', { maximumFractionDigits: 1 })} GB` : `${Math.round(n / 1e6).toLocaleString('id-ID')} MB`);

function healthLine(item: DeskItem, c: LineContext): string {
  const { t, now, lang } = c;
  switch (item.key) {
    case 'sync': {
      const [pending, refused, conflicts] = (item.figure ?? '0/0/0').split('/');
      const line = t('desk.health.syncDetail', { pending: pending ?? '0', refused: refused ?? '0', conflicts: conflicts ?? '0' });
      return item.atMs === null ? line : `${line} · ${t('desk.health.lastSync', { d: duration(since(item.atMs, now), lang) })}`;
    }
    case 'encryption':
      return t(item.flags.includes('ok') ? 'desk.health.encryptionOn' : 'desk.health.encryptionOff');
    case 'audit':
      return item.atMs === null ? t('desk.health.auditNever') : t('desk.health.auditChecked', { d: duration(since(item.atMs, now), lang) });
    case 'disk': {
      if (!item.figure) return t('desk.health.diskUnknown');
      const [free, total] = item.figure.split('/').map(Number);
      return t('desk.health.diskFree', { free: bytes(free ?? 0), total: bytes(total ?? 0) });
    }
    default:
      return item.detail;
  }
}

const isToday = (item: DeskItem, now: number, zone: ZoneLabel) => dateKey(item.atMs ?? now, zone) === dateKey(now, zone);
const dayOf = (item: DeskItem | undefined, now: number, zone: ZoneLabel) => (item ? dateKey(item.atMs ?? now, zone) : '');
