import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { DEADLINE_DEFAULTS, type DeadlineSettings } from '../../../shared/publicdesk/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { issuesOf } from '../../i18n/issue-messages';
import { useDeskT } from './messages';

const KEYS = Object.keys(DEADLINE_DEFAULTS) as (keyof DeadlineSettings)[];

/** The deadlines per kind in working days, each with its default and where the default comes from. */
export function DeadlineSettingsForm({ onClose }: { onClose: () => void }) {
  const { t } = useDeskT();
  const [v, setV] = useState<Record<keyof DeadlineSettings, string> | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  // Numbers, not text: the core's own words (they name the law's ceiling), not the generic length message.
  const errors: Record<string, string> = Object.fromEntries(issuesOf(error?.details).map((i) => [i.path, i.message]));

  useEffect(() => {
    void call('publicdesk.settings.get', {}).then((r) => {
      if (r.ok) setV(Object.fromEntries(KEYS.map((k) => [k, String(r.value[k])])) as Record<keyof DeadlineSettings, string>);
      else setError(r.error);
    });
  }, []);

  async function save() {
    if (!v) return;
    const r = await call('publicdesk.settings.save', Object.fromEntries(KEYS.map((k) => [k, Number(v[k])])) as DeadlineSettings);
    if (r.ok) onClose();
    else setError(r.error);
  }

  if (!v) return error ? <ErrorMessage error={error} /> : null;
  return (
    <section className="desk-form" aria-label={t('desk.settings.title')} data-testid="desk-settings">
      <h2>{t('desk.settings.title')}</h2>
      {KEYS.map((k) => (
        <TextField
          key={k}
          label={t(`desk.settings.${k}`)}
          value={v[k]}
          inputMode="numeric"
          onChange={(x) => setV({ ...v, [k]: x })}
          hint={t(`desk.settings.${k}.source`, { n: DEADLINE_DEFAULTS[k] })}
          error={errors[k]}
        />
      ))}
      {error && Object.keys(errors).length === 0 ? <ErrorMessage error={error} /> : null}
      <div className="desk-actions">
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {t('desk.form.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('desk.cancel')}
        </button>
      </div>
    </section>
  );
}
