import { useState, type FormEvent } from 'react';
import type { OutletInput } from '../../../shared/contract/methods/media';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { Outlet } from '../../../shared/media/types';
import { OUTLET_KINDS, PRESS_COUNCIL_STATUSES, type OutletKind, type PressCouncilStatus } from '../../../shared/media/vocabulary';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf, type InputIssue } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { KIND_KEY, PRESS_KEY } from './labels';

/** Quick add (the fields people fill first) and the full edit of an outlet. */
export function OutletForm({ outlet, onDone }: { outlet: Outlet | null; onDone: (saved: Outlet | null) => void }) {
  const { t } = useT();
  const [v, setV] = useState({
    name: outlet?.name ?? '',
    kind: (outlet?.kind ?? '') as OutletKind | '',
    pressCouncilStatus: (outlet?.pressCouncilStatus ?? 'none') as PressCouncilStatus,
    pressCouncilCertNo: outlet?.pressCouncilCertNo ?? '',
    legalEntity: outlet?.legalEntity ?? '',
    editorInChief: outlet?.editorInChief ?? '',
    region: outlet?.region ?? '',
    address: outlet?.address ?? '',
    phone: outlet?.phone ?? '',
    email: outlet?.email ?? '',
    website: outlet?.website ?? '',
  });
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const errors = fieldErrorsOf(issues, t);
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input: OutletInput = { ...(outlet ? { ...stripOutlet(outlet) } : {}), ...v, kind: v.kind || null, ...(outlet ? { id: outlet.id } : {}) };
    const r = await call('media.outlets.save', input);
    if (r.ok) return onDone(r.value);
    setIssues(r.error.code === 'invalid_input' ? issuesOf(r.error.details) : []);
    setError(r.error);
  }

  const title = outlet ? t('media.outlet.edit') : t('media.outlet.new');
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <TextField label={t('media.outlet.name')} value={v.name} onChange={set('name')} error={errors.name} required autoFocus />
      <div className="grid grid--2">
        <SelectField label={t('media.outlet.kind')} value={v.kind} onChange={set('kind')} options={[{ value: '', label: '—' }, ...OUTLET_KINDS.map((k) => ({ value: k, label: t(KIND_KEY[k]) }))]} />
        <SelectField label={t('media.outlet.press')} value={v.pressCouncilStatus} onChange={set('pressCouncilStatus')} options={PRESS_COUNCIL_STATUSES.map((s) => ({ value: s, label: t(PRESS_KEY[s]) }))} />
        <TextField label={t('media.outlet.cert')} value={v.pressCouncilCertNo} onChange={set('pressCouncilCertNo')} error={errors.pressCouncilCertNo} />
        <TextField label={t('media.outlet.legal')} value={v.legalEntity} onChange={set('legalEntity')} error={errors.legalEntity} />
        <TextField label={t('media.outlet.chief')} value={v.editorInChief} onChange={set('editorInChief')} error={errors.editorInChief} />
        <TextField label={t('media.outlet.region')} value={v.region} onChange={set('region')} error={errors.region} />
        <TextField label={t('media.outlet.phone')} type="tel" value={v.phone} onChange={set('phone')} error={errors.phone} />
        <TextField label={t('media.outlet.email')} type="email" value={v.email} onChange={set('email')} error={errors.email} />
      </div>
      <TextField label={t('media.outlet.website')} value={v.website} onChange={set('website')} error={errors.website} />
      <TextField label={t('media.outlet.address')} value={v.address} onChange={set('address')} error={errors.address} />
      <div className="form-actions">
        <button type="submit" className="button button--primary">{t('media.save')}</button>
        <button type="button" className="button button--quiet" onClick={() => onDone(null)}>{t('media.cancel')}</button>
        {error && issues.length === 0 ? <ErrorMessage error={error} /> : null}
      </div>
    </form>
  );
}

/** The stored fields the form does not show, sent back unchanged. */
function stripOutlet(o: Outlet): Partial<OutletInput> {
  return {
    latitude: o.latitude,
    longitude: o.longitude,
    social: o.social,
    personInCharge: o.personInCharge,
    pressCouncilCertDate: o.pressCouncilCertDate,
    circulation: o.circulation,
    monthlyTraffic: o.monthlyTraffic,
    broadcastLicence: o.broadcastLicence,
    notes: o.notes,
  };
}
