import { useEffect, useMemo, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { formatDateKey } from '../../../shared/format/dates';
import { RSVP_STATES, type MeetingDetail, type RsvpState } from '../../../shared/network/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { saveFile } from '../media/download';
import { useCan } from '../people/session-store';
import { OpdSelect } from '../settings/OpdSelect';
import { useNetworkT } from './messages';

/** Rows of the invitee table drawn at once; the search narrows a gathering of thousands. */
const SHOWN = 300;

type Source = 'allContacts' | 'infoTeam' | 'opdContacts' | 'journalists';

/** One meeting: waves and their tallies, inviting, RSVP and attendance, the daftar hadir, minutes, action items. */
export function MeetingDetailView({ id, version, onBack, onEdit }: { id: string; version: number; onBack: () => void; onEdit: (m: MeetingDetail) => void }) {
  const { t, language } = useNetworkT();
  const canMedia = useCan('media.read');
  const [m, setM] = useState<MeetingDetail | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [notice, setNotice] = useState('');
  const [query, setQuery] = useState('');
  const [invite, setInvite] = useState<{ waveId: string; source: Source; opdId: string }>({ waveId: '', source: 'allContacts', opdId: '' });
  const [minutes, setMinutes] = useState<string | null>(null);
  const [action, setAction] = useState({ opdId: '', text: '', dueDate: '' });

  useEffect(() => {
    let live = true;
    void call('network.meetings.get', { id }).then((r) => {
      if (!live) return;
      if (r.ok) setM(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [id, version]);

  /** Runs a call that answers with the meeting; shows its error next to the meeting. */
  async function act(run: () => ReturnType<typeof call<'network.meetings.get'>>, done = '') {
    const r = await run();
    if (r.ok) {
      setM(r.value);
      setError(null);
      setNotice(done);
    } else setError(r.error);
    return r.ok;
  }

  async function doInvite() {
    if (!m) return;
    let contactIds: string[] = [];
    let journalistIds: string[] = [];
    if (invite.source === 'journalists') {
      const r = await call('media.journalists.list', {});
      if (!r.ok) return setError(r.error);
      journalistIds = r.value.map((j) => j.id);
    } else {
      const r = await call('network.contacts.list', { infoTeamOnly: invite.source === 'infoTeam', opdId: invite.source === 'opdContacts' ? invite.opdId || null : null });
      if (!r.ok) return setError(r.error);
      contactIds = r.value.map((c) => c.id);
    }
    const before = m.invited;
    const r = await call('network.meetings.invite', { meetingId: m.id, waveId: invite.waveId || null, contactIds, journalistIds });
    if (r.ok) {
      setM(r.value);
      setError(null);
      setNotice(t('network.invite.done', { n: String(r.value.invited - before) }));
    } else setError(r.error);
  }

  async function sheet(waveId: string, format: 'pdf' | 'docx') {
    const r = await call('network.meetings.attendanceSheet', { meetingId: id, waveId, format });
    if (r.ok) saveFile({ ...r.value, rows: 0 });
    else setError(r.error);
  }

  const waveName = useMemo(() => new Map((m?.waveList ?? []).map((w, i) => [w.id, w.label || `Gelombang ${i + 1}`])), [m]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = m?.invitees ?? [];
    return q ? all.filter((i) => i.name.toLowerCase().includes(q) || i.organisation.toLowerCase().includes(q)) : all;
  }, [m, query]);

  if (!m) return error ? <ErrorMessage error={error} /> : null;
  return (
    <article className="network-meeting" aria-labelledby="network-meeting-title">
      <div className="network-toolbar">
        <button type="button" className="button" onClick={onBack}>
          {t('network.back')}
        </button>
        <button type="button" className="button" onClick={() => onEdit(m)}>
          {t('network.edit')}
        </button>
      </div>
      <h2 id="network-meeting-title">
        {m.title} <span className="muted">· {t(`network.kind.${m.kind}`)}</span>
      </h2>
      {m.place ? <p>{m.place}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {notice ? (
        <p className="network-notice" role="status">
          {notice}
        </p>
      ) : null}
      <ul className="network-waves">
        {m.waveList.map((w) => {
          const tally = m.tallies.find((x) => x.waveId === w.id) ?? { invited: 0, yes: 0, present: 0 };
          return (
            <li key={w.id}>
              <span data-testid="network-tally">
                {t('network.tally', { wave: waveName.get(w.id) ?? '', date: `${formatDateKey(w.date, language)}${w.startTime ? ` ${w.startTime}` : ''}`, invited: tally.invited, yes: tally.yes, present: tally.present })}
              </span>{' '}
              <button type="button" className="link-button" onClick={() => void sheet(w.id, 'pdf')}>
                {t('network.sheet', { wave: waveName.get(w.id) ?? '' })} (PDF)
              </button>{' '}
              <button type="button" className="link-button" onClick={() => void sheet(w.id, 'docx')}>
                DOCX
              </button>
            </li>
          );
        })}
      </ul>

      <fieldset className="network-invite">
        <legend>{t('network.invite.title')}</legend>
        <label>
          {t('network.invite.wave')}{' '}
          <select value={invite.waveId} onChange={(e) => setInvite({ ...invite, waveId: e.target.value })}>
            {m.waveList.map((w) => (
              <option key={w.id} value={w.id}>
                {waveName.get(w.id)} · {formatDateKey(w.date, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('network.invite.source')}{' '}
          <select value={invite.source} onChange={(e) => setInvite({ ...invite, source: e.target.value as Source })}>
            <option value="allContacts">{t('network.invite.allContacts')}</option>
            <option value="infoTeam">{t('network.invite.infoTeam')}</option>
            <option value="opdContacts">{t('network.invite.opdContacts')}</option>
            {canMedia ? <option value="journalists">{t('network.invite.journalists')}</option> : null}
          </select>
        </label>
        {invite.source === 'opdContacts' ? (
          <OpdSelect label={t('network.col.opd')} value={invite.opdId} onChange={(opdId) => setInvite({ ...invite, opdId })} />
        ) : null}
        <button type="button" className="button button--primary" onClick={() => void doInvite()}>
          {t('network.invite.go')}
        </button>
      </fieldset>

      <input type="search" aria-label={t('network.invitees.filter')} placeholder={t('network.invitees.filter')} value={query} maxLength={200} onChange={(e) => setQuery(e.target.value)} />
      {m.invitees.length === 0 ? <p className="empty">{t('network.invitees.empty')}</p> : null}
      {shown.length > SHOWN ? <p className="muted">{t('network.invitees.more', { shown: SHOWN, total: shown.length })}</p> : null}
      {shown.length > 0 ? (
        <table className="table" data-testid="network-invitees">
          <thead>
            <tr>
              <th scope="col">{t('network.col.name')}</th>
              <th scope="col">{t('network.col.org')}</th>
              <th scope="col">{t('network.col.wave')}</th>
              <th scope="col">{t('network.col.rsvp')}</th>
              <th scope="col">{t('network.present')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN).map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{i.organisation}</td>
                <td>{i.waveId ? waveName.get(i.waveId) : ''}</td>
                <td>
                  <select aria-label={`${t('network.col.rsvp')} ${i.name}`} value={i.rsvp} onChange={(e) => void act(() => call('network.invitees.rsvp', { id: i.id, rsvp: e.target.value as RsvpState }))}>
                    {RSVP_STATES.map((s) => (
                      <option key={s} value={s}>
                        {t(`network.rsvp.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('network.presentFor', { name: i.name })}
                    checked={i.present}
                    onChange={(e) => void act(() => call('network.invitees.attend', { meetingId: m.id, inviteeId: i.id, present: e.target.checked }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <section aria-labelledby="network-minutes">
        <h3 id="network-minutes">{t('network.minutes')}</h3>
        <textarea aria-labelledby="network-minutes" rows={6} maxLength={60000} value={minutes ?? m.minutes} onChange={(e) => setMinutes(e.target.value)} />
        <button
          type="button"
          className="button"
          disabled={minutes === null}
          onClick={() => void act(() => call('network.meetings.minutes', { id: m.id, minutes: minutes ?? '' }), t('network.minutes.saved')).then((ok) => ok && setMinutes(null))}
        >
          {t('network.minutes.save')}
        </button>
      </section>

      <section aria-labelledby="network-actions">
        <h3 id="network-actions">{t('network.actions')}</h3>
        <ul className="network-action-list">
          {m.actions.map((a) => (
            <li key={a.id} className={a.status === 'done' ? 'muted' : ''}>
              <strong>{a.opdName}</strong>: {a.text}
              {a.dueDate ? ` (${t('network.action.due')} ${formatDateKey(a.dueDate, language)})` : ''} —{' '}
              {a.status === 'done' ? t('network.action.closed', { date: (a.doneAt ?? '').slice(0, 10) }) : t('network.action.open')}{' '}
              <button type="button" className="link-button" onClick={() => void call('network.actions.done', { id: a.id, done: a.status !== 'done', note: '' }).then(() => act(() => call('network.meetings.get', { id: m.id })))}>
                {a.status === 'done' ? t('network.action.reopen') : t('network.action.done')}
              </button>
            </li>
          ))}
        </ul>
        <div className="network-row">
          <OpdSelect label={t('network.col.opd')} emptyLabel={t('network.contact.choose')} value={action.opdId} onChange={(opdId) => setAction({ ...action, opdId })} />
          <label>
            {t('network.action.text')}
            <input maxLength={2000} value={action.text} onChange={(e) => setAction({ ...action, text: e.target.value })} />
          </label>
          <label>
            {t('network.action.due')}
            <input type="date" value={action.dueDate} onChange={(e) => setAction({ ...action, dueDate: e.target.value })} />
          </label>
          <button
            type="button"
            className="button"
            onClick={() => void act(() => call('network.actions.save', { meetingId: m.id, ...action })).then((ok) => ok && setAction({ opdId: action.opdId, text: '', dueDate: '' }))}
          >
            {t('network.action.add')}
          </button>
        </div>
      </section>
    </article>
  );
}
