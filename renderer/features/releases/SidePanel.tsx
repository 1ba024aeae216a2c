import { useEffect, useId, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { formatDateTime } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { isSame, type DiffBlock, type DiffPart } from '../../../shared/releases/diff';
import { EXPORT_FORMATS, PAPER_SIZES, type ExportFormat, type PaperSize, type ReleaseDetail, type ReleaseVersionDetail, type ReleaseVersionSummary } from '../../../shared/releases/model';
import { call, onEvent } from '../../api/client';
import { useNavigation } from '../../app/navigation-store';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { ReleaseDeliveries } from '../distribution/ReleaseDeliveries';
import { usePrint } from '../print/use-print';

type Tab = 'comments' | 'history' | 'versions' | 'export';
const TABS: Tab[] = ['comments', 'history', 'versions', 'export'];

interface Props {
  detail: ReleaseDetail;
  zone: ZoneLabel;
  /** A fresh detail after an action, or null to reload it. */
  onChanged: (d: ReleaseDetail | null) => void;
}

export function SidePanel({ detail, zone, onChanged }: Props) {
  const { t } = useT();
  const [tab, setTab] = useState<Tab>('comments');
  const base = useId();
  const panel = useNavigation((s) => s.panel);
  useEffect(() => {
    // The export command (menu Ekspor Rilis, Ctrl+E) shows the Ekspor tab and puts the focus on it.
    if (panel !== 'export') return;
    useNavigation.getState().clearPanel();
    setTab('export');
    document.getElementById(`${base}-tab-export`)?.focus();
  }, [panel, base]);
  return (
    <aside className="rel-side" aria-label={t('releases.tab.comments')}>
      <div role="tablist" className="rel-tabs" aria-orientation="horizontal">
        {TABS.map((k, i) => (
          <button
            key={k}
            id={`${base}-tab-${k}`}
            role="tab"
            type="button"
            aria-selected={tab === k}
            aria-controls={`${base}-panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            className={`rel-tab${tab === k ? ' rel-tab--on' : ''}`}
            onClick={() => setTab(k)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] as Tab;
              setTab(next);
              document.getElementById(`${base}-tab-${next}`)?.focus();
            }}
          >
            {t(`releases.tab.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel-${tab}`} aria-labelledby={`${base}-tab-${tab}`} className="rel-panel">
        {tab === 'comments' ? <Comments detail={detail} zone={zone} onChanged={onChanged} /> : null}
        {tab === 'history' ? <History detail={detail} zone={zone} /> : null}
        {tab === 'versions' ? <Versions detail={detail} zone={zone} onChanged={onChanged} /> : null}
        {tab === 'export' ? <Export detail={detail} /> : null}
      </div>
      <ReleaseDeliveries releaseId={detail.id} />
    </aside>
  );
}

function Comments({ detail, zone, onChanged }: Props) {
  const { t, language } = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const id = useId();
  const send = async () => {
    const r = await call('releases.comment', { id: detail.id, body: text });
    if (!r.ok) return setError(r.error);
    setError(null);
    setText('');
    onChanged(r.value);
  };
  return (
    <div className="rel-comments">
      {detail.comments.length === 0 ? <p className="rel-note">{t('releases.comments.empty')}</p> : null}
      <ol className="rel-thread">
        {detail.comments.map((c) => (
          <li key={c.id}>
            <p className="rel-thread__who">
              <strong>{c.author}</strong> · {formatDateTime(Date.parse(c.at), zone, language)}
            </p>
            <p className="rel-thread__body">{c.body}</p>
          </li>
        ))}
      </ol>
      <label htmlFor={id} className="field__label">
        {t('releases.comments.new')}
      </label>
      <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      {error ? <ErrorMessage error={error} /> : null}
      <button type="button" className="button button--secondary button--small" disabled={!text.trim()} onClick={() => void send()}>
        {t('releases.comments.send')}
      </button>
    </div>
  );
}

function History({ detail, zone }: Omit<Props, 'onChanged'>) {
  const { t, language } = useT();
  return (
    <ol className="rel-thread">
      {[...detail.transitions].reverse().map((tr) => (
        <li key={tr.id}>
          <p>{t('releases.history.item', { status: t(`releases.status.${tr.to}`), actor: tr.actor, when: formatDateTime(Date.parse(tr.at), zone, language) })}</p>
          {tr.note ? <p className="rel-thread__body">{tr.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function Versions({ detail, zone, onChanged }: Props) {
  const { t, language } = useT();
  const [items, setItems] = useState<ReleaseVersionSummary[]>([]);
  const [label, setLabel] = useState('');
  const [viewing, setViewing] = useState<ReleaseVersionDetail | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const load = async () => {
    const r = await call('releases.versions', { id: detail.id });
    if (r.ok) setItems(r.value);
    else setError(r.error);
  };
  useEffect(() => {
    void load();
  }, [detail.id, detail.updatedAt]);
  const snapshot = async () => {
    const r = await call('releases.snapshot', { id: detail.id, label });
    if (!r.ok) return setError(r.error);
    setLabel('');
    await load();
  };
  const restore = async (versionId: string) => {
    if (!window.confirm(t('releases.versions.restoreConfirm'))) return;
    const r = await call('releases.restoreVersion', { versionId });
    if (!r.ok) return setError(r.error);
    setViewing(null);
    onChanged(r.value);
    await load();
  };
  const view = async (versionId: string) => {
    const r = await call('releases.version', { versionId });
    if (r.ok) setViewing(r.value);
    else setError(r.error);
  };
  const reasonText = (v: ReleaseVersionSummary) => v.label || v.reason;
  return (
    <div className="rel-versions">
      <label className="rel-field">
        <span className="field__label">{t('releases.versions.snapshotLabel')}</span>
        <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} />
      </label>
      <button type="button" className="button button--secondary button--small" onClick={() => void snapshot()}>
        {t('releases.versions.snapshot')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
      {items.length === 0 ? <p className="rel-note">{t('releases.versions.empty')}</p> : null}
      <ol className="rel-thread">
        {items.map((v) => (
          <li key={v.id}>
            <p>
              <strong>{reasonText(v)}</strong> · {v.author} · {formatDateTime(Date.parse(v.at), zone, language)} · {t('releases.versions.words', { words: v.wordCount })}
            </p>
            <button type="button" className="button button--quiet button--small" onClick={() => void view(v.id)}>
              {t('releases.versions.view')}
            </button>
          </li>
        ))}
      </ol>
      {viewing ? (
        <div className="rel-compare" role="region" aria-label={t('releases.versions.compare')}>
          <h3>
            {t('releases.versions.compare')}: {viewing.label || viewing.reason}
          </h3>
          <Compare blocks={viewing.compare} />
          <div className="rel-compare__actions">
            <button type="button" className="button button--primary button--small" onClick={() => void restore(viewing.id)}>
              {t('releases.versions.restore')}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setViewing(null)}>
              {t('releases.versions.close')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Words({ parts }: { parts: DiffPart[] }) {
  const { t } = useT();
  return (
    <>
      {parts.map((w, i) =>
        w.kind === 'same' ? (
          <span key={i}>{w.text}</span>
        ) : w.kind === 'added' ? (
          <ins key={i} title={t('releases.versions.added')}>
            <span className="visually-hidden">{t('releases.versions.added')}: </span>
            {w.text}
          </ins>
        ) : (
          <del key={i} title={t('releases.versions.removed')}>
            <span className="visually-hidden">{t('releases.versions.removed')}: </span>
            {w.text}
          </del>
        ),
      )}
    </>
  );
}

const MARK_KEYS = ['bold', 'italic', 'underline', 'strike', 'link', 'paragraph', 'heading2', 'heading3', 'bulletList', 'orderedList'] as const;

/** The version against the text stored now, as the core compared them (words and formatting). */
function Compare({ blocks }: { blocks: DiffBlock[] }) {
  const { t } = useT();
  const markWord = (m: string) => ((MARK_KEYS as readonly string[]).includes(m) ? t(`releases.versions.mark.${m as (typeof MARK_KEYS)[number]}`) : m);
  if (isSame(blocks)) return <p className="rel-note">{t('releases.versions.same')}</p>;
  return (
    <div className="rel-diff">
      {blocks.map((b, i) => {
        if (b.kind === 'same') return <p key={i}>{b.text}</p>;
        if (b.kind === 'added') return <Words key={i} parts={[{ kind: 'added', text: b.text }]} />;
        if (b.kind === 'removed') return <Words key={i} parts={[{ kind: 'removed', text: b.text }]} />;
        return (
          <p key={i} className="rel-diff__changed">
            <Words parts={b.words ?? []} />
            {b.format?.length ? (
              <span className="rel-diff__format">
                {' '}
                ({b.format.map((f) => t('releases.versions.format', { text: f.text, added: f.added.map(markWord).join(', ') || '–', removed: f.removed.map(markWord).join(', ') || '–' })).join('; ')})
              </span>
            ) : null}
          </p>
        );
      })}
    </div>
  );
}

function formatSize(bytes: number): string {
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

function Export({ detail }: { detail: ReleaseDetail }) {
  const { t } = useT();
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [working, setWorking] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const printer = usePrint();

  // Text previews follow the release as it is now.
  useEffect(() => {
    setCopied(false);
    if (format !== 'whatsapp' && format !== 'text') {
      setPreview(null);
      return;
    }
    let live = true;
    void call('releases.export', { id: detail.id, format, paper }).then((r) => {
      if (live && r.ok) setPreview(new TextDecoder().decode(Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0))));
    });
    return () => {
      live = false;
    };
  }, [detail.id, detail.updatedAt, format, paper]);

  useEffect(() => onEvent('progress', (p) => setWorking(p.finished ? null : p.total ? `${p.label} (${p.done}/${p.total})` : p.label)), []);

  const download = async () => {
    setError(null);
    setDone(null);
    setWorking('');
    const r = await call('releases.export', { id: detail.id, format, paper });
    setWorking(null);
    if (!r.ok) return setError(r.error);
    const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: r.value.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setDone(t('releases.export.done', { name: r.value.fileName, size: formatSize(r.value.size) }));
  };
  return (
    <div className="rel-export">
      <fieldset className="rel-field">
        <legend className="field__label">{t('releases.export.format')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f} className="rel-radio">
            <input type="radio" name={`format-${detail.id}`} checked={format === f} onChange={() => setFormat(f)} /> {t(`releases.export.${f}`)}
          </label>
        ))}
      </fieldset>
      {format === 'pdf' || format === 'docx' || format === 'zip' || format === 'html' ? (
        <label className="rel-field">
          <span className="field__label">{t('releases.export.paper')}</span>
          <select value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
            {PAPER_SIZES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="button" className="button button--primary" onClick={() => void download()} disabled={working !== null}>
        {t('releases.export.download')}
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={() => void printer.print({ kind: 'release', id: detail.id, paper })} disabled={printer.printing}>
        {t('print.button')}
      </button>
      {printer.error ? <ErrorMessage error={printer.error} /> : null}
      {working !== null ? (
        <p className="rel-note" role="status">
          <span className="spinner" aria-hidden="true" /> {t('releases.export.working', { label: working })}
        </p>
      ) : null}
      {done ? (
        <p className="rel-note" role="status">
          {done}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {preview !== null ? (
        <>
          <h3>{t('releases.export.preview')}</h3>
          <pre className="rel-preview" tabIndex={0} aria-label={t('releases.export.preview')}>
            {preview}
          </pre>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void navigator.clipboard?.writeText(preview).then(() => setCopied(true))}
          >
            {t('releases.export.copy')}
          </button>
          {copied ? <span role="status"> {t('releases.export.copied')}</span> : null}
        </>
      ) : null}
    </div>
  );
}
