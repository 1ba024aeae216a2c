import { useEffect, useState } from 'react';
import { IMPORT_CHUNK_BYTES, IMPORT_MAX_BYTES } from '../../../shared/contract/methods/media';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { columnsOf, type ImportKind } from '../../../shared/media/columns';
import type { JournalistRecord, OutletRecord } from '../../../shared/media/records';
import type { DuplicateDecision, ImportBatch, ImportPreset, ImportPreview, ImportRowView } from '../../../shared/media/types';
import { call, onEvent } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FileInput } from '../../components/FileInput';
import { TextField } from '../../components/TextField';
import type { MessageKey } from '../../i18n/messages-id';
import { useT, type Translate } from '../../i18n/use-t';
import { fileChunks } from './download';
import { FIELD_KEY } from './field-labels';
import { KIND_KEY, PRESS_KEY, UKW_KEY } from './labels';
import { useMediaStore } from './media-store';
import { useFileDrop } from '../../components/use-file-drop';

const ENCODING_LABEL: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 + BOM', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

type View = 'all' | 'errors' | 'warnings' | 'duplicates';
type Step = { name: 'choose' } | { name: 'uploading'; done: number; total: number; preparing?: boolean; uploadId?: string } | { name: 'preview' } | { name: 'running'; done: number; total: number } | { name: 'done'; batch: ImportBatch } | { name: 'undone'; batch: ImportBatch } | { name: 'cancelled' };

