import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { RequestDetail } from '../../../shared/requests/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/use-t';
import { useNavigation } from '../../app/navigation-store';
import { useOfficeStore } from '../office/office-store';
import { useCan } from '../people/session-store';
import { useReleasesStore } from '../releases/releases-store';
import { Attachments } from './Attachments';
import { CoverageAssign } from './CoverageAssign';
import { DispositionPanel } from './DispositionPanel';
import { useChunkT } from './chunk-messages';
import { formatWhen } from './when';

interface Props {
  id: string;
  version: number;
  /** The PR desk (answers); otherwise a contributor's computer (withdraws, completes). */
  desk: boolean;
  onBack: () => void;
  onComplete: (r: RequestDetail) => void;
}

/** One request: what the OPD asked, the desk's answer, the history; the answer buttons for the desk. */
export function RequestDetailView({ id, version, desk, onBack, onComplete }: Props) {
  const { t } = useT();
  const { t: ti } = useChunkT();
  const canAssign = useCan('agenda.write');
  const [r, setR] = useState<RequestDetail | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [note, setNote] = useState('');
  const [makeRelease, setMakeRelease] = useState(true);
  const [busy, setBusy] = useState(false);
  // History times in the office's zone, like every time the office prints.
  const zone = useOfficeStore((s) => s.profile?.timeZone ?? 'WIB');

  useEffect(() => {
    void call('requests.get', { id }).then((res) => (res.ok ? setR(res.value) : setError(res.error)));
  }, [id, version]);

  async function act(p: Promise<{ ok: true; value: RequestDetail } | { ok: false; error: ErrorPayload }>) {
    setBusy(true);
    const res = await p;
    setBusy(false);
    if (res.ok) {
      setR(res.value);
      setError(null);
      setNote('');
    } else setError(res.error);
  }

  const open = r !== null && (r.status === 'submitted' || r.status === 'needs_info');
  const noteError = error?.code === 'invalid_input' && Array.isArray(error.details?.issues) ? error.message : undefined;
  return (
    <article className="request-detail" aria-labelledby="request-title" data-testid="request-detail">
      <button type="button" className="link-button" onClick={onBack}>
        ← {t('requests.detail.back')}
      </button>
      {r ? (
        <>
          <h2 id="request-title">
            {r.title} <span className={`request-status request-status--${r.status}`}>{t(`requests.status.${r.status}`)}</span>
          </h2>
          <dl className="request-detail__facts">
            <dt>{t('requests.col.number')}</dt>
            <dd>{r.number || t('requests.unnumbered')}</dd>
            <dt>{t('requests.col.opd')}</dt>
            <dd>{r.opdName || r.opdId || '—'}</dd>
            <dt>{t('requests.col.kind')}</dt>
            <dd>{t(`requests.kind.${r.kind}`)}</dd>
            {r.kind === 'invitation' ? (
              <>
                {r.inviter ? (
                  <>
                    <dt>{ti('inv.inviter')}</dt>
                    <dd>{r.inviter}</dd>
                  </>
                ) : null}
                <dt>{ti('inv.number')}</dt>
                <dd>{[r.invitationNumber, r.invitationDate].filter(Boolean).join(', ') || '—'}</dd>
              </>
            ) : null}
            {r.startMs !== null ? (
              <>
                <dt>{t('requests.col.when')}</dt>
                <dd>
                  {formatWhen(r.startMs, r.zone)}
                  {r.endMs !== null ? ` – ${formatWhen(r.endMs, r.zone)}` : ''}
                </dd>
                <dt>{t('requests.form.place')}</dt>
                <dd>{r.place}</dd>
                <dt>{t('requests.form.attendees')}</dt>
                <dd>{r.attendees}</dd>
              </>
            ) : null}
            <dt>{t('requests.form.contactName')}</dt>
            <dd>{[r.contactName, r.contactPhone].filter(Boolean).join(', ')}</dd>
            <dt>{t('requests.form.channel')}</dt>
            <dd>{t('requests.detail.channel', { channel: t(`requests.channel.${r.channel}`), by: r.submittedBy })}</dd>
          </dl>
          {r.description ? <p className="request-detail__text">{r.description}</p> : null}
          {r.material ? (
            <section aria-label={t('requests.detail.material')}>
              <h3>{t('requests.detail.material')}</h3>
              <p className="request-detail__text">{r.material}</p>
            </section>
          ) : null}
          <Attachments request={r} canAdd={open} onChanged={setR} />
          {r.kind === 'invitation' ? <DispositionPanel request={r} desk={desk} onChanged={setR} /> : null}
          <section className="request-detail__answer" aria-labelledby="request-answer">
            <h3 id="request-answer">{t('requests.detail.answer')}</h3>
            <p data-testid="request-answer">{r.answer || t('requests.detail.noAnswer')}</p>
            {r.agendaEventId ? (
              <p>
                <button type="button" className="link-button" onClick={() => useNavigation.getState().go('agenda')}>
                  {t('requests.detail.event')}
                </button>
              </p>
            ) : null}
            {r.releaseId && desk ? (
              <p>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    useReleasesStore.getState().open(r.releaseId);
                    useNavigation.getState().go('releases');
                  }}
                >
                  {t('requests.detail.release')}
                </button>
              </p>
            ) : null}
          </section>
          {desk && canAssign && r.status === 'accepted' && r.kind !== 'material' && r.coverage ? <CoverageAssign key={r.coverage.eventId} request={r} coverage={r.coverage} onChanged={setR} /> : null}
          {error ? <ErrorMessage error={error} /> : null}
          {/* An invitation is answered by its disposition (above), not accepted like a coverage request. */}
          {open && desk && r.kind !== 'invitation' ? (
            <div className="request-detail__actions">
              <TextField label={t('requests.detail.note')} value={note} onChange={setNote} multiline error={noteError} />
              {r.kind !== 'material' ? (
                <label>
                  <input type="checkbox" checked={makeRelease} onChange={(e) => setMakeRelease(e.target.checked)} /> {t('requests.detail.makeRelease')}
                </label>
              ) : null}
              <div className="requests-form__actions">
                <button type="button" className="button button--primary" disabled={busy || r.status === 'needs_info'} onClick={() => void act(call('requests.answer', { id, action: 'accept', note, makeRelease }))}>
                  {t('requests.detail.accept')}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void act(call('requests.answer', { id, action: 'needs_info', note }))}>
                  {t('requests.detail.needsInfo')}
                </button>
                <button type="button" className="button button--danger" disabled={busy} onClick={() => void act(call('requests.answer', { id, action: 'decline', note }))}>
                  {t('requests.detail.decline')}
                </button>
              </div>
            </div>
          ) : null}
          {open && !desk ? (
            <div className="requests-form__actions">
              {r.status === 'needs_info' ? (
                <button type="button" className="button button--primary" onClick={() => onComplete(r)}>
                  {t('requests.detail.complete')}
                </button>
              ) : null}
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                onClick={() => {
                  if (window.confirm(t('requests.detail.withdrawConfirm'))) void act(call('requests.withdraw', { id }));
                }}
              >
                {t('requests.detail.withdraw')}
              </button>
            </div>
          ) : null}
          <section aria-labelledby="request-history">
            <h3 id="request-history">{t('requests.detail.history')}</h3>
            <ol className="request-history" data-testid="request-history">
              {r.history.map((h) => (
                <li key={h.id}>
                  <time dateTime={h.at}>{formatWhen(Date.parse(h.at), zone)}</time> {t(`requests.action.${h.action}`)} · {h.actor}
                  {h.note ? <span className="request-history__note"> — {h.note}</span> : null}
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : error ? (
        <ErrorMessage error={error} />
      ) : null}
    </article>
  );
}
