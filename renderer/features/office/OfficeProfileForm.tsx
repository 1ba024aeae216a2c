import type { FormEvent } from 'react';
import { END_MARKS, type EndMark, type OfficeProfile } from '../../../shared/office/profile';
import { DATELINE_FORMS, type DatelineForm } from '../../../shared/releases/dateline';
import { ZONE_LABELS, type ZoneLabel } from '../../../shared/office/time-zones';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf } from '../../i18n/issue-messages';
import type { MessageKey } from '../../i18n/messages-id';
import { useT } from '../../i18n/use-t';
import { EmblemField } from './EmblemField';
import { NumberPatternField } from './NumberPatternField';
import type { OfficeTextField } from './office-form-values';
import { useOfficeForm } from './use-office-form';

interface OfficeProfileFormProps {
  /** null on first run. */
  initial: OfficeProfile | null;
  submitLabel: string;
  onSaved?: (profile: OfficeProfile) => void;
}

/** The office profile, used both by first run and by Settings › Profil Kantor. */
export function OfficeProfileForm({ initial, submitLabel, onSaved }: OfficeProfileFormProps) {
  const { t } = useT();
  const form = useOfficeForm(initial);
  const { values } = form;
  const errors = fieldErrorsOf(form.issues, t);

  const text = (field: OfficeTextField, label: MessageKey, extra: { hint?: MessageKey; required?: boolean; type?: string; multiline?: boolean; autoComplete?: string } = {}) => (
    <TextField
      label={t(label)}
      value={values[field]}
      onChange={(v) => form.set(field, v)}
      error={errors[field]}
      name={field}
      required={extra.required}
      multiline={extra.multiline}
      {...(extra.hint ? { hint: t(extra.hint) } : {})}
      {...(extra.type ? { type: extra.type } : {})}
      autoComplete={extra.autoComplete ?? 'off'}
    />
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit();
    if (saved) onSaved?.(saved);
  }

  return (
    <form className="office-form" onSubmit={onSubmit} noValidate aria-label={t('office.title')}>
      <fieldset>
        <legend>{t('office.section.identity')}</legend>
        <div className="grid grid--2">
          {text('institution', 'office.institution', { hint: 'office.institution.hint', required: true })}
          {text('unit', 'office.unit', { hint: 'office.unit.hint', required: true })}
          {text('institutionCode', 'office.institutionCode', { hint: 'office.institutionCode.hint' })}
          {text('unitCode', 'office.unitCode', { hint: 'office.unitCode.hint' })}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('office.section.place')}</legend>
        <div className="grid grid--place">
          {text('city', 'office.city', { hint: 'office.city.hint', required: true })}
          {text('province', 'office.province', { required: true })}
          <SelectField<ZoneLabel>
            label={t('office.timeZone')}
            value={values.timeZone}
            options={ZONE_LABELS.map((zone) => ({ value: zone, label: t(`office.timeZone.${zone}` as const) }))}
            onChange={(zone) => form.set('timeZone', zone)}
            error={errors.timeZone}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('office.section.contact')}</legend>
        {text('address', 'office.address', { multiline: true })}
        <div className="grid grid--contact">
          {text('phone', 'office.phone', { type: 'tel' })}
          {text('email', 'office.email', { type: 'email' })}
          {text('website', 'office.website', { hint: 'office.website.hint', type: 'url' })}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('office.section.emblem')}</legend>
        <EmblemField hash={values.emblemHash} onChange={(hash) => form.set('emblemHash', hash)} serverError={errors.emblemHash} />
      </fieldset>

      <fieldset>
        <legend>{t('office.section.paper')}</legend>
        {text('scriptLine', 'office.scriptLine', { hint: 'office.scriptLine.hint' })}
        <div className="grid grid--2">
          <SelectField<DatelineForm>
            label={t('office.datelineForm')}
            value={values.datelineForm}
            options={DATELINE_FORMS.map((f) => ({ value: f, label: t(`office.datelineForm.${f}` as const) }))}
            onChange={(f) => form.set('datelineForm', f)}
            error={errors.datelineForm}
          />
          <SelectField<EndMark>
            label={t('office.endMark')}
            value={values.endMark}
            options={END_MARKS.map((m) => ({ value: m, label: t(`office.endMark.${m}` as const) }))}
            onChange={(m) => form.set('endMark', m)}
            error={errors.endMark}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('office.section.numbering')}</legend>
        <NumberPatternField
          value={values.numberPattern}
          onChange={(v) => form.set('numberPattern', v)}
          unitCode={values.unitCode}
          institutionCode={values.institutionCode}
          zone={values.timeZone}
          serverError={errors.numberPattern}
        />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.saving}>
          {form.saving ? t('office.saving') : submitLabel}
        </button>
        {form.savedAt ? (
          <p className="form-actions__ok" role="status">
            {t('office.saved')}
          </p>
        ) : null}
        {form.error ? (
          form.issues.length > 0 ? (
            <ErrorMessage error={form.error} headline={t('office.checkFields')} showCoreMessage={false} />
          ) : (
            <ErrorMessage error={form.error} />
          )
        ) : null}
      </div>
    </form>
  );
}
