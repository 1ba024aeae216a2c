import { useEffect, useState } from 'react';
import type { AgendaEvent } from '../../../shared/agenda/event';
import { formatDateTime } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { call } from '../../api/client';
import { useT } from '../../i18n/use-t';

/**
 * The agenda event a release reports on, by its title and time (never its id). The link is made
 * from the event ("Tulis rilis" in Agenda); here it can only be shown or removed.
 */
export function EventLink({ eventId, editable, zone, onUnlink }: { eventId: string | null; editable: boolean; zone: ZoneLabel; onUnlink: () => void }) {
  const { t, language } = useT();
  const [event, setEvent] = useState<AgendaEvent | 'missing' | null>(null);

  useEffect(() => {
    if (!eventId) return;
    let live = true;
    void call('agenda.events.get', { id: eventId }).then((r) => live && setEvent(r.ok ? r.value : 'missing'));
    return () => {
      live = false;
    };
  }, [eventId]);

  return (
    <div className="rel-field rel-field--wide" role="group" aria-labelledby="rel-event-link">
      <span id="rel-event-link" className="field__label">
        {t('releases.field.eventId')}
      </span>
      {!eventId ? (
        <span className="field__hint">{t('releases.event.none')}</span>
      ) : (
        <span className="rel-event-link">
          <span data-testid="release-event">
            {event === null ? '…' : event === 'missing' ? t('releases.event.missing') : `${event.title} · ${formatDateTime(event.startMs, zone, language)}`}
          </span>
          {editable ? (
            <button type="button" className="button button--quiet button--small" onClick={onUnlink}>
              {t('releases.event.unlink')}
            </button>
          ) : null}
        </span>
      )}
    </div>
  );
}
