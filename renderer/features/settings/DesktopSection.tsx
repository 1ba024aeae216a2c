import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { NOTIFICATION_KINDS, type DesktopSettings } from '../../../shared/desktop/settings';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { parseTimeInput } from '../../../shared/format/date-input';
import { useT } from '../../i18n/use-t';
import { useCan } from '../people/session-store';
import { useAppInfo } from './app-info-store';
import './desktop.css';

const BACKGROUND = ['platform', 'on', 'off'] as const;
const LOGIN = ['default', 'on', 'off'] as const;

/**
 * Settings › Aplikasi desktop: background running, start at login (electron/shell/tray.ts) and the OS
 * notifications (electron/shell/notifications.ts). Staff only; the core keeps them in this machine's local table.
 */
export function DesktopSection() {
  const { t } = useT();
  const allowed = useCan('releases.read');
  const mode = useAppInfo((s) => s.info?.mode);
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!allowed) return;
    if (!useAppInfo.getState().info) void useAppInfo.getState().load();
    void call('desktop.settings.get', {}).then((r) => (r.ok ? setSettings(r.value) : setError(r.error)));
  }, [allowed]);

  if (!allowed) return null;
  const change = (next: Partial<DesktopSettings>) => {
    setSettings((s) => (s ? { ...s, ...next } : s));
    setSaved(false);
  };
  const changeNotify = (next: Partial<DesktopSettings['notifications']>) => settings && change({ notifications: { ...settings.notifications, ...next } });
  const quiet = settings?.notifications.quietHours;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!settings) return;
    // A time the field did not understand already says so next to it: go there instead of saving
    // (the core would refuse it too, with its message far from the field).
    const q = settings.notifications.quietHours;
    const bad = !q.enabled ? null : !isTime(q.from) ? fromRef.current : !isTime(q.to) ? toRef.current : null;
    if (bad) {
      setSaved(false);
      bad.focus();
      return;
    }
    setSaving(true);
    setError(null);
    const result = await call('desktop.settings.save', settings);
    setSaving(false);
    if (!result.ok) return setError(result.error);
    setSettings(result.value);
    setSaved(true);
  }

  return (
    <section className="settings-section" aria-labelledby="desktop-title" id="settings-desktop">
      <h2 id="desktop-title">{t('desktop.title')}</h2>
      <p className="settings-section__intro">{t('desktop.intro')}</p>
      {mode === 'browser' ? <p className="field__hint">{t('desktop.browserNote')}</p> : null}
      {settings ? (
        <form onSubmit={onSubmit} noValidate aria-labelledby="desktop-title">
          <fieldset>
            <legend>{t('desktop.background')}</legend>
            <div className="desktop-options">
            {BACKGROUND.map((value) => (
              <label key={value} className="checkbox">
                <input type="radio" name="desktop-background" value={value} checked={settings.background === value} onChange={() => change({ background: value })} />
                {t(`desktop.background.${value}` as const)}
              </label>
            ))}
            </div>
            <p className="field__hint">{t('desktop.background.hint')}</p>
          </fieldset>
          <fieldset>
            <legend>{t('desktop.login')}</legend>
            <div className="desktop-options">
            {LOGIN.map((value) => (
              <label key={value} className="checkbox">
                <input type="radio" name="desktop-login" value={value} checked={settings.startAtLogin === value} onChange={() => change({ startAtLogin: value })} />
                {t(`desktop.login.${value}` as const)}
              </label>
            ))}
            </div>
            <p className="field__hint">{t('desktop.login.hint')}</p>
          </fieldset>
          <fieldset>
            <legend>{t('desktop.notify')}</legend>
            <div className="desktop-options">
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="checkbox">
                <input type="checkbox" checked={settings.notifications[kind]} onChange={(e) => changeNotify({ [kind]: e.target.checked })} />
                {t(`desktop.notify.${kind}` as const)}
              </label>
            ))}
            </div>
            <p className="field__hint">{t('desktop.notify.hint')}</p>
            {quiet ? (
              <div className="desktop-quiet">
                <label className="checkbox">
                  <input type="checkbox" checked={quiet.enabled} onChange={(e) => changeNotify({ quietHours: { ...quiet, enabled: e.target.checked } })} />
                  {t('desktop.quiet')}
                </label>
                {(['from', 'to'] as const).map((end) => (
                  <TextField
                    key={end}
                    type="time"
                    className="field--narrow"
                    label={t(`desktop.quiet.${end}`)}
                    ref={end === 'from' ? fromRef : toRef}
                    value={quiet[end]}
                    disabled={!quiet.enabled}
                    // Emptied: the field itself has no word for that, a quiet time cannot be saved without it.
                    error={quiet.enabled && quiet[end] === '' ? t('desktop.quiet.empty') : undefined}
                    onChange={(v) => changeNotify({ quietHours: { ...quiet, [end]: v } })}
                  />
                ))}
              </div>
            ) : null}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {t('desktop.save')}
            </button>
            {saved ? (
              <p className="form-actions__ok" role="status">
                {t('desktop.saved')}
              </p>
            ) : null}
            {error ? <ErrorMessage error={error} /> : null}
          </div>
        </form>
      ) : error ? (
        <ErrorMessage error={error} />
      ) : null}
    </section>
  );
}

/** What the time field reports when it understood the text ("HH:MM"); anything else is what was typed. */
function isTime(value: string): boolean {
  const p = parseTimeInput(value);
  return p.ok && p.value === value && value !== '';
}
