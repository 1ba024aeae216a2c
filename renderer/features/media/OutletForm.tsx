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
    personInCharge: outlet?.personInCharge ?? '',
    pressCouncilCertDate: outlet?.pressCouncilCertDate ?? '',
    circulation: outlet?.circulation === null || outlet?.circulation === undefined ? '' : String(outlet.circulation),
    monthlyTraffic: outlet?.monthlyTraffic === null || outlet?.monthlyTraffic === undefined ? '' : String(outlet.monthlyTraffic),
    broadcastLicence: outlet?.broadcastLicence ?? '',
    latitude: outlet?.latitude === null || outlet?.latitude === undefined ? '' : String(outlet.latitude),
    longitude: outlet?.longitude === null || outlet?.longitude === undefined ? '' : String(outlet.longitude),
  });
  const [more, setMore] = useState(outlet !== null);
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const errors = fieldErrorsOf(issues, t);
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const num = (x: string) => (x.trim() === '' ? null : Number(x.replace(/\./g, '').replace(',', '.')));
    const input: OutletInput = {
      ...(outlet ? { ...stripOutlet(outlet) } : {}),
      ...v,
      kind: v.kind || null,
      pressCouncilCertDate: v.pressCouncilCertDate || null,
      circulation: num(v.circulation),
      monthlyTraffic: num(v.monthlyTraffic),
      latitude: v.latitude.trim() === '' ? null : Number(v.latitude.replace(',', '.')),
      longitude: v.longitude.trim() === '' ? null : Number(v.longitude.replace(',', '.')),
      ...(outlet ? { id: outlet.id } : {}),
    };
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
      {more ? (
        <div className="grid grid--2">
          <TextField label={t('media.outlet.pic')} value={v.personInCharge} onChange={set('personInCharge')} error={errors.personInCharge} />
          <TextField label={t('media.outlet.certDate')} type="date" value={v.pressCouncilCertDate} onChange={set('pressCouncilCertDate')} error={errors.pressCouncilCertDate} />
          <TextField label={t('media.outlet.circulation')} inputMode="numeric" value={v.circulation} onChange={set('circulation')} error={errors.circulation} />
          <TextField label={t('media.outlet.traffic')} inputMode="numeric" value={v.monthlyTraffic} onChange={set('monthlyTraffic')} error={errors.monthlyTraffic} />
          <TextField label={t('media.outlet.licence')} value={v.broadcastLicence} onChange={set('broadcastLicence')} error={errors.broadcastLicence} />
          <span />
          <TextField label={t('media.outlet.latitude')} inputMode="decimal" value={v.latitude} onChange={set('latitude')} error={errors.latitude} />
          <TextField label={t('media.outlet.longitude')} inputMode="decimal" value={v.longitude} onChange={set('longitude')} error={errors.longitude} />
        </div>
      ) : (
        <button type="button" className="button button--quiet button--small" onClick={() => setMore(true)}>{t('media.outlet.more')}</button>
      )}
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
    social: o.social,
    notes: o.notes,
  };
}
