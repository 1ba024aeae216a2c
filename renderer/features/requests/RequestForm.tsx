import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { REQUEST_CHANNELS, REQUEST_KINDS, type RequestChannel, type RequestDetail, type RequestKind } from '../../../shared/requests/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf, type InputIssue } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { useOpdStore } from '../settings/opd-store';
import { useChunkT } from './chunk-messages';
import { fieldsOf, instantOf } from './when';

interface Props {
  /** The desk records a request on an OPD's behalf: it names the OPD and the channel. */
  desk: boolean;
  /** A request the desk asked more about: the OPD completes it and sends it again. */
  again: RequestDetail | null;
  onDone: (r: RequestDetail) => void;
  onCancel: () => void;
}

/**
 * One form, one request: its id is made when the form opens, so sending it twice (a double
 * click, a retry) finds the request already there and makes no second one.
 */
export function RequestForm({ desk, again, onDone, onCancel }: Props) {
  const { t } = useT();
  const { t: ti } = useChunkT();
  const id = useMemo(() => again?.id ?? crypto.randomUUID(), [again]);
  const opds = useOpdStore((s) => s.items);
  useEffect(() => {
    if (desk) void useOpdStore.getState().load();
  }, [desk]);
  const zone0 = (again?.zone ?? 'WIB') as ZoneLabel;
  const [v, setV] = useState({
    kind: (again?.kind ?? 'publicity') as RequestKind,
    opdId: again?.opdId ?? '',
    channel: (again?.channel ?? (desk ? 'phone' : 'app')) as RequestChannel,
    title: again?.title ?? '',
    description: again?.description ?? '',
    place: again?.place ?? '',
    startDate: fieldsOf(again?.startMs ?? null, zone0).date,
    startTime: fieldsOf(again?.startMs ?? null, zone0).time,
    endDate: fieldsOf(again?.endMs ?? null, zone0).date,
    endTime: fieldsOf(again?.endMs ?? null, zone0).time,
    zone: zone0,
    attendees: again?.attendees ?? '',
    contactName: again?.contactName ?? '',
    contactPhone: again?.contactPhone ?? '',
    material: again?.material ?? '',
    inviter: again?.inviter ?? '',
    invitationNumber: again?.invitationNumber ?? '',
    invitationDate: again?.invitationDate ?? '',
  });
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(issues, t);
  // A refusal the core words about one field (a date in the past, no OPD) is shown at that field.
  const fieldOfError = typeof error?.details?.field === 'string' ? error.details.field : null;
  const errorAt = (field: string) => errors[field] ?? (fieldOfError === field ? error?.message : undefined);

  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) => {
    setV((old) => ({ ...old, [key]: value }));
    setIssues((list) => list.filter((i) => !i.path.startsWith(String(key).replace(/(Date|Time)$/, ''))));
    // The core's word about a field is stale once that field changes.
    setError(null);
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const endDate = v.endDate || v.startDate;
    const result = await call('requests.submit', {
      id,
      opdId: desk ? v.opdId || null : null,
      kind: v.kind,
      channel: desk ? v.channel : 'app',
      title: v.title,
      description: v.description,
      place: v.place,
      startMs: v.kind === 'material' ? null : instantOf(v.startDate, v.startTime, v.zone),
      endMs: v.kind === 'material' ? null : instantOf(endDate, v.endTime, v.zone),
      zone: v.zone,
      attendees: v.attendees,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      material: v.material,
      inviter: v.kind === 'invitation' ? v.inviter : '',
      invitationNumber: v.kind === 'invitation' ? v.invitationNumber : '',
      invitationDate: v.kind === 'invitation' ? v.invitationDate : '',
    });
    setBusy(false);
    if (result.ok) {
      onDone(result.value);
      return;
    }
    setIssues(result.error.code === 'invalid_input' ? issuesOf(result.error.details) : []);
    setError(result.error);
  }

  const timed = v.kind !== 'material';
  return (
    <form className="requests-form" onSubmit={(e) => void onSubmit(e)} aria-labelledby="request-form-title" data-testid="request-form">
      <h2 id="request-form-title">{again ? t('requests.detail.complete') : desk ? t('requests.new.desk') : t('requests.new')}</h2>
      <SelectField label={t('requests.form.kind')} value={v.kind} onChange={(k) => set('kind', k)} options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`requests.kind.${k}`) }))} />
      {v.kind === 'press_conference' ? <p className="field__hint">{t('requests.form.pressRoomHint')}</p> : null}
      {desk && !again ? (
        <div className="requests-form__row">
          <SelectField
            label={t('requests.form.opd')}
            value={v.opdId}
            onChange={(o) => set('opdId', o)}
            error={errorAt('opdId')}
            options={[{ value: '', label: v.kind === 'invitation' ? ti('inv.outside') : t('requests.form.opdPick') }, ...opds.map((o) => ({ value: o.id, label: o.abbreviation ? `${o.abbreviation} — ${o.name}` : o.name }))]}
          />
          <SelectField
            label={t('requests.form.channel')}
            value={v.channel}
            onChange={(c) => set('channel', c)}
            error={errorAt('channel')}
            options={REQUEST_CHANNELS.filter((c) => c !== 'app').map((c) => ({ value: c, label: t(`requests.channel.${c}`) }))}
          />
        </div>
      ) : null}
      {v.kind === 'invitation' ? (
        <>
          {desk && !again ? <TextField label={ti('inv.inviter')} value={v.inviter} onChange={(x) => set('inviter', x)} error={errorAt('inviter')} hint={ti('inv.inviterHint')} maxLength={300} /> : null}
          <div className="requests-form__row">
            <TextField label={ti('inv.number')} value={v.invitationNumber} onChange={(x) => set('invitationNumber', x)} error={errorAt('invitationNumber')} maxLength={100} />
            <TextField label={ti('inv.date')} type="date" value={v.invitationDate} onChange={(x) => set('invitationDate', x)} error={errorAt('invitationDate')} />
          </div>
          <p className="field__hint">{ti('inv.letterHint')}</p>
        </>
      ) : null}
      <TextField label={t('requests.form.title')} value={v.title} onChange={(x) => set('title', x)} error={errorAt('title')} required maxLength={300} />
      <TextField label={t('requests.form.description')} value={v.description} onChange={(x) => set('description', x)} error={errorAt('description')} multiline />
      {timed ? (
        <>
          <TextField label={t('requests.form.place')} value={v.place} onChange={(x) => set('place', x)} error={errorAt('place')} />
          <div className="requests-form__row">
            <TextField label={t('requests.form.startDate')} type="date" value={v.startDate} onChange={(x) => set('startDate', x)} error={errorAt('startMs')} required />
            <TextField label={t('requests.form.startTime')} type="time" value={v.startTime} onChange={(x) => set('startTime', x)} />
            <TextField label={t('requests.form.endDate')} type="date" value={v.endDate} onChange={(x) => set('endDate', x)} error={errorAt('endMs')} />
            <TextField label={t('requests.form.endTime')} type="time" value={v.endTime} onChange={(x) => set('endTime', x)} />
            <SelectField label={t('requests.form.zone')} value={v.zone} onChange={(z) => set('zone', z)} options={(['WIB', 'WITA', 'WIT'] as const).map((z) => ({ value: z, label: z }))} />
          </div>
          <TextField label={t('requests.form.attendees')} value={v.attendees} onChange={(x) => set('attendees', x)} error={errorAt('attendees')} />
        </>
      ) : (
        <TextField label={t('requests.form.material')} value={v.material} onChange={(x) => set('material', x)} error={errorAt('material')} multiline required className="requests-form__material" />
      )}
      <div className="requests-form__row">
        <TextField label={t('requests.form.contactName')} value={v.contactName} onChange={(x) => set('contactName', x)} error={errorAt('contactName')} />
        <TextField label={t('requests.form.contactPhone')} value={v.contactPhone} onChange={(x) => set('contactPhone', x)} error={errorAt('contactPhone')} inputMode="tel" />
      </div>
      {error && issues.length === 0 && !fieldOfError ? <ErrorMessage error={error} /> : null}
      <div className="requests-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('requests.form.sending') : again ? t('requests.form.resend') : t('requests.form.send')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('requests.form.cancel')}
        </button>
      </div>
    </form>
  );
}
