import { useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { CampaignSummary } from '../../../shared/campaigns/model';
import { WEEKDAY_NAMES, type RecurrenceKind } from '../../../shared/campaigns/recurrence';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldErrors } from './field-errors';
import { useCampaignsT, type CampaignsKey } from './messages';

/** Monday first, as the calendar shows the week. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const NTHS = ['1', '2', '3', '4', '5', '-1'] as const;

/** A campaign's name, theme, when it runs, hashtags and owner; errors next to the field they are about. */
export function CampaignForm({ campaign, onDone, onCancel }: { campaign: CampaignSummary | null; onDone(c: CampaignSummary): void; onCancel(): void }) {
  const { t, language } = useCampaignsT();
  const r = campaign?.recurrence;
  const [name, setName] = useState(campaign?.name ?? '');
  const [theme, setTheme] = useState(campaign?.theme ?? '');
  const [kind, setKind] = useState<RecurrenceKind>(r?.kind ?? 'weekly');
  const [weekdays, setWeekdays] = useState<number[]>([...(r?.weekdays ?? [])]);
  const [nth, setNth] = useState<string>(String(r?.nth ?? 1));
  const [weekday, setWeekday] = useState<string>(String(r?.weekday ?? 1));
  const [startDate, setStartDate] = useState(r?.startDate ?? '');
  const [endDate, setEndDate] = useState(r?.endDate ?? '');
  const [hashtags, setHashtags] = useState((campaign?.hashtags ?? []).join(' '));
  const [owner, setOwner] = useState(campaign?.owner ?? '');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, language);
  const days = WEEKDAY_NAMES[language];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await call('campaigns.save', {
      ...(campaign ? { id: campaign.id } : {}),
      name,
      theme,
      recurrence: { kind, weekdays, nth: Number(nth), weekday: Number(weekday), startDate: startDate || null, endDate: endDate || null },
      hashtags: hashtags.split(/[\s,]+/).filter(Boolean),
      owner,
    });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  const hashtagError = Object.entries(errors).find(([path]) => path.startsWith('hashtags'))?.[1];
  const placed = new Set(['name', 'theme', 'owner', 'recurrence.weekdays', 'recurrence.nth', 'recurrence.weekday', 'recurrence.startDate', 'recurrence.endDate']);
  const unplaced = error && !Object.keys(errors).some((p) => placed.has(p) || p.startsWith('hashtags'));

  return (
    <form className="campaigns-form" onSubmit={(e) => void submit(e)} aria-label={campaign ? campaign.name : t('campaigns.new')}>
      <TextField label={t('campaigns.field.name')} value={name} onChange={setName} required error={errors.name} maxLength={120} />
      <TextField label={t('campaigns.field.theme')} value={theme} onChange={setTheme} error={errors.theme} maxLength={300} />
      <SelectField<RecurrenceKind>
        label={t('campaigns.field.kind')}
        value={kind}
        onChange={setKind}
        options={(['weekly', 'monthly_nth', 'range'] as const).map((k) => ({ value: k, label: t(`campaigns.kind.${k}` as CampaignsKey) }))}
      />
      {kind === 'weekly' ? (
        <fieldset className={`field campaigns-days${errors['recurrence.weekdays'] ? ' field--error' : ''}`}>
          <legend className="field__label">{t('campaigns.field.weekdays')}</legend>
          {WEEK_ORDER.map((d) => (
            <label key={d} className="campaigns-day">
              <input type="checkbox" checked={weekdays.includes(d)} onChange={(e) => setWeekdays(e.target.checked ? [...weekdays, d] : weekdays.filter((x) => x !== d))} />{' '}
              {days[d]}
            </label>
          ))}
          {errors['recurrence.weekdays'] ? (
            <p className="field__error" role="alert">
              {errors['recurrence.weekdays']}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {kind === 'monthly_nth' ? (
        <div className="campaigns-row">
          <SelectField label={t('campaigns.field.nth')} value={nth} onChange={setNth} error={errors['recurrence.nth']} options={NTHS.map((n) => ({ value: n, label: t(`campaigns.nth.${n}` as CampaignsKey) }))} />
          <SelectField label={t('campaigns.field.weekday')} value={weekday} onChange={setWeekday} error={errors['recurrence.weekday']} options={WEEK_ORDER.map((d) => ({ value: String(d), label: days[d] ?? '' }))} />
        </div>
      ) : null}
      <div className="campaigns-row">
        <TextField type="date" label={t(kind === 'range' ? 'campaigns.field.start' : 'campaigns.field.startOptional')} value={startDate} onChange={setStartDate} error={errors['recurrence.startDate']} required={kind === 'range'} />
        <TextField type="date" label={t(kind === 'range' ? 'campaigns.field.end' : 'campaigns.field.endOptional')} value={endDate} onChange={setEndDate} error={errors['recurrence.endDate']} required={kind === 'range'} />
      </div>
      <TextField label={t('campaigns.field.hashtags')} value={hashtags} onChange={setHashtags} hint={t('campaigns.field.hashtagsHint')} error={hashtagError} />
      <TextField label={t('campaigns.field.owner')} value={owner} onChange={setOwner} error={errors.owner} maxLength={120} />
      {unplaced ? <ErrorMessage error={error} /> : null}
      <div className="campaigns-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('campaigns.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('campaigns.cancel')}
        </button>
      </div>
    </form>
  );
}
