import { useEffect, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../../shared/people/account';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf, type InputIssue } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { useCan, useSession } from './session-store';
import './people.css';

/** Settings › Komputer ini: press-room mode and the idle lock of this machine (people.manage). */
export function MachineSection() {
  const { t } = useT();
  const allowed = useCan('people.manage');
  const [pressRoom, setPressRoom] = useState(false);
  const [minutes, setMinutes] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrorsOf(issues, t);

  useEffect(() => {
    if (!allowed) return;
    void call('machine.getSettings', {}).then((result) => {
      if (result.ok) {
        setPressRoom(result.value.pressRoom);
        setMinutes(String(result.value.idleLockMinutes));
        setLoaded(true);
      } else setError(result.error);
    });
  }, [allowed]);

  if (!allowed) return null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const value = Number(minutes.trim());
    if (!/^\d+$/.test(minutes.trim()) || value < 1 || value > 1440) {
      setIssues([{ path: 'idleLockMinutes', message: t('people.machine.idle.invalid') }]);
      return;
    }
    setSaving(true);
    const result = await call('machine.setSettings', { pressRoom, idleLockMinutes: value });
    setSaving(false);
    if (!result.ok) {
      setIssues(result.error.code === 'invalid_input' ? issuesOf(result.error.details) : []);
      setError(result.error);
      return;
    }
    setIssues([]);
    setSaved(true);
    // The machine settings are not a synced table, so no data.changed comes: ask the core again.
    void useSession.getState().load();
  }

  return (
    <section className="settings-section" aria-labelledby="machine-title" id="settings-machine">
      <h2 id="machine-title">{t('people.machine.title')}</h2>
      <p className="settings-section__intro">{t('people.machine.intro')}</p>
      {loaded ? (
        <form onSubmit={onSubmit} noValidate aria-labelledby="machine-title">
          <fieldset>
            <legend>{t('people.machine.pressRoom')}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={pressRoom}
                aria-describedby="machine-press-room-explain"
                onChange={(e) => {
                  const on = e.target.checked;
                  setPressRoom(on);
                  // The other mode's default follows the mode (30 → 10 minutes for a press-room
                  // computer); a limit the administrator chose stays as chosen.
                  const from = on ? DEFAULT_IDLE_LOCK_MINUTES.staff : DEFAULT_IDLE_LOCK_MINUTES.pressRoom;
                  const to = on ? DEFAULT_IDLE_LOCK_MINUTES.pressRoom : DEFAULT_IDLE_LOCK_MINUTES.staff;
                  if (minutes.trim() === String(from)) setMinutes(String(to));
                  setSaved(false);
                }}
              />
              {t('people.machine.pressRoom.on')}
            </label>
            <p id="machine-press-room-explain" className="machine-explain">
              {t('people.machine.pressRoom.explain')}
            </p>
          </fieldset>
          <TextField
            className="field--narrow"
            label={t('people.machine.idle')}
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            value={minutes}
            onChange={(v) => {
              setMinutes(v);
              setIssues([]);
              setSaved(false);
            }}
            error={errors.idleLockMinutes}
            hint={`${t('people.machine.idle.hint')} ${t('people.machine.idle.default', { staff: DEFAULT_IDLE_LOCK_MINUTES.staff, pressRoom: DEFAULT_IDLE_LOCK_MINUTES.pressRoom })}`}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {t('people.machine.save')}
            </button>
            {saved ? (
              <p className="form-actions__ok" role="status">
                {t('people.machine.saved')}
              </p>
            ) : null}
            {error && error.code !== 'invalid_input' ? <ErrorMessage error={error} /> : null}
          </div>
        </form>
      ) : error ? (
        <ErrorMessage error={error} />
      ) : null}
    </section>
  );
}
