import { useEffect, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { ContractDetail, ContractSummary, OutletRow } from '../../../shared/media/types';
import { CONTRACT_STATUSES, PRODUCTS, TONES, type ContractStatus, type Product, type Tone } from '../../../shared/media/vocabulary';
import type { ReleaseSummary } from '../../../shared/releases/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FileInput } from '../../components/FileInput';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf, type InputIssue } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { saveFile } from './download';
import { PRODUCT_KEY, STATE_KEY, rupiah, shortDate, todayLocal } from './labels';
import { useMediaStore } from './media-store';

/** Contracts with their progress; a contract opens in the side panel. */
export function ContractsView() {
  const { t } = useT();
  const version = useMediaStore((s) => s.version);
  const select = useMediaStore((s) => s.select);
  const [contracts, setContracts] = useState<ContractSummary[]>([]);
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    void call('media.contracts.list', {}).then((r) => (r.ok ? setContracts(r.value) : setError(r.error)));
  }, [version]);

  async function report(format: 'pdf' | 'xlsx') {
    const r = await call('media.report', { from, to, format });
    if (r.ok) saveFile(r.value);
    else setError(r.error);
  }

  return (
    <div>
      <div className="media-toolbar">
        <button type="button" className="button button--primary" onClick={() => select({ kind: 'newContract' })}>{t('media.contracts.new')}</button>
        <fieldset className="report-fields" aria-label={t('media.report.title')}>
          <TextField label={t('media.report.from')} type="date" value={from} onChange={setFrom} />
          <TextField label={t('media.report.to')} type="date" value={to} onChange={setTo} />
          <button type="button" className="button button--secondary" onClick={() => void report('pdf')}>{t('media.report.pdf')}</button>
          <button type="button" className="button button--secondary" onClick={() => void report('xlsx')}>{t('media.report.xlsx')}</button>
        </fieldset>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {contracts.length === 0 ? <p className="empty">{t('media.contracts.none')}</p> : (
        <div className="table-scroll">
        <table className="table" data-testid="contracts-table">
          <thead>
            <tr>
              <th scope="col">{t('media.contract.number')}</th>
              <th scope="col">{t('media.contract.outlet')}</th>
              <th scope="col">{t('media.contract.period')}</th>
              <th scope="col">{t('media.contract.value')}</th>
              <th scope="col">{t('media.contract.state')}</th>
              <th scope="col">{t('media.contract.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {contracts.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <button type="button" className="link-button" aria-label={t('media.contract.open', { number: c.number })} onClick={() => select({ kind: 'contract', id: c.id })}>{c.number}</button>
                </th>
                <td>{c.outletName}</td>
                <td>{shortDate(c.periodStart)}–{shortDate(c.periodEnd)}</td>
                <td>{rupiah(c.value)}</td>
                <td><span className={`badge ${c.state === 'running' ? 'badge--running' : ''}`}>{t(STATE_KEY[c.state])}</span></td>
                <td>
                  <Bar done={c.deliveredTotal} total={c.quotaTotal} label={t('media.contract.delivered', { delivered: c.deliveredTotal, quota: c.quotaTotal })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </div>
  );
}

function Bar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
      <div className={`progress-bar${done > total ? ' progress-bar--over' : ''}`} role="meter" aria-valuemin={0} aria-valuemax={total} aria-valuenow={Math.min(done, total)} aria-label={label}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <span>{label}</span>
    </div>
  );
}

export function ContractPanel({ id }: { id: string }) {
  const { t } = useT();
  const version = useMediaStore((s) => s.version);
  const select = useMediaStore((s) => s.select);
  const [c, setC] = useState<ContractDetail | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [editing, setEditing] = useState(false);
  const [scan, setScan] = useState<string | null>(null);
  useEffect(() => {
    void call('media.contracts.get', { id }).then((r) => (r.ok ? setC(r.value) : setError(r.error)));
  }, [id, version]);
  async function showScan(hash: string) {
    const r = await call('media.publications.scan', { hash });
    if (!r.ok) return setError(r.error);
    if (r.value.mime.startsWith('image/')) setScan(r.value.dataUrl);
    else saveFile({ fileName: `pindaian-${hash.slice(0, 8)}.pdf`, mime: r.value.mime, base64: r.value.dataUrl.slice(r.value.dataUrl.indexOf(',') + 1), rows: 1 });
  }

  if (!c) return error ? <ErrorMessage error={error} /> : <p>{t('media.loading')}</p>;
  if (editing) return <ContractForm contract={c} onDone={() => setEditing(false)} />;
  return (
    <div>
      <div className="media-panel__head">
        <h2 id="media-panel-title">{c.number}</h2>
        <button type="button" className="button button--small button--quiet" onClick={() => select(null)}>{t('media.close')}</button>
      </div>
      <p>
        <button type="button" className="link-button" onClick={() => select({ kind: 'outlet', id: c.outletId })}>{c.outletName}</button> · {shortDate(c.periodStart)}–{shortDate(c.periodEnd)} · {rupiah(c.value)} ·{' '}
        <span className={`badge ${c.state === 'running' ? 'badge--running' : ''}`}>{t(STATE_KEY[c.state])}</span>
      </p>
      {c.title ? <p>{c.title}</p> : null}
      <h3>{t('media.contract.progress')}</h3>
      <table className="contract-progress" data-testid="contract-progress">
        <tbody>
          {c.progress.map((p) => (
            <tr key={p.product}>
              <th scope="row">{t(PRODUCT_KEY[p.product])}</th>
              <td><Bar done={p.deliveredToDate} total={p.quota} label={t('media.contract.delivered', { delivered: p.deliveredToDate, quota: p.quota })} /></td>
              <td>{p.missing ? <span className="badge badge--warn">{t('media.contract.missing', { missing: p.missing })}</span> : p.over ? <span className="badge">{t('media.contract.over', { over: p.over })}</span> : <span className="badge badge--running">✓</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>{t('media.edit')}</button>
      </div>
      <PublicationForm outletId={c.outletId} />
      <h3>{t('media.contract.publications')}</h3>
      {scan ? (
        <figure>
          <img src={scan} alt={t('media.pub.scan')} style={{ maxWidth: '100%' }} />
          <button type="button" className="button button--small button--quiet" onClick={() => setScan(null)}>{t('media.close')}</button>
        </figure>
      ) : null}
      {c.publications.length === 0 ? <p className="empty">{t('media.contract.noPublications')}</p> : (
        <ul className="plain">
          {c.publications.map((p) => (
            <li key={p.id}>
              {shortDate(p.publishedOn)} · {t(PRODUCT_KEY[p.product])}{p.tone ? ` · ${t(`media.pub.tone.${p.tone}`)}` : ''} · {p.url ? <a href={p.url} target="_blank" rel="noreferrer noopener">{p.title || p.url}</a> : `${p.title} ${p.page}`}
              {p.attachmentHash ? (
                <>
                  {' · '}
                  <button type="button" className="link-button" onClick={() => void showScan(p.attachmentHash as string)}>{t('media.pub.viewScan')}</button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ContractForm({ contract, onDone }: { contract: ContractDetail | null; onDone: () => void }) {
  const { t } = useT();
  const [outlets, setOutlets] = useState<OutletRow[]>([]);
  useEffect(() => {
    void call('media.outlets.list', {}).then((r) => r.ok && setOutlets(r.value));
  }, []);
  const year = new Date().getFullYear();
  const [v, setV] = useState({
    outletId: contract?.outletId ?? '',
    number: contract?.number ?? '',
    title: contract?.title ?? '',
    periodStart: contract?.periodStart ?? `${year}-01-01`,
    periodEnd: contract?.periodEnd ?? `${year}-12-31`,
    value: String(contract?.value ?? ''),
    status: (contract?.status ?? 'active') as ContractStatus,
  });
  const [quotas, setQuotas] = useState<Record<Product, string>>(() => Object.fromEntries(PRODUCTS.map((p) => [p, String(contract?.quotas.find((q) => q.product === p)?.quota ?? '')])) as Record<Product, string>);
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const errors = fieldErrorsOf(issues, t);
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('media.contracts.save', {
      ...(contract ? { id: contract.id, notes: contract.notes } : {}),
      status: v.status,
      outletId: v.outletId,
      number: v.number,
      title: v.title,
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
      value: Number(v.value.replace(/[^0-9]/g, '')) || 0,
      quotas: PRODUCTS.filter((p) => Number(quotas[p]) > 0).map((p) => ({ product: p, quota: Number(quotas[p]) })),
    });
    if (r.ok) {
      useMediaStore.getState().select({ kind: 'contract', id: r.value.id });
      useMediaStore.getState().changed();
      return onDone();
    }
    setIssues(r.error.code === 'invalid_input' ? issuesOf(r.error.details) : []);
    setError(r.error);
  }
  const title = contract ? contract.number : t('media.contracts.new');
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <SelectField label={t('media.contract.outlet')} value={v.outletId} onChange={set('outletId')} error={errors.outletId} options={[{ value: '', label: '—' }, ...outlets.map((o) => ({ value: o.id, label: o.name }))]} />
      <div className="grid grid--2">
        <TextField label={t('media.contract.number')} value={v.number} onChange={set('number')} error={errors.number} required />
        <TextField label={t('media.contract.value')} inputMode="numeric" value={v.value} onChange={set('value')} error={errors.value} />
        <TextField label={t('media.contract.start')} type="date" value={v.periodStart} onChange={set('periodStart')} error={errors.periodStart} />
        <TextField label={t('media.contract.end')} type="date" value={v.periodEnd} onChange={set('periodEnd')} error={errors.periodEnd} />
      </div>
      <TextField label={t('media.contract.title')} value={v.title} onChange={set('title')} />
      <SelectField label={t('media.contract.status')} value={v.status} onChange={set('status')} options={CONTRACT_STATUSES.map((x) => ({ value: x, label: t(`media.contract.status.${x}`) }))} />
      <fieldset>
        <legend>{t('media.contract.quota')}</legend>
        <div className="quota-grid">
          {PRODUCTS.map((p) => (
            <TextField key={p} label={t(PRODUCT_KEY[p])} inputMode="numeric" value={quotas[p]} onChange={(val) => setQuotas((q) => ({ ...q, [p]: val.replace(/[^0-9]/g, '') }))} />
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary">{t('media.save')}</button>
        <button type="button" className="button button--quiet" onClick={onDone}>{t('media.cancel')}</button>
        {error && issues.length === 0 ? <ErrorMessage error={error} /> : null}
      </div>
    </form>
  );
}

/** Record a publication by pasting its link (outlet and date recognised) or by page and scan. */
function PublicationForm({ outletId }: { outletId: string }) {
  const { t } = useT();
  const today = todayLocal();
  const [v, setV] = useState({ url: '', page: '', title: '', publishedOn: today, product: 'news' as Product, releaseId: '' });
  const [tone, setTone] = useState<Tone | ''>('');
  const [scan, setScan] = useState<string | null>(null);
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = fieldErrorsOf(issues, t);
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  // The release an article carried, chosen by its number and title (never typed as an id): the latest published ones.
  const [releases, setReleases] = useState<ReleaseSummary[]>([]);
  useEffect(() => {
    void call('releases.list', { query: '', statuses: ['published'], from: null, to: null, opdId: null, tag: null, writer: null, offset: 0, limit: 100 }).then((r) => r.ok && setReleases(r.value.items));
  }, []);

  async function fromLink(url: string) {
    set('url')(url);
    if (!/^https?:\/\//i.test(url)) return;
    const r = await call('media.publications.fromLink', { url });
    if (r.ok && r.value.publishedOn) setV((s) => ({ ...s, publishedOn: r.value.publishedOn as string }));
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await call('media.publications.save', { outletId, ...v, tone: tone || null, ...(scan ? { scan: { base64: scan } } : {}) });
    if (r.ok) {
      setV({ url: '', page: '', title: '', publishedOn: today, product: v.product, releaseId: '' });
      setScan(null);
      setTone('');
      setIssues([]);
      setError(null);
      setSaved(true);
      useMediaStore.getState().changed();
    } else {
      setIssues(r.error.code === 'invalid_input' ? issuesOf(r.error.details) : []);
      setError(r.error);
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('media.pub.new')} className="personal-box">
      <h3>{t('media.pub.new')}</h3>
      <TextField label={t('media.pub.link')} hint={t('media.pub.link.hint')} type="url" value={v.url} onChange={(u) => void fromLink(u)} error={errors.url} />
      <div className="grid grid--2">
        <TextField label={t('media.pub.date')} type="date" value={v.publishedOn} onChange={set('publishedOn')} error={errors.publishedOn} />
        <SelectField label={t('media.pub.product')} value={v.product} onChange={set('product')} options={PRODUCTS.map((p) => ({ value: p, label: t(PRODUCT_KEY[p]) }))} />
        <SelectField label={t('media.pub.tone')} value={tone} onChange={setTone} options={[{ value: '' as const, label: t('media.pub.tone.none') }, ...TONES.map((x) => ({ value: x, label: t(`media.pub.tone.${x}`) }))]} />
        <TextField label={t('media.pub.title')} value={v.title} onChange={set('title')} />
        <TextField label={t('media.pub.page')} value={v.page} onChange={set('page')} />
        <SelectField
          label={t('media.pub.release')}
          value={v.releaseId}
          onChange={set('releaseId')}
          error={errors.releaseId}
          options={[{ value: '', label: t('media.pub.release.none') }, ...releases.map((r) => ({ value: r.id, label: [r.number, r.title].filter(Boolean).join(' · ') }))]}
        />
        <div className="field">
          <label className="field__label" htmlFor="pub-scan">{t('media.pub.scan')}</label>
          <FileInput id="pub-scan" accept="image/png,image/jpeg,image/webp,application/pdf" onFile={async (f) => {
            if (!f) return setScan(null);
            const buf = new Uint8Array(await f.arrayBuffer());
            let bin = '';
            for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
            setScan(btoa(bin));
          }} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary button--small">{t('media.save')}</button>
        {saved ? <p className="form-actions__ok" role="status">{t('media.pub.saved')}</p> : null}
        {error && issues.length === 0 ? <ErrorMessage error={error} /> : null}
      </div>
    </form>
  );
}
