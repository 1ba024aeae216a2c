import { useEffect, useRef, useState, type FormEvent } from 'react';
import { create } from 'zustand';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import type { GuestbookEntry } from '../../../shared/people/guestbook';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { formatTime } from '../../../shared/format/dates';
import { fieldErrorsOf, issuesOf } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { useIdleReset } from './use-idle-reset';

/**
 * Visitors who signed the guest book on this screen since it was opened, so each can record
 * leaving. Kept in memory only: nothing of the kiosk is written to the machine but the core's
 * own database, and a reload forgets the list (the entries stay, without a time out).
 */
const useVisitors = create<{ present: GuestbookEntry[]; add(e: GuestbookEntry): void; remove(id: string): void }>()((set) => ({
  present: [],
  add: (e) => set((s) => ({ present: [e, ...s.present] })),
  remove: (id) => set((s) => ({ present: s.present.filter((p) => p.id !== id) })),
}));

const EMPTY = { name: '', outlet: '', purpose: '' };

type Message = { kind: 'in' | 'out'; name: string; time: string };

export function GuestbookPanel({ zone, unit, idleMinutes }: { zone: ZoneLabel; unit: string; idleMinutes: number }) {
  const { t, language } = useT();
  const present = useVisitors((s) => s.present);
  const [values, setValues] = useState(EMPTY);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const consentId = 'kiosk-consent';

  // A half-filled form or a thank-you with a name must not wait for the next visitor.
  useIdleReset(idleMinutes, () => {
    setValues(EMPTY);
    setConsent(false);
    setErrors({});
    setError(null);
    setMessage(null);
  });

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  function set(key: keyof typeof EMPTY, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = t('field.required');
    if (!consent) found.consent = t('kiosk.consent.required');
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const result = await call('guestbook.signIn', { ...values, consent: true });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'invalid_input') setErrors(fieldErrorsOf(issuesOf(result.error.details), t));
      setError(result.error);
      return;
    }
    useVisitors.getState().add(result.value);
    setValues(EMPTY);
    setConsent(false);
    setMessage({ kind: 'in', name: result.value.name, time: formatTime(Date.parse(result.value.timeIn), zone, language) });
  }

  async function leave(entry: GuestbookEntry) {
    setError(null);
    const result = await call('guestbook.signOut', { id: entry.id });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    useVisitors.getState().remove(entry.id);
    setMessage({ kind: 'out', name: entry.name, time: formatTime(Date.parse(result.value.timeOut ?? new Date().toISOString()), zone, language) });
  }

  return (
    <section className="kiosk-panel kiosk-guestbook" aria-labelledby="kiosk-guestbook-title">
      <h2 id="kiosk-guestbook-title">{t('kiosk.guestbook.title')}</h2>
      <p className="kiosk-panel__intro">{t('kiosk.guestbook.intro')}</p>

      {message ? (
        <p className="kiosk-message" role="status" tabIndex={-1} ref={messageRef} data-testid="kiosk-message">
          {message.kind === 'in' ? t('kiosk.signedIn', { name: message.name, time: message.time }) : t('kiosk.signedOut', { name: message.name, time: message.time })}
        </p>
      ) : null}

      <form onSubmit={onSubmit} noValidate aria-labelledby="kiosk-guestbook-title" className="kiosk-form">
        <TextField label={t('kiosk.guestbook.name')} value={values.name} onChange={(v) => set('name', v)} error={errors.name} required maxLength={120} autoComplete="off" />
        <TextField
          label={t('kiosk.guestbook.outlet')}
          value={values.outlet}
          onChange={(v) => set('outlet', v)}
          error={errors.outlet}
          hint={t('kiosk.guestbook.outlet.hint')}
          maxLength={120}
          autoComplete="off"
        />
        <TextField
          label={t('kiosk.guestbook.purpose')}
          value={values.purpose}
          onChange={(v) => set('purpose', v)}
          error={errors.purpose}
          hint={t('kiosk.guestbook.purpose.hint')}
          maxLength={300}
          autoComplete="off"
        />

        <div className="kiosk-notice" aria-labelledby="kiosk-notice-title" role="group">
          <h3 id="kiosk-notice-title">{t('kiosk.notice.title')}</h3>
          <ul>
            <li>{t('kiosk.notice.what')}</li>
            <li>{t('kiosk.notice.why')}</li>
            <li>{t('kiosk.notice.howLong')}</li>
            <li>{t('kiosk.notice.who', { unit })}</li>
            <li>{t('kiosk.notice.rights')}</li>
          </ul>
        </div>

        <div className={`kiosk-consent${errors.consent ? ' kiosk-consent--error' : ''}`}>
          <input
            id={consentId}
            type="checkbox"
            checked={consent}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? `${consentId}-error` : undefined}
            onChange={(e) => {
              setConsent(e.target.checked);
              setErrors((x) => ({ ...x, consent: undefined }));
            }}
          />
          <label htmlFor={consentId}>{t('kiosk.consent')}</label>
          {errors.consent ? (
            <p id={`${consentId}-error`} className="field__error" role="alert">
              {errors.consent}
            </p>
          ) : null}
        </div>

        {error && error.code !== 'invalid_input' ? <ErrorMessage error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary button--large" disabled={saving}>
            {saving ? t('kiosk.signingIn') : t('kiosk.signIn')}
          </button>
        </div>
      </form>

      {present.length > 0 ? (
        <div className="kiosk-present" aria-labelledby="kiosk-present-title">
          <h3 id="kiosk-present-title">{t('kiosk.present')}</h3>
          <p className="field__hint">{t('kiosk.present.hint')}</p>
          <ul>
            {present.map((entry) => (
              <li key={entry.id}>
                <span>
                  <strong>{entry.name}</strong> <span className="kiosk-present__since">{t('kiosk.since', { time: formatTime(Date.parse(entry.timeIn), zone, language) })}</span>
                </span>
                <button type="button" className="button button--secondary" aria-label={t('kiosk.signOutLabel', { name: entry.name })} onClick={() => void leave(entry)}>
                  {t('kiosk.signOut')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