/** Import: choose a file → check the mapping and each row → decide on duplicates → import with progress → undo. */
export function ImportWizard() {
  const { t } = useT();
  const [kind, setKind] = useState<ImportKind>('outlets');
  const [presets, setPresets] = useState<ImportPreset[]>([]);
  const [presetId, setPresetId] = useState('');
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [view, setView] = useState<View>('all');
  const [rows, setRows] = useState<{ total: number; rows: ImportRowView[] }>({ total: 0, rows: [] });
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [presetName, setPresetName] = useState('');
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void call('media.import.presets', {}).then((r) => r.ok && setPresets(r.value));
  }, []);

  useEffect(() => {
    if (!preview) return;
    void call('media.import.rows', { sessionId: preview.sessionId, view, limit: 200 }).then((r) => r.ok && setRows(r.value));
  }, [preview, view]);

  useEffect(() => {
    if (!preview) return;
    return onEvent('progress', (e) => {
      if (e.jobId === preview.sessionId && e.label === 'Mengimpor') setStep({ name: 'running', done: e.done, total: e.total ?? 0 });
    });
  }, [preview]);

  // A CSV/XLSX dropped on the file field takes the same path as one chosen with it.
  const fileDrop = useFileDrop({ extensions: ['.csv', '.txt', '.xlsx'], maxBytes: IMPORT_MAX_BYTES }, (files) => {
    if (files[0]) void choose(files[0]);
  });

  async function choose(file: File) {
    setError(null);
    if (file.size > IMPORT_MAX_BYTES) return setError({ code: 'payload_too_large', message: t('media.error.fileTooBig') });
    let uploadId: string | undefined;
    setStep({ name: 'uploading', done: 0, total: file.size });
    for await (const piece of fileChunks(file, IMPORT_CHUNK_BYTES)) {
      const r = await call('media.import.upload', { uploadId, base64: piece.base64 });
      if (!r.ok) {
        setStep({ name: 'choose' });
        return setError(r.error);
      }
      uploadId = r.value.uploadId;
      setStep({ name: 'uploading', done: piece.done, total: file.size });
    }
    // Reading and checking a big file takes a while: show the core's progress, and allow cancel.
    const id = uploadId as string;
    setStep({ name: 'uploading', done: 0, total: 0, preparing: true, uploadId: id });
    const off = onEvent('progress', (e) => {
      if (e.jobId === id && !e.finished) setStep({ name: 'uploading', done: e.done, total: e.total ?? 0, preparing: true, uploadId: id });
    });
    const opened = await call('media.import.open', { uploadId: id, fileName: file.name, kind, ...(presetId ? { presetId } : {}) });
    off();
    if (!opened.ok && opened.error.details?.reason === 'cancelled') {
      setStep({ name: 'cancelled' });
      return;
    }
    if (!opened.ok) {
      setStep({ name: 'choose' });
      return setError(opened.error);
    }
    setPreview(opened.value);
    setView(opened.value.counts.errors || opened.value.counts.duplicatesInFile + opened.value.counts.duplicatesInDb ? 'all' : 'all');
    setStep({ name: 'preview' });
  }

  async function remap(index: number, field: string) {
    if (!preview) return;
    const mapping = preview.mapping.map((f, i) => (i === index ? field || null : f === field && field ? null : f));
    const r = await call('media.import.analyze', { sessionId: preview.sessionId, mapping });
    if (r.ok) setPreview(r.value);
    else setError(r.error);
  }

  /** Keep (or read as empty) the "-", "n/a", "null" cells of one column. */
  async function togglePlaceholders(index: number, empty: boolean) {
    if (!preview) return;
    const kept = preview.columns.filter((c) => !c.placeholdersEmpty && c.index !== index).map((c) => c.index);
    const r = await call('media.import.analyze', { sessionId: preview.sessionId, mapping: preview.mapping, keepPlaceholders: empty ? kept : [...kept, index] });
    if (r.ok) setPreview(r.value);
    else setError(r.error);
  }

  async function decide(rowsToSet: number[] | 'allDuplicates', decision: DuplicateDecision) {
    if (!preview) return;
    const r = await call('media.import.decide', { sessionId: preview.sessionId, rows: rowsToSet, decision });
    if (r.ok) setPreview(r.value);
    else setError(r.error);
  }

  async function savePreset() {
    if (!preview || !presetName.trim()) return;
    const mapping = Object.fromEntries(preview.columns.flatMap((c, i) => (preview.mapping[i] ? [[c.header, preview.mapping[i] as string]] : [])));
    const r = await call('media.import.savePreset', { name: presetName.trim(), kind: preview.kind, mapping });
    if (r.ok) {
      setPresets((p) => [...p.filter((x) => x.id !== r.value.id), r.value]);
      setNotice(t('media.import.presetSaved', { name: r.value.name }));
    } else setError(r.error);
  }

  async function commit() {
    if (!preview) return;
    setError(null);
    setStep({ name: 'running', done: 0, total: preview.counts.rows });
    const r = await call('media.import.commit', { sessionId: preview.sessionId });
    if (r.ok) {
      setStep({ name: 'done', batch: r.value });
      useMediaStore.getState().changed();
    } else if (r.error.details?.reason === 'cancelled') setStep({ name: 'cancelled' });
    else {
      setStep({ name: 'choose' });
      setError(r.error);
    }
  }

  async function undo(batch: ImportBatch) {
    const r = await call('media.import.undo', { batchId: batch.id });
    if (r.ok) {
      setStep({ name: 'undone', batch: r.value });
      useMediaStore.getState().changed();
    } else setError(r.error);
  }

  function restart() {
    if (preview && step.name === 'preview') void call('media.import.discard', { sessionId: preview.sessionId });
    setPreview(null);
    setError(null);
    setNotice('');
    setStep({ name: 'choose' });
  }

  function close() {
    restart();
    useMediaStore.getState().select(null);
  }

  return (
    <section className="import" aria-labelledby="import-title">
      <div className="media-panel__head">
        <h2 id="import-title">{t('media.import.title')}</h2>
        <button type="button" className="button button--small button--quiet" onClick={close}>{t('media.import.close')}</button>
      </div>

      {step.name === 'choose' ? (
        <div className="import__grid">
          <fieldset>
            <legend>{t('media.import.kind')}</legend>
            {(['outlets', 'journalists'] as const).map((k) => (
              <label key={k} className="checkbox">
                <input type="radio" name="import-kind" checked={kind === k} onChange={() => setKind(k)} /> {t(k === 'outlets' ? 'media.import.kind.outlets' : 'media.import.kind.journalists')}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor="import-preset">{t('media.import.preset')}</label>
            <select id="import-preset" value={presetId} onChange={(e) => setPresetId(e.target.value)}>
              <option value="">{t('media.import.presetNone')}</option>
              {presets.filter((p) => p.kind === kind).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </div>
          <div className={`field drop-target${fileDrop.over ? ' drop-target--over' : ''}`} data-testid="import-drop" {...fileDrop.props}>
            <label className="field__label" htmlFor="import-file">{t('media.import.file')}</label>
            <FileInput id="import-file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onFile={(f) => { if (f) void choose(f); }} />
            <p className="field__hint">{t('drop.hint.import')}</p>
            {fileDrop.problem ? <p className="field__error" role="alert">{fileDrop.problem}</p> : null}
          </div>
        </div>
      ) : null}

      {step.name === 'uploading' ? (
        <div role="status" aria-live="polite">
          <p>{step.preparing ? t('media.import.preparing') : t('media.import.uploading')}{step.preparing && step.total ? ` ${t('media.import.progress', { done: step.done, total: step.total })}` : ''}</p>
          <progress className="progress" max={step.total || 1} value={step.total ? step.done : undefined} aria-label={step.preparing ? t('media.import.preparing') : t('media.import.uploading')} />
          {step.preparing && step.uploadId ? (
            <div className="form-actions">
              <button type="button" className="button button--danger" onClick={() => void call('media.import.cancel', { sessionId: step.uploadId as string })}>{t('media.import.cancelRun')}</button>
            </div>
          ) : null}
        </div>
      ) : null}

      {step.name === 'preview' && preview ? (
        <PreviewView
          t={t}
          preview={preview}
          rows={rows}
          view={view}
          setView={setView}
          remap={remap}
          togglePlaceholders={togglePlaceholders}
          decide={decide}
          presetName={presetName}
          setPresetName={setPresetName}
          savePreset={savePreset}
          notice={notice}
          commit={commit}
          restart={restart}
        />
      ) : null}

      {step.name === 'running' ? (
        <div role="status" aria-live="polite">
          <p>{t('media.import.running')} {t('media.import.progress', { done: step.done, total: step.total })}</p>
          <progress className="progress" max={step.total || 1} value={step.done} aria-label={t('media.import.running')} />
          <div className="form-actions">
            <button type="button" className="button button--danger" onClick={() => preview && void call('media.import.cancel', { sessionId: preview.sessionId })}>{t('media.import.cancelRun')}</button>
          </div>
        </div>
      ) : null}

      {step.name === 'done' ? (
        <div className="notice" role="status">
          <span>{t('media.import.done', { created: step.batch.createdCount, merged: step.batch.mergedCount, skipped: step.batch.skippedCount })}</span>
          <button type="button" className="button button--small" onClick={() => void undo(step.batch)}>{t('media.import.undo')}</button>
        </div>
      ) : null}
      {step.name === 'undone' ? <p role="status">{t('media.import.undone', { file: step.batch.fileName })}</p> : null}
      {step.name === 'cancelled' ? <p role="status">{t('media.import.cancelled')}</p> : null}
      {step.name === 'done' || step.name === 'undone' || step.name === 'cancelled' ? (
        <button type="button" className="button button--secondary" onClick={restart}>{t('media.import.back')}</button>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}

interface PreviewProps {
  t: Translate;
  preview: ImportPreview;
  rows: { total: number; rows: ImportRowView[] };
  view: View;
  setView: (v: View) => void;
  remap: (index: number, field: string) => Promise<void>;
  togglePlaceholders: (index: number, empty: boolean) => Promise<void>;
  decide: (rows: number[] | 'allDuplicates', d: DuplicateDecision) => Promise<void>;
  presetName: string;
  setPresetName: (v: string) => void;
  savePreset: () => Promise<void>;
  notice: string;
  commit: () => Promise<void>;
  restart: () => void;
}

function PreviewView({ t, preview, rows, view, setView, remap, togglePlaceholders, decide, presetName, setPresetName, savePreset, notice, commit, restart }: PreviewProps) {
  const c = preview.counts;
  const fields = columnsOf(preview.kind);
  const toImport = c.toCreate + c.toMerge;
  return (
    <div>
      <p>
        <strong>{preview.fileName}</strong> — {t('media.import.file.info', { format: preview.format === 'xlsx' ? 'XLSX' : `CSV (${ENCODING_LABEL[preview.encoding ?? ''] ?? preview.encoding ?? ''}, “${preview.delimiter === '\t' ? 'tab' : preview.delimiter}”)`, line: preview.headerLine, rows: c.rows })}
      </p>
      {preview.warnings.length ? (
        <ul className="import__warnings" aria-label={t('media.import.summary')}>
          {preview.warnings.map((w) => (
            <li key={w.code}>{t(`media.import.warn.${w.code}` as MessageKey, { count: w.count, detail: w.detail ?? '' })}</li>
          ))}
        </ul>
      ) : null}
      <dl className="import__counts">
        {(
          [
            ['media.import.count.rows', c.rows],
            ['media.import.count.valid', c.valid],
            ['media.import.count.errors', c.errors],
            ['media.import.count.warnings', c.warnings],
            ['media.import.count.dupFile', c.duplicatesInFile],
            ['media.import.count.dupDb', c.duplicatesInDb],
          ] as const
        ).map(([key, n]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>

      <details open={preview.missingRequired.length > 0}>
        <summary>{t('media.import.mapping')}</summary>
        <p className="field__hint">{t('media.import.mapping.hint')}</p>
        <table className="import__table import__mapping">
          <thead>
            <tr>
              <th scope="col">{t('media.import.column')}</th>
              <th scope="col">{t('media.import.samples')}</th>
              <th scope="col">{t('media.import.field')}</th>
              <th scope="col">{t('media.import.placeholders')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((col) => (
              <tr key={col.index}>
                <th scope="row">{col.header}</th>
                <td>{col.samples.filter(Boolean).join(' · ')}</td>
                <td>
                  <select aria-label={`${t('media.import.field')}: ${col.header}`} value={preview.mapping[col.index] ?? ''} onChange={(e) => void remap(col.index, e.target.value)}>
                    <option value="">{t('media.import.ignore')}</option>
                    {fields.map((f) => <option key={f.field} value={f.field}>{t(FIELD_KEY[preview.kind][f.field] as MessageKey)}</option>)}
                  </select>
                </td>
                <td>
                  {col.placeholders > 0 ? (
                    <label className="import__placeholders">
                      <input type="checkbox" checked={col.placeholdersEmpty} onChange={(e) => void togglePlaceholders(col.index, e.target.checked)} />{' '}
                      {t('media.import.placeholders.empty', { count: col.placeholders })}
                    </label>
                  ) : (
                    <span className="field__hint">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <TextField label={t('media.import.presetName')} value={presetName} onChange={setPresetName} />
          <button type="button" className="button button--secondary button--small" onClick={() => void savePreset()} disabled={!presetName.trim()}>{t('media.import.savePreset')}</button>
          {notice ? <p className="form-actions__ok" role="status">{notice}</p> : null}
        </div>
      </details>
      {preview.missingRequired.length ? <p className="field__error" role="alert">{t('media.import.missingName')}</p> : null}

      <h3>{t('media.import.preview')}</h3>
      <div className="import__views" role="group" aria-label={t('media.import.preview')}>
        {(['all', 'errors', 'warnings', 'duplicates'] as const).map((v) => (
          <button key={v} type="button" className="button button--small button--quiet" aria-pressed={view === v} onClick={() => setView(v)}>{t(`media.import.view.${v}`)}</button>
        ))}
        {c.duplicatesInDb + c.duplicatesInFile > 0 ? (
          <>
            <span>{t('media.import.decideAll')}</span>
            {(['merge', 'skip', 'create'] as const).map((d) => (
              <button key={d} type="button" className="button button--small button--secondary" onClick={() => void decide('allDuplicates', d)}>{t(`media.import.decide.${d}`)}</button>
            ))}
          </>
        ) : null}
      </div>
      <table className="import__table" data-testid="import-rows">
        <thead>
          <tr>
            <th scope="col">{t('media.import.line')}</th>
            <th scope="col">{t('media.import.record')}</th>
            <th scope="col">{t('media.import.check')}</th>
            <th scope="col">{t('media.import.duplicate')}</th>
            <th scope="col">{t('media.import.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.rows.map((r) => (
            <tr key={r.rowNo} className={!r.record ? 'import__row--error' : r.duplicate ? 'import__row--dup' : ''}>
              <th scope="row">{r.sourceLine}</th>
              <td>{r.record ? summary(r.record, t) : '—'}</td>
              <td>
                {r.issues.length === 0 ? t('media.import.ok') : r.issues.map((i) => (
                  <span key={i.field + i.code} className={`issue issue--${i.severity}`}>
                    {t(FIELD_KEY[preview.kind][i.field] as MessageKey)}: {t(`media.issue.${i.code}` as MessageKey, { max: i.max ?? '' })}{i.value ? ` (“${i.value}”)` : ''}
                  </span>
                ))}
              </td>
              <td>{r.duplicate ? (r.duplicate.kind === 'file' ? t('media.import.dupFile', { line: r.duplicate.ofLine }) : t('media.import.dupDb', { name: r.duplicate.name })) : ''}</td>
              <td>
                {r.duplicate && r.record ? (
                  <select aria-label={`${t('media.import.decision')} ${t('media.import.line')} ${r.sourceLine}`} value={r.decision ?? 'skip'} onChange={(e) => void decide([r.rowNo], e.target.value as DuplicateDecision)}>
                    {(r.duplicate.kind === 'db' ? (['merge', 'skip', 'create'] as const) : (['skip', 'create'] as const)).map((d) => (
                      <option key={d} value={d}>{t(`media.import.decide.${d}`)}</option>
                    ))}
                  </select>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.total > rows.rows.length ? <p className="field__hint">{t('media.import.more', { count: rows.total - rows.rows.length })}</p> : null}
      <p>{t('media.import.plan', { create: c.toCreate, merge: c.toMerge, skip: c.toSkip })}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={() => void commit()} disabled={preview.missingRequired.length > 0 || toImport === 0}>{t('media.import.commit', { count: toImport })}</button>
        <button type="button" className="button button--quiet" onClick={restart}>{t('media.import.back')}</button>
      </div>
    </div>
  );
}

function summary(r: OutletRecord | JournalistRecord, t: Translate): string {
  const parts = [r.name];
  if ('outletName' in r) parts.push(r.outletName ?? '', r.beat ?? '', r.phone ?? '', r.email ?? '', r.ukwLevel ? t(UKW_KEY[r.ukwLevel]) : '');
  else parts.push(r.kind ? t(KIND_KEY[r.kind]) : '', r.pressCouncilStatus ? t(PRESS_KEY[r.pressCouncilStatus]) : '', r.editorInChief ?? '', r.phone ?? '', r.email ?? '');
  return parts.filter(Boolean).join(' · ');
}
