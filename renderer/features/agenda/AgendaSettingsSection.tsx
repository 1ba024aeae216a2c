import { useEffect, useState } from 'react';
import type { Holiday, HolidayKind } from '../../../shared/agenda/holidays';
import type { StaffDuty } from '../../../shared/agenda/people';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Notice } from '../../components/Notice';
import { DateTimeInput } from '../../components/DateTimeInput';
import { useT } from '../../i18n/use-t';
import { useAgendaStore } from './agenda-store';
import './agenda.css';

/** Settings › Agenda: officials with precedence, coverage staff, conflict rules, holidays per year. */
export function AgendaSettingsSection() {
  const { t } = useT();
  const officials = useAgendaStore((s) => s.officials);
  const staff = useAgendaStore((s) => s.staff);
  const settings = useAgendaStore((s) => s.settings);
  const loadPeople = useAgendaStore((s) => s.loadPeople);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [notice, setNotice] = useState('');
  const [official, setOfficial] = useState({ name: '', position: '', institution: '', rank: '10', isLeader: true });
  const [removedOfficial, setRemovedOfficial] = useState<{ id: string; name: string } | null>(null);
  const [editing, setEditing] = useState<{ id: string; name: string; position: string; rank: string } | null>(null);
  const [person, setPerson] = useState({ name: '', duty: 'reporter' as StaffDuty });
  const [rules, setRules] = useState({ travel: '30', openEnd: '120' });
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [holidays, setHolidays] = useState<Holiday[]>([]);
  const [holiday, setHoliday] = useState({ date: '', name: '', kind: 'libur_nasional' as HolidayKind });
  const [removed, setRemoved] = useState<Holiday | null>(null);

  useEffect(() => {
    void loadPeople();
  }, [loadPeople]);
  useEffect(() => {
    if (settings) setRules({ travel: String(settings.travelMinutes), openEnd: String(settings.openEndMinutes) });
  }, [settings]);
  const loadHolidays = async (y: number) => {
    const r = await call('agenda.holidays.list', { year: y });
    if (r.ok) setHolidays(r.value);
    else setError(r.error);
  };
  useEffect(() => {
    void loadHolidays(year);
  }, [year]);

  const done = async (r: { ok: true } | { ok: false; error: ErrorPayload }, message = t('agenda.settings.saved')) => {
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    setError(null);
    setNotice(message);
    await loadPeople();
    return true;
  };

  return (
    <section id="settings-agenda" className="settings-section agenda-settings" aria-labelledby="agenda-settings-title">
      <h2 id="agenda-settings-title">{t('agenda.settings.title')}</h2>
      <p className="settings-section__intro">{t('agenda.settings.intro')}</p>
      <p role="status" className="field__hint">
        {notice}
      </p>
      {error ? <ErrorMessage error={error} /> : null}

      <h3>{t('agenda.settings.officials')}</h3>
      <p className="field__hint">{t('agenda.settings.officialsIntro')}</p>
      {officials.length === 0 ? (
        <button type="button" className="button button--small button--secondary" onClick={() => void call('agenda.officials.seedDefaults', { includeDeleted: false }).then((r) => done(r))}>
          {t('agenda.settings.seed')}
        </button>
      ) : null}
      {removedOfficial ? (
        <Notice
          action={{
            label: t('agenda.settings.restore'),
            onClick: () =>
              void call('agenda.officials.restore', { id: removedOfficial.id }).then(async (r) => {
                if (await done(r)) setRemovedOfficial(null);
              }),
          }}
        >
          {t('agenda.settings.removed', { name: removedOfficial.name })}
        </Notice>
      ) : null}
      <table className="table" data-testid="officials-table">
        <thead>
          <tr>
            <th scope="col">{t('agenda.settings.rank')}</th>
            <th scope="col">{t('agenda.settings.position')}</th>
            <th scope="col">{t('agenda.settings.name')}</th>
            <th scope="col">{t('agenda.settings.isLeader')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('agenda.settings.delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {officials.map((o) =>
            editing?.id === o.id ? (
              <tr key={o.id}>
                <td>
                  <input aria-label={t('agenda.settings.rank')} inputMode="numeric" value={editing.rank} onChange={(e) => setEditing({ ...editing, rank: e.target.value })} />
                </td>
                <td>
                  <input aria-label={t('agenda.settings.position')} value={editing.position} onChange={(e) => setEditing({ ...editing, position: e.target.value })} />
                </td>
                <td>
                  <input aria-label={t('agenda.settings.name')} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
                </td>
                <td>{o.isLeader ? '✓' : ''}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--primary"
                    onClick={() =>
                      void call('agenda.officials.save', { id: o.id, name: editing.name, position: editing.position, institution: o.institution, precedenceRank: Number(editing.rank), isLeader: o.isLeader, active: o.active }).then(async (r) => {
                        if (await done(r)) setEditing(null);
                      })
                    }
                  >
                    {t('agenda.settings.save')}
                  </button>
                </td>
              </tr>
            ) : (
            <tr key={o.id}>
              <td>{o.precedenceRank}</td>
              <td>{o.position}</td>
              <th scope="row">{o.name}</th>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t('agenda.settings.isLeader')}: ${o.name}`}
                  checked={o.isLeader}
                  onChange={(e) => void call('agenda.officials.save', { id: o.id, name: o.name, position: o.position, institution: o.institution, precedenceRank: o.precedenceRank, isLeader: e.target.checked, active: o.active }).then((r) => done(r))}
                />
              </td>
              <td>
                <button type="button" className="button button--small button--quiet" aria-label={t('agenda.settings.editLabel', { name: o.name })} onClick={() => setEditing({ id: o.id, name: o.name, position: o.position, rank: String(o.precedenceRank) })}>
                  {t('agenda.settings.edit')}
                </button>
                <button type="button" className="button button--small button--danger" aria-label={t('agenda.settings.deleteLabel', { name: o.name })} onClick={() =>
                    void call('agenda.officials.delete', { id: o.id }).then(async (r) => {
                      if (await done(r, t('agenda.settings.removed', { name: o.name }))) setRemovedOfficial({ id: o.id, name: o.name });
                    })
                  }
                >
                  {t('agenda.settings.delete')}
                </button>
              </td>
            </tr>
            ),
          )}
          <tr>
            <td>
              <input aria-label={t('agenda.settings.rank')} inputMode="numeric" value={official.rank} onChange={(e) => setOfficial({ ...official, rank: e.target.value })} />
            </td>
            <td>
              <input aria-label={t('agenda.settings.position')} value={official.position} onChange={(e) => setOfficial({ ...official, position: e.target.value })} />
            </td>
            <td>
              <input aria-label={t('agenda.settings.name')} value={official.name} onChange={(e) => setOfficial({ ...official, name: e.target.value })} />
            </td>
            <td>
              <input type="checkbox" aria-label={t('agenda.settings.isLeader')} checked={official.isLeader} onChange={(e) => setOfficial({ ...official, isLeader: e.target.checked })} />
            </td>
            <td>
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() =>
                  void call('agenda.officials.save', { name: official.name, position: official.position, institution: official.institution, precedenceRank: Number(official.rank), isLeader: official.isLeader }).then(async (r) => {
                    if (await done(r)) setOfficial({ name: '', position: '', institution: '', rank: official.rank, isLeader: true });
                  })
                }
              >
                {t('agenda.settings.add')}
              </button>
            </td>
          </tr>
        </tbody>
      </table>

      <h3>{t('agenda.settings.staff')}</h3>
      <p className="field__hint">{t('agenda.settings.staffIntro')}</p>
      <table className="table" data-testid="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('agenda.settings.name')}</th>
            <th scope="col">{t('agenda.settings.duties')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('agenda.settings.delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {staff.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>{p.duties.map((d) => t(`agenda.form.${d}`)).join(', ')}</td>
              <td>
                <button type="button" className="button button--small button--danger" aria-label={t('agenda.settings.deleteLabel', { name: p.name })} onClick={() => void call('agenda.staff.delete', { id: p.id }).then((r) => done(r, t('agenda.settings.removed', { name: p.name })))}>
                  {t('agenda.settings.delete')}
                </button>
              </td>
            </tr>
          ))}
          <tr>
            <td>
              <input aria-label={t('agenda.settings.name')} value={person.name} onChange={(e) => setPerson({ ...person, name: e.target.value })} />
            </td>
            <td>
              <select aria-label={t('agenda.settings.duties')} value={person.duty} onChange={(e) => setPerson({ ...person, duty: e.target.value as StaffDuty })}>
                {(['reporter', 'photographer', 'videographer'] as const).map((d) => (
                  <option key={d} value={d}>
                    {t(`agenda.form.${d}`)}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() =>
                  void call('agenda.staff.save', { name: person.name, duties: [person.duty] }).then(async (r) => {
                    if (await done(r)) setPerson({ ...person, name: '' });
                  })
                }
              >
                {t('agenda.settings.add')}
              </button>
            </td>
          </tr>
        </tbody>
      </table>

      <h3>{t('agenda.settings.rules')}</h3>
      <div className="grid grid--3">
        <div className="field">
          <label className="field__label" htmlFor="agenda-travel">
            {t('agenda.settings.travel')}
          </label>
          <input id="agenda-travel" inputMode="numeric" value={rules.travel} onChange={(e) => setRules({ ...rules, travel: e.target.value })} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="agenda-openend">
            {t('agenda.settings.openEnd')}
          </label>
          <input id="agenda-openend" inputMode="numeric" value={rules.openEnd} onChange={(e) => setRules({ ...rules, openEnd: e.target.value })} />
        </div>
        <div className="field">
          <span className="field__label">&nbsp;</span>
          <button type="button" className="button button--secondary" onClick={() => void call('agenda.settings.save', { travelMinutes: Number(rules.travel), openEndMinutes: Number(rules.openEnd) }).then((r) => done(r))}>
            {t('agenda.settings.saveRules')}
          </button>
        </div>
      </div>

      <h3>{t('agenda.settings.holidays')}</h3>
      <p className="field__hint">{t('agenda.settings.holidaysIntro')}</p>
      <label>
        {t('agenda.settings.year')}{' '}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[2025, 2026, 2027, 2028].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {removed ? (
        <Notice
          action={{
            label: t('agenda.settings.restore'),
            onClick: () =>
              void call('agenda.holidays.restore', { id: removed.id }).then(async (r) => {
                if (!r.ok) return setError(r.error);
                setRemoved(null);
                await loadHolidays(year);
              }),
          }}
        >
          {t('agenda.settings.removed', { name: removed.name })}
        </Notice>
      ) : null}
      <table className="table" data-testid="holidays-table">
        <thead>
          <tr>
            <th scope="col">{t('agenda.settings.date')}</th>
            <th scope="col">{t('agenda.settings.holidayName')}</th>
            <th scope="col">{t('agenda.settings.holidayKind')}</th>
            <th scope="col">{t('agenda.settings.source')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('agenda.settings.delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {holidays.map((h) => (
            <tr key={h.id}>
              <td>{h.date}</td>
              <th scope="row">{h.name}</th>
              <td>{t(`agenda.settings.kind.${h.kind}`)}</td>
              <td className="field__hint" title={h.source}>
                {h.source.length > 60 ? `${h.source.slice(0, 60)}…` : h.source}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={t('agenda.settings.deleteLabel', { name: h.name })}
                  onClick={() =>
                    void call('agenda.holidays.delete', { id: h.id }).then(async (r) => {
                      if (!r.ok) return setError(r.error);
                      setRemoved(r.value);
                      await loadHolidays(year);
                    })
                  }
                >
                  {t('agenda.settings.delete')}
                </button>
              </td>
            </tr>
          ))}
          <tr>
            <td>
              <DateTimeInput kind="date" aria-label={t('agenda.settings.date')} value={holiday.date} onChange={(date) => setHoliday({ ...holiday, date })} />
            </td>
            <td>
              <input aria-label={t('agenda.settings.holidayName')} value={holiday.name} onChange={(e) => setHoliday({ ...holiday, name: e.target.value })} />
            </td>
            <td>
              <select aria-label={t('agenda.settings.holidayKind')} value={holiday.kind} onChange={(e) => setHoliday({ ...holiday, kind: e.target.value as HolidayKind })}>
                <option value="libur_nasional">{t('agenda.settings.kind.libur_nasional')}</option>
                <option value="cuti_bersama">{t('agenda.settings.kind.cuti_bersama')}</option>
              </select>
            </td>
            <td />
            <td>
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() =>
                  void call('agenda.holidays.save', { date: holiday.date, name: holiday.name, kind: holiday.kind, source: 'Diisi pengguna' }).then(async (r) => {
                    if (!r.ok) return setError(r.error);
                    setError(null);
                    setHoliday({ date: '', name: '', kind: holiday.kind });
                    await loadHolidays(year);
                  })
                }
              >
                {t('agenda.settings.add')}
              </button>
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
