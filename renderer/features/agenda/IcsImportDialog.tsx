import { useEffect, useId, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { ICS_MAX_CHARS, type IcsReport } from '../../../shared/contract/methods/agenda';
import type { OpenedFile } from '../../../shared/contract/methods/desktop';
import { formatDateTime } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { call, onEvent } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFileDrop } from '../../components/use-file-drop';
import { FileInput } from '../../components/FileInput';
import { useT } from '../../i18n/use-t';

/** ICS import: choose, preview every row (and why some are skipped), then import with progress. */
export function IcsImportDialog({ zone, opened, onClose }: { zone: ZoneLabel; opened?: OpenedFile | null; onClose(): void }) {
  const { t, language } = useT();
  const headingId = useId();
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<IcsReport | null>(null);
  const [done, setDone] = useState<IcsReport | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const jobId = `ics-${headingId}`;

  useEffect(
    () =>
      onEvent('progress', (p) => {
        if (p.jobId === jobId) setProgress({ done: p.done, total: p.total ?? 0 });
      }),
    [jobId],
  );

  const fileDrop = useFileDrop({ extensions: ['.ics'], maxBytes: ICS_MAX_CHARS }, (files) => void choose(files[0]));

  // An .ics opened with Warta from the file manager: previewed like a chosen one, imported only on confirmation.
  useEffect(() => {
    if (!opened) return;
    if ('error' in opened) setError({ code: 'unsupported_file', message: opened.error });
    else void previewText(opened.text);
  }, [opened]);

  async function choose(file: File | undefined) {
    if (!file) return;
    await previewText(await file.text());
  }

  async function previewText(content: string) {
    setError(null);
    setDone(null);
    const r = await call('agenda.ics.preview', { text: content, jobId });
    if (!r.ok) return setError(r.error);
    setText(content);
    setPreview(r.value);
  }

  async function run() {
    if (text === null) return;
    const r = await call('agenda.ics.import', { text, jobId });
    if (!r.ok) return setError(r.error);
    setDone(r.value);
    setPreview(r.value);
  }

  const count = (a: string) => preview?.rows.filter((r) => r.action === a).length ?? 0;
  return (
    <div className="agenda-dialog" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="agenda-dialog__body">
        <h2 id={headingId}>{t('agenda.ics.title')}</h2>
        <div className={`field drop-target${fileDrop.over ? ' drop-target--over' : ''}`} data-testid="ics-drop" {...fileDrop.props}>
          <label className="field__label" htmlFor={`${headingId}-file`}>
            {t('agenda.ics.choose')}
          </label>
          <FileInput id={`${headingId}-file`} accept=".ics,text/calendar" onFile={(file) => void choose(file)} />
          <p className="field__hint">{t('drop.hint.ics')}</p>
          {fileDrop.problem ? (
            <p className="field__error" role="alert">
              {fileDrop.problem}
            </p>
          ) : null}
        </div>
        {error ? <ErrorMessage error={error} /> : null}
        {preview ? (
          <>
            <p role="status">
              {done
                ? t('agenda.ics.done', { created: done.created, exceptions: done.exceptions, skipped: done.skipped })
                : t('agenda.ics.preview', { new: count('new'), exceptions: count('exception'), skipped: count('skip') })}
            </p>
            {progress && !done ? (
              <p>
                <progress max={progress.total || 1} value={progress.done} aria-label={t('agenda.ics.progress', progress)} /> {t('agenda.ics.progress', progress)}
              </p>
            ) : null}
            <div className="agenda-ics-rows">
              <table className="table" data-testid="ics-preview">
                <thead>
                  <tr>
                    <th scope="col">{t('agenda.ics.row')}</th>
                    <th scope="col">{t('agenda.form.title')}</th>
                    <th scope="col">{t('agenda.form.date')}</th>
                    <th scope="col">{t('agenda.ics.action')}</th>
                    <th scope="col">{t('agenda.ics.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.slice(0, 500).map((r) => (
                    <tr key={r.index} className={r.action === 'skip' ? 'agenda-ics-skip' : undefined}>
                      <td>{r.index + 1}</td>
                      <td>{r.title}</td>
                      <td>{r.startMs === null ? '' : formatDateTime(r.startMs, zone, language)}</td>
                      <td>{t(`agenda.ics.action.${r.action}`)}</td>
                      <td>
                        {r.reason ?? ''}
                        {/* What was imported differently from the file (several rules, extra dates, EXDATEs that match nothing). */}
                        {r.remarks?.length ? (
                          <ul className="agenda-ics-remarks">
                            {r.remarks.map((m) => (
                              <li key={m}>{m}</li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
        <div className="agenda-dialog__actions">
          {preview && !done ? (
            <button type="button" className="button button--primary" disabled={count('new') + count('exception') === 0} onClick={() => void run()}>
              {t('agenda.ics.run', { count: count('new') + count('exception') })}
            </button>
          ) : null}
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('agenda.ics.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
