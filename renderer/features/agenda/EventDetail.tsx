import { useEffect, useId, useState } from 'react';
import type { CalendarItem } from '../../../shared/agenda/event';
import { describeRule } from '../../../shared/agenda/recurrence';
import { timeRange } from '../../../shared/agenda/day-sheet';
import { dateKey } from '../../../shared/agenda/zones';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { AgendaEvent } from '../../../shared/agenda/event';
import type { EventRelease } from '../../../shared/contract/methods/agenda';
import { formatLongDate } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { call } from '../../api/client';
import { useNavigation } from '../../app/navigation-store';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { useOfficeStore } from '../office/office-store';
import { useCan } from '../people/session-store';
import { useReleasesStore } from '../releases/releases-store';
import { isException, useAgendaStore } from './agenda-store';
import { downloadBase64 } from './download';

const MIN = 60_000;

interface Props {
  item: CalendarItem;
  zone: ZoneLabel;
  onClose(): void;
  onEdit(event: AgendaEvent): void;
}

/** One item: its details, keyboard moves (with undo), cancel/delete, and the releases written from it. */
export function EventDetail({ item, zone, onClose, onEdit }: Props) {
  const { t, language } = useT();
  const headingId = useId();
  const officials = useAgendaStore((s) => s.officials);
  const staff = useAgendaStore((s) => s.staff);
  const move = useAgendaStore((s) => s.move);
  const reload = useAgendaStore((s) => s.reload);
  const city = useOfficeStore((s) => s.profile?.city ?? '');
  // The same permissions the core checks: protocol staff edit the agenda but write no releases.
  const canEdit = useCan('agenda.write');
  const canWriteRelease = useCan('releases.write');
  const [event, setEvent] = useState<AgendaEvent | null>(null);
  const [releases, setReleases] = useState<EventRelease[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    void call('agenda.events.get', { id: item.eventId }).then((r) => (r.ok ? setEvent(r.value) : setError(r.error)));
    void call('agenda.events.releases', { eventId: item.eventId }).then((r) => r.ok && setReleases(r.value));
  }, [item.eventId, item.key]);

  const nameOf = (id: string | null) => officials.find((o) => o.id === id) ?? null;
  const leaders = item.leaderIds.map(nameOf).filter((o) => o !== null);
  const shift = async (ms: number) => {
    const r = await move(item, item.startMs + ms, item.endMs === null ? null : item.endMs + ms);
    if (!r.ok) setError(r.error);
    else onClose();
  };

  async function writeRelease() {
    const created = await call('releases.create', { title: item.title, eventId: item.eventId, eventEndAt: new Date(item.endMs ?? item.startMs).toISOString(), opdId: event?.organiserOpdId ?? null });
    if (!created.ok) return setError(created.error);
    const subtitle = [leaders.map((o) => `${o.position} ${o.name}`).join(', '), item.placeName ? `di ${item.placeName}` : ''].filter(Boolean).join(' ');
    const updated = await call('releases.update', { id: created.value.id, fields: { datelineCity: city, releaseDate: dateKey(item.startMs, zone), subtitle } });
    if (!updated.ok) return setError(updated.error);
    useReleasesStore.getState().open(created.value.id);
    useNavigation.getState().go('releases');
  }

  /** One occurrence edited on its own: it becomes an exception row (at the same time), then opens in the form. */
  async function editOccurrence() {
    if (item.seriesId === null || item.originalStartMs === null) return;
    const r = await call('agenda.events.move', { eventId: item.seriesId, originalStartMs: item.originalStartMs, startMs: item.startMs, endMs: item.endMs });
    if (!r.ok) return setError(r.error);
    await reload();
    onEdit(r.value.event);
  }

  async function cancelOccurrence() {
    if (item.seriesId === null || item.originalStartMs === null) return;
    const r = await call('agenda.events.cancelOccurrence', { seriesId: item.seriesId, originalStartMs: item.originalStartMs });
    if (!r.ok) return setError(r.error);
    await reload();
    onClose();
  }

  async function remove() {
    const id = isException(item) || !item.recurring ? item.eventId : (item.seriesId ?? item.eventId);
    const r = await call('agenda.events.delete', { id });
    if (!r.ok) return setError(r.error);
    await reload();
    onClose();
  }

  const row = (label: string, value: string) =>
    value ? (
      <div className="agenda-detail__row">
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;

  return (
    <aside className="agenda-detail" aria-labelledby={headingId} data-testid="agenda-detail">
      <h2 id={headingId}>{item.title}</h2>
      <p className={`agenda-detail__status agenda-detail__status--${item.status}`}>
        {t(`agenda.kind.${item.kind}`)} · {t(`agenda.status.${item.status}`)}
        {item.status === 'represented' && item.representedBy ? ` (${item.representedBy})` : ''}
      </p>
      <dl>
        {row(t('agenda.form.date'), formatLongDate(item.startMs, zone, language))}
        {row(t('agenda.form.start'), timeRange(item, zone))}
        {event?.rrule ? row(t('agenda.detail.recurring'), describeRule(event.rrule)) : null}
        {row(t('agenda.form.place'), [item.placeName, event?.placeAddress].filter(Boolean).join(', '))}
        {row(t('agenda.form.leaders'), leaders.map((o) => `${o.position} – ${o.name}`).join('; '))}
        {row(t('agenda.form.role'), event?.leaderRole ? t(`agenda.role.${event.leaderRole}`) : '')}
        {row(t('agenda.form.dressCode'), event?.dressCode ?? '')}
        {row(t('agenda.form.companions'), [...(event?.companionIds ?? []).map(nameOf).filter((o) => o !== null).map((o) => `${o.position} – ${o.name}`), event?.companionsText ?? ''].filter(Boolean).join('; '))}
        {row(t('agenda.form.reporter'), staff.find((s) => s.id === item.reporterId)?.name ?? '')}
        {row(t('agenda.form.photographer'), staff.find((s) => s.id === item.photographerId)?.name ?? '')}
        {row(t('agenda.form.videographer'), staff.find((s) => s.id === item.videographerId)?.name ?? '')}
        {row(t('agenda.form.invitationNumber'), event?.invitationNumber ?? '')}
        {row(t('agenda.form.aideContact'), event?.aideContact ?? '')}
        {row(t('agenda.form.protocolNotes'), event?.protocolNotes ?? '')}
        {row(t('agenda.form.notes'), event?.notes ?? '')}
      </dl>
      {event?.invitationFileHash ? (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() =>
            void call('agenda.invitation.get', { eventId: item.eventId }).then((r) => {
              if (!r.ok) return setError(r.error);
              downloadBase64(r.value.fileName, r.value.mime, r.value.base64);
            })
          }
        >
          {t('agenda.form.invitationOpen')}
        </button>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="agenda-detail__actions">
        {canEdit ? (
          <button type="button" className="button button--small button--primary" onClick={() => event && onEdit(event)} disabled={!event}>
            {t('agenda.detail.edit')}
          </button>
        ) : null}
        {canEdit && item.recurring && !isException(item) && item.seriesId && item.originalStartMs !== null ? (
          <button type="button" className="button button--small button--secondary" onClick={() => void editOccurrence()}>
            {t('agenda.detail.editOccurrence')}
          </button>
        ) : null}
        {canWriteRelease ? (
          <button type="button" className="button button--small button--secondary" onClick={() => void writeRelease()}>
            {t('agenda.detail.writeRelease')}
          </button>
        ) : null}
      </div>
      {canEdit ? (
        <div className="agenda-detail__actions" role="group" aria-label={t('agenda.detail.move')}>
          <button type="button" className="button button--small button--quiet" onClick={() => void shift(-30 * MIN)}>
            {t('agenda.detail.earlier')}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => void shift(30 * MIN)}>
            {t('agenda.detail.later')}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => void shift(-24 * 60 * MIN)}>
            {t('agenda.detail.prevDay')}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => void shift(24 * 60 * MIN)}>
            {t('agenda.detail.nextDay')}
          </button>
        </div>
      ) : null}
      <div className="agenda-detail__actions">
        {canEdit && item.recurring && item.status !== 'cancelled' ? (
          <button type="button" className="button button--small button--danger" onClick={() => void cancelOccurrence()}>
            {t('agenda.form.cancelOccurrence')}
          </button>
        ) : null}
        {canEdit ? (
          <button type="button" className="button button--small button--danger" onClick={() => void remove()}>
            {t('agenda.form.delete')}
          </button>
        ) : null}
        <button type="button" className="button button--small button--secondary" onClick={onClose}>
          {t('agenda.detail.close')}
        </button>
      </div>
      {releases.length > 0 ? (
        <section>
          <h3>{t('agenda.detail.releases')}</h3>
          <ul className="agenda-detail__releases">
            {releases.map((r) => (
              <li key={r.id}>
                <button type="button" className="link-button" onClick={() => { useReleasesStore.getState().open(r.id); useNavigation.getState().go('releases'); }}>
                  {r.title || '—'}
                </button>{' '}
                ({t(`releases.status.${r.status}`)}){r.minutes !== null ? ` · ${t('agenda.detail.clock', { minutes: r.minutes, target: r.targetMinutes })}` : ''}
                {r.minutes !== null && r.minutes > r.targetMinutes ? ' ⚠' : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
