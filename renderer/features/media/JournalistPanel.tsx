import { useEffect, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { Journalist, JournalistPersonal, OutletRow } from '../../../shared/media/types';
import { CONSENT_STATES, UKW_LEVELS, type ConsentState, type UkwLevel } from '../../../shared/media/vocabulary';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf, type InputIssue } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { saveFile } from './download';
import { formatPhoneLocal, whatsappDigits } from '../../../shared/media/phone';
import { CONSENT_KEY, UKW_KEY, shortDate } from './labels';
import { useMediaStore } from './media-store';
import { JournalistDeliveries } from '../distribution/JournalistDeliveries';

export function JournalistPanel({ id }: { id: string }) {
  const { t } = useT();
  const version = useMediaStore((s) => s.version);
  const select = useMediaStore((s) => s.select);
  const [person, setPerson] = useState<Journalist | null>(null);
  const [personal, setPersonal] = useState<JournalistPersonal | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [reason, setReason] = useState('');

  useEffect(() => {
    setPersonal(null);
    void call('media.journalists.get', { id }).then((r) => (r.ok ? setPerson(r.value) : setError(r.error)));
  }, [id, version]);

  async function show() {
    const r = await call('media.journalists.personal', { id });
    if (r.ok) setPersonal(r.value);
    else setError(r.error);
  }
  async function exportPerson(format: 'json' | 'xlsx') {
    const r = await call('media.journalists.exportPerson', { id, format });
    if (r.ok) saveFile(r.value);
    else setError(r.error);
  }
  async function erase(e: FormEvent) {
    e.preventDefault();
    const r = await call('media.journalists.erase', { id, reason });
    if (r.ok) {
      setPerson(r.value);
      setPersonal(null);
      setErasing(false);
    } else setError(r.error);
  }

  if (!person) return error ? <ErrorMessage error={error} /> : <p>{t('media.loading')}</p>;
  if (editing) return <JournalistForm person={person} personal={personal} onDone={() => setEditing(false)} />;
  return (
    <div>
      <div className="media-panel__head">
        <h2 id="media-panel-title">{person.name}</h2>
        <button type="button" className="button button--small button--quiet" onClick={() => select(null)}>{t('media.close')}</button>
      </div>
      {person.erasedAt ? <p className="badge badge--danger">{t('media.person.erased', { date: shortDate(person.erasedAt) })}</p> : null}
      <dl className="info-list">
        <dt>{t('media.person.outlet')}</dt>
        <dd>{person.outletId ? <button type="button" className="link-button" onClick={() => select({ kind: 'outlet', id: person.outletId as string })}>{person.outletName}</button> : '—'}</dd>
        <dt>{t('media.person.beat')}</dt>
        <dd>{person.beat || '—'}</dd>
        <dt>{t('media.person.ukwLevel')}</dt>
        <dd>{person.ukwLevel ? `${t(UKW_KEY[person.ukwLevel])}${person.ukwValidUntil ? ` · s.d. ${shortDate(person.ukwValidUntil)}` : ''}` : '—'}</dd>
        <dt>{t('media.person.source')}</dt>
        <dd>{person.dataSource || '—'}</dd>
        <dt>{t('media.person.consent')}</dt>
        <dd>{t(CONSENT_KEY[person.consent])}{person.consentAt ? ` (${shortDate(person.consentAt)})` : ''}</dd>
      </dl>
      {!person.erasedAt ? (
        <>
          <section className="personal-box" aria-labelledby="personal-title">
            <h3 id="personal-title">{t('media.person.personal')}</h3>
            <p>{t('media.person.personal.hint')}</p>
            {personal ? (
              <dl className="info-list" data-testid="personal-data">
                <dt>{t('media.person.phone')}</dt><dd>{personal.phone ? formatPhoneLocal(personal.phone) : '—'}</dd>
                <dt>{t('media.person.whatsapp')}</dt>
                <dd>
                  {personal.whatsapp ? formatPhoneLocal(personal.whatsapp) : '—'}
                  {/* Click-to-chat only for a mobile number: a landline has no WhatsApp. */}
                  {whatsappDigits(personal.whatsapp) ? (
                    <>
                      {' '}
                      <a className="button button--quiet button--small" href={`https://wa.me/${whatsappDigits(personal.whatsapp)}`} target="_blank" rel="noopener noreferrer" aria-label={t('media.person.chatFor', { name: person.name })}>
                        {t('media.person.chat')}
                      </a>
                    </>
                  ) : personal.whatsapp ? (
                    <span className="field__hint"> {t('media.person.notMobile')}</span>
                  ) : null}
                </dd>
                <dt>{t('media.person.email')}</dt><dd>{personal.email || '—'}</dd>
                <dt>{t('media.person.ukwNumber')}</dt><dd>{personal.ukwNumber || '—'}</dd>
                <dt>{t('media.person.card')}</dt><dd>{personal.pressCardNo || '—'}</dd>
              </dl>
            ) : (
              <button type="button" className="button button--secondary button--small" onClick={() => void show()}>{t('media.person.show')}</button>
            )}
          </section>
          <JournalistDeliveries person={person} />
          <div className="form-actions">
            <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>{t('media.edit')}</button>
            <button type="button" className="button button--quiet button--small" onClick={() => void exportPerson('json')}>{t('media.person.exportJson')}</button>
            <button type="button" className="button button--quiet button--small" onClick={() => void exportPerson('xlsx')}>{t('media.person.exportXlsx')}</button>
          </div>
          <div className="danger-zone">
            {erasing ? (
              <form onSubmit={erase} aria-label={t('media.person.erase')}>
                <p>{t('media.person.eraseWarning')}</p>
                <TextField label={t('media.person.eraseReason')} value={reason} onChange={setReason} required autoFocus />
                <div className="form-actions">
                  <button type="submit" className="button button--danger">{t('media.person.eraseConfirm')}</button>
                  <button type="button" className="button button--quiet" onClick={() => setErasing(false)}>{t('media.cancel')}</button>
                </div>
              </form>
            ) : (
              <button type="button" className="button button--danger button--small" onClick={() => setErasing(true)}>{t('media.person.erase')}</button>
            )}
          </div>
        </>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}

export function JournalistForm({ person, personal, onDone }: { person: Journalist | null; personal: JournalistPersonal | null; onDone: () => void }) {
  const { t } = useT();
  const outlets = useMediaStore((s) => s.outlets);
  const selection = useMediaStore((s) => s.selection);
  const [allOutlets, setAllOutlets] = useState<OutletRow[]>(outlets);
  useEffect(() => {
    void call('media.outlets.list', {}).then((r) => r.ok && setAllOutlets(r.value));
  }, []);
  const [v, setV] = useState({
    name: person?.name ?? '',
    outletId: person?.outletId ?? (selection?.kind === 'newJournalist' ? '' : ''),
    beat: person?.beat ?? '',
    role: person?.role ?? '',
    ukwLevel: (person?.ukwLevel ?? '') as UkwLevel | '',
    ukwValidUntil: person?.ukwValidUntil ?? '',
    dataSource: person?.dataSource ?? '',
    consent: (person?.consent ?? 'unknown') as ConsentState,
  });
  const [flags, setFlags] = useState({ doNotSend: person?.doNotSend ?? false, embargoTrusted: person?.embargoTrusted ?? false });
  const [p, setP] = useState<JournalistPersonal>(personal ?? { phone: '', whatsapp: '', email: '', ukwNumber: '', pressCardNo: '' });
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const errors = fieldErrorsOf(issues, t);
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  const setPersonal = (k: keyof JournalistPersonal) => (value: string) => setP((s) => ({ ...s, [k]: value }));
  // Personal fields are sent only when they were shown (a new person, or after "show").
  const withPersonal = !person || personal !== null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('media.journalists.save', {
      ...(person ? { id: person.id, notes: person.notes } : {}),
      ...v,
      ...flags,
      outletId: v.outletId || null,
      ukwLevel: v.ukwLevel || null,
      ukwValidUntil: v.ukwValidUntil || null,
      ...(withPersonal ? { personal: p } : {}),
    });
    if (r.ok) {
      useMediaStore.getState().select({ kind: 'journalist', id: r.value.id });
      return onDone();
    }
    setIssues(r.error.code === 'invalid_input' ? issuesOf(r.error.details) : []);
    setError(r.error);
  }
  const title = person ? person.name : t('media.person.new');
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <TextField label={t('media.person.name')} value={v.name} onChange={set('name')} error={errors.name} required autoFocus />
      <SelectField label={t('media.person.outlet')} value={v.outletId} onChange={set('outletId')} options={[{ value: '', label: '—' }, ...allOutlets.map((o) => ({ value: o.id, label: o.name }))]} />
      <div className="grid grid--2">
        <TextField label={t('media.person.beat')} value={v.beat} onChange={set('beat')} error={errors.beat} />
        <TextField label={t('media.person.role')} value={v.role} onChange={set('role')} error={errors.role} />
        <SelectField label={t('media.person.ukwLevel')} value={v.ukwLevel} onChange={set('ukwLevel')} options={[{ value: '', label: '—' }, ...UKW_LEVELS.map((u) => ({ value: u, label: t(UKW_KEY[u]) }))]} />
        <TextField label={t('media.person.ukwUntil')} type="date" value={v.ukwValidUntil} onChange={set('ukwValidUntil')} error={errors.ukwValidUntil} />
      </div>
      <TextField label={t('media.person.source')} hint={t('media.person.source.hint')} value={v.dataSource} onChange={set('dataSource')} error={errors.dataSource} required />
      <SelectField label={t('media.person.consent')} value={v.consent} onChange={set('consent')} options={CONSENT_STATES.map((c) => ({ value: c, label: t(CONSENT_KEY[c]) }))} />
      <div className="checkbox-list">
        <label>
          <input type="checkbox" checked={flags.doNotSend} onChange={(e) => setFlags((f) => ({ ...f, doNotSend: e.target.checked }))} /> {t('distribution.flag.doNotSend')} <span className="field__hint">({t('distribution.flag.doNotSend.hint')})</span>
        </label>
        <label>
          <input type="checkbox" checked={flags.embargoTrusted} onChange={(e) => setFlags((f) => ({ ...f, embargoTrusted: e.target.checked }))} /> {t('distribution.flag.embargoTrusted')} <span className="field__hint">({t('distribution.flag.embargoTrusted.hint')})</span>
        </label>
      </div>
      {withPersonal ? (
        <fieldset className="personal-box">
          <legend>{t('media.person.personal')}</legend>
          <div className="grid grid--2">
            <TextField label={t('media.person.phone')} type="tel" value={p.phone} onChange={setPersonal('phone')} error={errors['personal.phone']} />
            <TextField label={t('media.person.whatsapp')} type="tel" value={p.whatsapp} onChange={setPersonal('whatsapp')} error={errors['personal.whatsapp']} />
            <TextField label={t('media.person.email')} type="email" value={p.email} onChange={setPersonal('email')} error={errors['personal.email']} />
            <TextField label={t('media.person.ukwNumber')} value={p.ukwNumber} onChange={setPersonal('ukwNumber')} />
            <TextField label={t('media.person.card')} value={p.pressCardNo} onChange={setPersonal('pressCardNo')} />
          </div>
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary">{t('media.save')}</button>
        <button type="button" className="button button--quiet" onClick={onDone}>{t('media.cancel')}</button>
        {error && issues.length === 0 ? <ErrorMessage error={error} /> : null}
      </div>
    </form>
  );
}
