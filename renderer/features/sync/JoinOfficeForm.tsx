import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { WartaError } from '../../../shared/contract/errors';
import { ENROLMENT_FILE_EXTENSION, ENROLMENT_FILE_MAX_BYTES, parseEnrolmentFile } from '../../../shared/sync/enrolment-file';
import { call, onEvent } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/use-t';
import { useOfficeStore } from '../office/office-store';

/**
 * First run's "Gabung ke kantor yang sudah ada": server address and enrolment code, or the
 * enrolment file the administrator handed over. The core enrols, pulls the office's profile,
 * accounts and data (sync.join); meanwhile the window stays here, then shows the sign-in with
 * the office's accounts. A failed join keeps nothing (the core resets the data folder).
 */
export function JoinOfficeForm() {
  const { t } = useT();
  const [form, setForm] = useState({ serverUrl: '', workspace: '', code: '', deviceName: '' });
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [fileError, setFileError] = useState<ErrorPayload | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [progress, setProgress] = useState<string | null>(null);

  // While joining, the office's rows arrive page by page: the sync status tells how far.
  useEffect(
    () =>
      onEvent('sync.status', (s) => {
        if (s.state !== 'syncing') return;
        setProgress((p) => (p === null ? null : s.progress?.total ? t('join.progress.pullCount', { done: s.progress.done, total: s.progress.total }) : t('join.progress.pull')));
      }),
    [t],
  );

  async function readFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFileNote(null);
    setFileError(null);
    if (!file) return;
    try {
      // A file far larger than any enrolment file is refused before it is read whole.
      const text = file.size > ENROLMENT_FILE_MAX_BYTES ? ' '.repeat(ENROLMENT_FILE_MAX_BYTES + 1) : await file.text();
      const parsed = parseEnrolmentFile(text);
      setForm((f) => ({ ...f, serverUrl: parsed.serverUrl, workspace: parsed.workspace, code: parsed.code }));
      setFileNote(t('join.fileRead', { workspace: parsed.workspaceName ?? parsed.workspace, role: parsed.role }));
    } catch (err) {
      setFileError(err instanceof WartaError ? err.toPayload() : { code: 'invalid_input', message: String(err) });
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setProgress(t('join.progress.enrol'));
    useOfficeStore.getState().setJoining(true);
    const result = await call('sync.join', form);
    if (!result.ok) {
      setProgress(null);
      useOfficeStore.getState().setJoining(false);
      setError(result.error);
      return;
    }
    // The office's profile and accounts are here now: the app frame replaces first run with the sign-in.
    await useOfficeStore.getState().load();
    useOfficeStore.getState().setJoining(false);
  }

  const busy = progress !== null;
  return (
    <form className="sync-form join-form" onSubmit={(e) => void submit(e)} data-testid="join-form" aria-busy={busy}>
      <p>{t('join.intro')}</p>
      <div className="field">
        <label htmlFor="join-file">{t('join.file')}</label>
        <input id="join-file" type="file" accept={ENROLMENT_FILE_EXTENSION} onChange={(e) => void readFile(e)} disabled={busy} aria-describedby="join-file-hint" />
        <p className="field__hint" id="join-file-hint">
          {t('join.fileHint')}
        </p>
        {fileNote ? <p role="status">{fileNote}</p> : null}
        {fileError ? <ErrorMessage error={fileError} /> : null}
      </div>
      <TextField label={t('sync.server')} hint={t('sync.serverHint')} value={form.serverUrl} onChange={(v) => setForm({ ...form, serverUrl: v })} required disabled={busy} />
      <TextField label={t('sync.workspace')} value={form.workspace} onChange={(v) => setForm({ ...form, workspace: v })} required disabled={busy} />
      <TextField label={t('sync.code')} hint={t('sync.codeHint')} value={form.code} onChange={(v) => setForm({ ...form, code: v })} required disabled={busy} />
      <TextField label={t('sync.deviceName')} value={form.deviceName} onChange={(v) => setForm({ ...form, deviceName: v })} required disabled={busy} />
      {progress ? (
        <p role="status" data-testid="join-progress">
          <span className="spinner spinner--inline" aria-hidden="true" /> {progress}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} headline={t('join.failed')} /> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('join.submit')}
      </button>
    </form>
  );
}
