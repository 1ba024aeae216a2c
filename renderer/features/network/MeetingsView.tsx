import { useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { formatDateKey } from '../../../shared/format/dates';
import { MEETING_KINDS, type MeetingDetail, type MeetingKind } from '../../../shared/network/model';
import { call } from '../../api/client';
import { useLoaded } from '../../api/use-loaded';
import { ErrorMessage } from '../../components/ErrorMessage';
import { MeetingDetailView } from './MeetingDetailView';
import { useNetworkT } from './messages';

interface WaveDraft {
  id?: string;
  label: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
}

/** The network's meetings: the list, a new (or edited) meeting with its waves, one meeting opened. */
export function MeetingsView({ version }: { version: number }) {
  const { t, language } = useNetworkT();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const items = useLoaded('network.meetings.list', {}, [version], setError);
  const [view, setView] = useState<{ kind: 'list' } | { kind: 'form'; meeting: MeetingDetail | null } | { kind: 'open'; id: string }>({ kind: 'list' });


  if (view.kind === 'form') return <MeetingForm meeting={view.meeting} onDone={(m) => setView({ kind: 'open', id: m.id })} onCancel={() => setView(view.meeting ? { kind: 'open', id: view.meeting.id } : { kind: 'list' })} />;
  if (view.kind === 'open') return <MeetingDetailView id={view.id} version={version} onBack={() => setView({ kind: 'list' })} onEdit={(m) => setView({ kind: 'form', meeting: m })} />;
  return (
    <>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="network-toolbar">
        <button type="button" className="button button--primary" onClick={() => setView({ kind: 'form', meeting: null })}>
          {t('network.meeting.new')}
        </button>
      </div>
      {items && items.length === 0 ? <p className="empty">{t('network.meetings.empty')}</p> : null}
      {items && items.length > 0 ? (
        <table className="table" data-testid="network-meetings">
          <thead>
            <tr>
              <th scope="col">{t('network.col.date')}</th>
              <th scope="col">{t('network.meeting.kind')}</th>
              <th scope="col">{t('network.meeting.title')}</th>
              <th scope="col">{t('network.col.invited')}</th>
              <th scope="col">{t('network.col.present')}</th>
              <th scope="col">{t('network.col.openActions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>{m.firstDate ? formatDateKey(m.firstDate, language) : ''}</td>
                <td>{t(`network.kind.${m.kind}`)}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => setView({ kind: 'open', id: m.id })}>
                    {m.title}
                  </button>
                </td>
                <td>{m.invited}</td>
                <td>{m.present}</td>
                <td>{m.openActions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function MeetingForm({ meeting, onDone, onCancel }: { meeting: MeetingDetail | null; onDone: (m: MeetingDetail) => void; onCancel: () => void }) {
  const { t } = useNetworkT();
  const [kind, setKind] = useState<MeetingKind>(meeting?.kind ?? 'coordination');
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [description, setDescription] = useState(meeting?.description ?? '');
  const [waves, setWaves] = useState<WaveDraft[]>(meeting?.waveList ?? [{ label: '', date: '', startTime: '', endTime: '', place: '' }]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const setWave = (i: number, patch: Partial<WaveDraft>) => setWaves((ws) => ws.map((w, n) => (n === i ? { ...w, ...patch } : w)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await call('network.meetings.save', { id: meeting?.id, kind, title, place, description, waves });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  }

  return (
    <form className="network-form" onSubmit={(e) => void submit(e)} aria-labelledby="network-meeting-form" noValidate>
      <h2 id="network-meeting-form">{meeting ? meeting.title : t('network.meeting.new')}</h2>
      <label>
        {t('network.meeting.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`network.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('network.meeting.title')}
        <input required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        {t('network.meeting.place')}
        <input maxLength={300} value={place} onChange={(e) => setPlace(e.target.value)} />
      </label>
      <label>
        {t('network.meeting.description')}
        <textarea maxLength={4000} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('network.meeting.waves')}</legend>
        {waves.map((w, i) => (
          <div className="network-row" key={w.id ?? `new-${i}`} data-testid="network-wave">
            <label>
              {t('network.wave.label')}
              <input maxLength={100} value={w.label} placeholder={`Gelombang ${i + 1}`} onChange={(e) => setWave(i, { label: e.target.value })} />
            </label>
            <label>
              {t('network.wave.date')}
              <input type="date" value={w.date} onChange={(e) => setWave(i, { date: e.target.value })} />
            </label>
            <label>
              {t('network.wave.start')}
              <input type="time" value={w.startTime} onChange={(e) => setWave(i, { startTime: e.target.value })} />
            </label>
            <label>
              {t('network.wave.end')}
              <input type="time" value={w.endTime} onChange={(e) => setWave(i, { endTime: e.target.value })} />
            </label>
            {waves.length > 1 ? (
              <button type="button" className="link-button" onClick={() => setWaves((ws) => ws.filter((_, n) => n !== i))}>
                {t('network.wave.remove')}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" className="button" onClick={() => setWaves((ws) => [...ws, { label: '', date: '', startTime: '', endTime: '', place: '' }])}>
          {t('network.wave.add')}
        </button>
      </fieldset>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="network-buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('network.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('network.cancel')}
        </button>
      </div>
    </form>
  );
}
