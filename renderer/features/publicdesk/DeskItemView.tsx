import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { DESK_OUTCOMES, type DeskItem, type DeskOutcome } from '../../../shared/publicdesk/model';
import { call } from '../../api/client';
import type { CallResult } from '../../../shared/contract/result';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useOpdStore } from '../settings/opd-store';
import { downloadBase64 } from '../agenda/download';
import { AssigneeField } from './AssigneeField';
import { DaysLeft } from './DaysLeft';
import { DecisionForm } from './DecisionForm';
import { NoticeButtons } from './NoticeButtons';
import { ReplyHelper } from './ReplyHelper';
import { useDeskT } from './messages';

const X_LIMIT = 280;

/** An instant in the reader's clock and language. */
const when = (iso: string, language: string) => (iso ? new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }) : '');

/** One item at the desk: what came in, who sent it, where it went, what each OPD answered, and the steps to take next. */
export function DeskItemView({ id, version, onBack, onOpen }: { id: string; version: number; onBack: () => void; onOpen: (id: string) => void }) {
  const { t, language } = useDeskT();
  const [item, setItem] = useState<DeskItem | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const opds = useOpdStore((s) => s.items);
  const [chosen, setChosen] = useState<string[]>([]);
  const [summary, setSummary] = useState('');
  const [reply, setReply] = useState({ text: '', url: '' });
  const [outcome, setOutcome] = useState<DeskOutcome>('resolved');
  const [mergeNumber, setMergeNumber] = useState('');
  const [reason, setReason] = useState('');
  const [extensionDays, setExtensionDays] = useState(7);

  useEffect(() => {
    void useOpdStore.getState().load();
    void call('publicdesk.settings.get', {}).then((r) => r.ok && setExtensionDays(r.value.info_request_extension));
  }, []);
  useEffect(() => {
    void call('publicdesk.get', { id }).then((r) => {
      if (r.ok) {
        setItem(r.value);
        setReply((old) => (old.text ? old : { text: r.value.replyText, url: r.value.replyUrl }));
      } else setError(r.error);
    });
  }, [id, version]);

  async function run<T>(p: Promise<CallResult<T>>, after?: (v: T) => void) {
    setBusy(true);
    setError(null);
    const r = await p;
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (after) after(r.value);
    const fresh = await call('publicdesk.get', { id });
    if (fresh.ok) setItem(fresh.value);
  }

  async function merge() {
    const found = await call('publicdesk.list', { query: '', limit: 500 });
    const target = found.ok ? found.value.items.find((i) => i.number === mergeNumber.trim()) : undefined;
    if (!target) return setError({ code: 'not_found', message: t('desk.merge.notFound', { number: mergeNumber }) });
    await run(call('publicdesk.merge', { id, intoId: target.id }), () => onOpen(target.id));
  }

  async function openFile(fileId: string) {
    const r = await call('publicdesk.file', { id: fileId });
    if (r.ok) downloadBase64(r.value.fileName, r.value.mime, r.value.base64);
    else setError(r.error);
  }

  if (!item) return error ? <ErrorMessage error={error} /> : null;
  const open = ['received', 'verified', 'disposed', 'answered'].includes(item.status);
  return (
    <div className="desk-detail" data-testid="desk-detail">
      <p>
        <button type="button" className="link-button" onClick={onBack}>
          ← {t('desk.back')}
        </button>
      </p>
      <h2>
        {item.number} · {t(`desk.kind.${item.kind}`)} · {t(`desk.status.${item.status}`)}
      </h2>
      <p>
        {t('desk.detail.received', { at: when(item.receivedAt, language), channel: t(`desk.channel.${item.channel}`) })}
        {item.ticket ? ` · ${item.ticket}` : ''} · {t('desk.detail.due', { date: item.dueDate ?? '—' })} · <DaysLeft view={item} />
        {item.escalatedAt ? <strong> · {t('desk.escalated')}</strong> : null}
      </p>
      {open ? <AssigneeField item={item} onChanged={setItem} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      <section aria-label={t('desk.form.body')}>
        <p className="desk-body">{item.body}</p>
        <p className="muted">
          {[item.category, item.location, t(`desk.priority.${item.priority}`)].filter(Boolean).join(' · ')}
        </p>
      </section>
      <section>
        <h3>{t('desk.detail.post')}</h3>
        {item.postUrl ? (
          <a href={item.postUrl} target="_blank" rel="noreferrer noopener">
            {item.postUrl}
          </a>
        ) : null}
        <ul>
          {item.files.map((f) => (
            <li key={f.id}>
              <button type="button" className="link-button" onClick={() => void openFile(f.id)}>
                {f.fileName}
              </button>
            </li>
          ))}
        </ul>
        <h3>{t('desk.detail.person')}</h3>
        <p>{item.anonymous ? t('desk.anonymous') : [item.personName, item.personPhone, item.personEmail, item.personAddress].filter(Boolean).join(' · ')}</p>
      </section>
      {item.kind === 'info_request' || item.kind === 'objection' ? (
        <>
          <p>
            {[item.purpose, item.receiveBy ? t(`desk.ppid.receive.${item.receiveBy as 'see'}`) : '', item.copyBy ? t(`desk.ppid.copy.${item.copyBy as 'pickup'}`) : ''].filter(Boolean).join(' · ')}
          </p>
          {open ? <DecisionForm item={item} onSaved={setItem} /> : null}
          {item.kind === 'info_request' && item.decision ? <NoticeButtons item={item} /> : null}
        </>
      ) : null}
      {item.merged.length > 0 ? (
        <section>
          <h3>{t('desk.detail.merged')}</h3>
          <ul>
            {item.merged.map((m) => (
              <li key={m.id}>
                {m.number} · {t(`desk.channel.${m.channel}`)} · {m.personLabel || t('desk.anonymous')}{' '}
                {m.postUrl ? (
                  <a href={m.postUrl} target="_blank" rel="noreferrer noopener">
                    {m.postUrl}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section data-testid="desk-parts">
        <h3>{t('desk.detail.parts')}</h3>
        {item.parts.map((p) => (
          <div key={p.id} className="desk-part">
            <strong>{p.opdName || p.opdId}</strong> · {t(`desk.part.${p.status}`)} · <DaysLeft view={p} />
            {!p.opdLive ? <span className="field__error"> · {t('desk.opd.gone')}</span> : null}
            {p.answer ? <p className="desk-body">{p.answer}</p> : null}
            {p.files.map((f) => (
              <button key={f.id} type="button" className="link-button" onClick={() => void openFile(f.id)}>
                {f.fileName}
              </button>
            ))}
            {p.status === 'extension_asked' ? (
              <div className="desk-actions">
                <span>
                  {t('desk.opd.ask')}: {p.extensionDays} · {p.extensionReason}
                </span>
                <button type="button" className="button" disabled={busy} onClick={() => void run(call('publicdesk.part.decide', { partId: p.id, grant: true, note: '' }))}>
                  {t('desk.action.grant')}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void run(call('publicdesk.part.decide', { partId: p.id, grant: false, note: '' }))}>
                  {t('desk.action.refuse')}
                </button>
              </div>
            ) : null}
          </div>
        ))}
        {item.status === 'verified' || item.status === 'disposed' ? (
          <div className="desk-form">
            <fieldset className="desk-opds">
              <legend>{t('desk.dispose.opds')}</legend>
              {opds.map((o) => (
                <label key={o.id}>
                  <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, o.id] : c.filter((x) => x !== o.id)))} /> {o.abbreviation || o.name}
                </label>
              ))}
            </fieldset>
            <TextField label={t('desk.dispose.summary')} value={summary} onChange={setSummary} multiline />
            <div className="desk-actions">
              <button type="button" className="button" disabled={busy} onClick={() => void run(call('publicdesk.dispose', { id, opdIds: chosen, summary: summary || item.body }), () => setChosen([]))}>
                {t('desk.action.dispose')}
              </button>
            </div>
          </div>
        ) : null}
      </section>
      <section>
        <h3>{t('desk.detail.reply')}</h3>
        {open && item.status !== 'received' ? (
          <div className="desk-form">
            <TextField label={t('desk.reply.text')} value={reply.text} onChange={(x) => setReply((r) => ({ ...r, text: x }))} multiline hint={t('desk.reply.count', { n: reply.text.length })} error={reply.text.length > X_LIMIT && item.channel === 'x' ? t('desk.reply.count', { n: reply.text.length }) : undefined} />
            <ReplyHelper item={item} text={reply.text} onFill={(text) => setReply((r) => ({ ...r, text }))} />
            <TextField label={t('desk.reply.url')} value={reply.url} onChange={(x) => setReply((r) => ({ ...r, url: x }))} inputMode="url" />
            <div className="desk-actions">
              <button type="button" className="button" disabled={busy} onClick={() => void run(call('publicdesk.reply', { id, text: reply.text, url: reply.url }))}>
                {t('desk.action.reply')}
              </button>
              <button type="button" className="button" disabled={!reply.text} onClick={() => void navigator.clipboard?.writeText(reply.text)}>
                📋
              </button>
            </div>
          </div>
        ) : item.replyText ? (
          <p className="desk-body">{item.replyText}</p>
        ) : null}
      </section>
      {open ? (
        <section className="desk-actions" aria-label={t('desk.detail.history')}>
          {item.status === 'received' ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void run(call('publicdesk.verify', { id }))}>
              {t('desk.action.verify')}
            </button>
          ) : null}
          <label>
            {t('desk.close.outcome')}{' '}
            <select value={outcome} onChange={(e) => setOutcome(e.target.value as DeskOutcome)}>
              {DESK_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`desk.outcome.${o}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" disabled={busy} onClick={() => void run(call('publicdesk.close', { id, outcome }))}>
            {t('desk.action.close')}
          </button>
          <TextField label={t('desk.merge.number')} value={mergeNumber} onChange={setMergeNumber} />
          <button type="button" className="button" disabled={busy || !mergeNumber} onClick={() => void merge()}>
            {t('desk.action.merge')}
          </button>
          {item.kind === 'info_request' && !item.extended && item.status !== 'answered' ? (
            <>
              <TextField label={t('desk.extend.reason')} value={reason} onChange={setReason} />
              <button type="button" className="button" disabled={busy} onClick={() => void run(call('publicdesk.extend', { id, days: extensionDays, reason }))}>
                {t('desk.action.extend', { n: extensionDays })}
              </button>
            </>
          ) : null}
        </section>
      ) : null}
      <section>
        <h3>{t('desk.detail.history')}</h3>
        <ol>
          {item.history.map((h) => (
            <li key={h.id}>
              {when(h.at, language)} · {h.action} · {h.actor}
              {h.note ? ` · ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
