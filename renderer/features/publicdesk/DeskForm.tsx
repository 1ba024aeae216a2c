import { useEffect, useMemo, useState, type ClipboardEvent, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DeskTerm } from '../../../shared/contract/methods/publicdesk';
import { COPY_BY, DEFAULT_CATEGORIES, DESK_CHANNELS, RECEIVE_BY, DESK_KINDS, DESK_PRIORITIES, type DeskChannel, type DeskItem, type DeskKind, type DeskPriority } from '../../../shared/publicdesk/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { sendDeskFile } from './files';
import { useDeskT } from './messages';

/**
 * One form, one item: its id is made when the form opens, so saving twice (a double click, a
 * retry) finds the item already there. A screenshot may be pasted anywhere in the form.
 */
export function DeskForm({ onDone, onCancel }: { onDone: (item: DeskItem) => void; onCancel: () => void }) {
  const { t } = useDeskT();
  const { t: tg } = useT();
  const id = useMemo(() => crypto.randomUUID(), []);
  const [terms, setTerms] = useState<DeskTerm[]>([]);
  const [v, setV] = useState({
    kind: 'complaint' as DeskKind,
    channel: 'instagram' as DeskChannel,
    ticket: '',
    postUrl: '',
    anonymous: false,
    personName: '',
    personPhone: '',
    personEmail: '',
    personAddress: '',
    consent: false,
    body: '',
    category: '',
    location: '',
    priority: 'normal' as DeskPriority,
    purpose: '',
    receiveBy: '' as (typeof RECEIVE_BY)[number] | '',
    copyBy: '' as (typeof COPY_BY)[number] | '',
  });
  const [shot, setShot] = useState<File | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(issuesOf(error?.details), tg);
  const fieldOfError = typeof error?.details?.field === 'string' ? error.details.field : null;
  const errorAt = (f: string) => errors[f] ?? (fieldOfError === f ? error?.message : undefined);
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) => setV((old) => ({ ...old, [key]: value }));

  useEffect(() => {
    void call('publicdesk.terms.list', {}).then((r) => r.ok && setTerms(r.value));
  }, []);
  const categories = [...new Set([...terms.filter((x) => x.kind === 'category').map((x) => x.label), ...(terms.length === 0 ? DEFAULT_CATEGORIES : [])])];
  const locations = terms.filter((x) => x.kind === 'location').map((x) => x.label);

  function paste(e: ClipboardEvent) {
    const file = [...e.clipboardData.files].find((f) => f.type.startsWith('image/'));
    if (file) {
      e.preventDefault();
      setShot(file);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const ppid = v.kind === 'info_request' || v.kind === 'objection';
    const res = await call('publicdesk.receive', {
      id,
      ...v,
      ticket: v.channel === 'lapor' ? v.ticket : '',
      purpose: ppid ? v.purpose : '',
      receiveBy: ppid && v.receiveBy ? v.receiveBy : null,
      copyBy: ppid && v.copyBy ? v.copyBy : null,
    });
    if (!res.ok) {
      setBusy(false);
      return setError(res.error);
    }
    if (shot) {
      const failed = await sendDeskFile(shot, { itemId: res.value.id });
      if (failed) {
        setBusy(false);
        // The item is saved; the screenshot is refused next to its field and can be added again.
        return setError({ ...failed, details: { field: 'screenshot' } });
      }
    }
    setBusy(false);
    onDone(res.value);
  }

  return (
    <form className="desk-form" onSubmit={(e) => void submit(e)} onPaste={paste} noValidate data-testid="desk-form">
      <div className="row">
        <SelectField label={t('desk.form.kind')} value={v.kind} options={DESK_KINDS.map((k) => ({ value: k, label: t(`desk.kind.${k}`) }))} onChange={(k) => set('kind', k)} />
        <SelectField label={t('desk.form.channel')} value={v.channel} options={DESK_CHANNELS.map((c) => ({ value: c, label: t(`desk.channel.${c}`) }))} onChange={(c) => set('channel', c)} />
        <SelectField label={t('desk.form.priority')} value={v.priority} options={DESK_PRIORITIES.map((p) => ({ value: p, label: t(`desk.priority.${p}`) }))} onChange={(p) => set('priority', p)} />
      </div>
      {v.channel === 'lapor' ? <TextField label={t('desk.form.ticket')} value={v.ticket} onChange={(x) => set('ticket', x)} error={errorAt('ticket')} required /> : null}
      <TextField label={t('desk.form.postUrl')} value={v.postUrl} onChange={(x) => set('postUrl', x)} error={errorAt('postUrl')} inputMode="url" />
      <div className={`field${errorAt('screenshot') ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={`${id}-shot`}>
          {t('desk.form.screenshot')}
        </label>
        <input id={`${id}-shot`} type="file" accept="image/png,image/jpeg" onChange={(e) => setShot(e.target.files?.[0] ?? null)} />
        {shot ? <span className="muted"> {shot.name || 'tangkapan-layar.png'} ({Math.max(1, Math.round(shot.size / 1024))} KB)</span> : null}
        {errorAt('screenshot') ? (
          <p className="field__error" role="alert">
            {errorAt('screenshot')}
          </p>
        ) : null}
      </div>
      <label>
        <input type="checkbox" checked={v.anonymous} onChange={(e) => setV((o) => ({ ...o, anonymous: e.target.checked, ...(e.target.checked ? { personName: '', personPhone: '', personEmail: '', personAddress: '', consent: false } : {}) }))} />{' '}
        {t('desk.form.anonymous')}
      </label>
      {v.anonymous ? null : (
        <>
          <div className="row">
            <TextField label={t('desk.form.name')} value={v.personName} onChange={(x) => set('personName', x)} error={errorAt('personName')} required />
            <TextField label={t('desk.form.phone')} value={v.personPhone} onChange={(x) => set('personPhone', x)} error={errorAt('personPhone')} inputMode="tel" />
            <TextField label={t('desk.form.email')} value={v.personEmail} onChange={(x) => set('personEmail', x)} error={errorAt('personEmail')} inputMode="email" />
          </div>
          <TextField label={t('desk.form.address')} value={v.personAddress} onChange={(x) => set('personAddress', x)} error={errorAt('personAddress')} />
          <label className={errorAt('consent') ? 'field--error' : undefined}>
            <input type="checkbox" checked={v.consent} onChange={(e) => set('consent', e.target.checked)} /> {t('desk.form.consent')}
            {errorAt('consent') ? (
              <span className="field__error" role="alert">
                {' '}
                {errorAt('consent')}
              </span>
            ) : null}
          </label>
        </>
      )}
      {v.kind === 'info_request' || v.kind === 'objection' ? (
        <div className="row">
          <TextField label={t('desk.ppid.purpose')} value={v.purpose} onChange={(x) => set('purpose', x)} error={errorAt('purpose')} />
          <SelectField
            label={t('desk.ppid.receiveBy')}
            value={v.receiveBy}
            options={[{ value: '' as const, label: t('desk.ppid.none') }, ...RECEIVE_BY.map((r) => ({ value: r, label: t(`desk.ppid.receive.${r}`) }))]}
            onChange={(r) => set('receiveBy', r)}
          />
          <SelectField
            label={t('desk.ppid.copyBy')}
            value={v.copyBy}
            options={[{ value: '' as const, label: t('desk.ppid.none') }, ...COPY_BY.map((c) => ({ value: c, label: t(`desk.ppid.copy.${c}`) }))]}
            onChange={(c) => set('copyBy', c)}
          />
        </div>
      ) : null}
      <TextField label={t('desk.form.body')} value={v.body} onChange={(x) => set('body', x)} error={errorAt('body')} multiline required />
      <div className="row">
        <TextField label={t('desk.form.category')} value={v.category} onChange={(x) => set('category', x)} error={errorAt('category')} list={`${id}-cats`} />
        <TextField label={t('desk.form.location')} value={v.location} onChange={(x) => set('location', x)} error={errorAt('location')} list={`${id}-locs`} />
        <datalist id={`${id}-cats`}>
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <datalist id={`${id}-locs`}>
          {locations.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>
      {error && !Object.keys(errors).length && !fieldOfError ? <ErrorMessage error={error} /> : null}
      <div className="desk-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('desk.form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('desk.cancel')}
        </button>
      </div>
    </form>
  );
}
