import { useState, type ChangeEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME, type RequestDetail } from '../../../shared/requests/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { downloadBase64 } from '../agenda/download';

/**
 * A request's photos, documents and scanned letter: listed with a download each, and (while the
 * request is open) a file picker. A file that surely cannot pass (type, size) is refused here so
 * a 50 MB scan never travels to the core; the core checks the content of the rest.
 */
export function Attachments({ request, canAdd, onChanged }: { request: RequestDetail; canAdd: boolean; onChanged: (r: RequestDetail) => void }) {
  const { t } = useT();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    if (!(ATTACHMENT_MIME as readonly string[]).includes(file.type)) return setError({ code: 'unsupported_file', message: t('requests.attach.type', { name: file.name }) });
    if (file.size > ATTACHMENT_MAX_BYTES) return setError({ code: 'payload_too_large', message: t('requests.attach.size', { name: file.name }) });
    setBusy(true);
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(file);
    });
    const res = await call('requests.attach', { requestId: request.id, fileName: file.name, mime: file.type as (typeof ATTACHMENT_MIME)[number], base64: dataUrl.slice(dataUrl.indexOf(',') + 1) });
    setBusy(false);
    if (res.ok) onChanged(res.value);
    else setError(res.error);
  }

  async function open(id: string) {
    const res = await call('requests.attachment', { id });
    if (res.ok) downloadBase64(res.value.fileName, res.value.mime, res.value.base64);
    else setError(res.error);
  }

  return (
    <section aria-labelledby="request-attachments" data-testid="request-attachments">
      <h3 id="request-attachments">{t('requests.attach.title')}</h3>
      {request.attachments.length === 0 ? <p className="muted">{t('requests.attach.none')}</p> : null}
      <ul>
        {request.attachments.map((a) => (
          <li key={a.id}>
            <button type="button" className="link-button" onClick={() => void open(a.id)}>
              {a.fileName}
            </button>{' '}
            <span className="muted">
              ({Math.max(1, Math.round(a.size / 1024))} KB · {a.addedBy})
            </span>
          </li>
        ))}
      </ul>
      {canAdd ? (
        <label className="button">
          {busy ? t('requests.attach.adding') : t('requests.attach.add')}
          <input type="file" className="visually-hidden" accept={ATTACHMENT_MIME.join(',')} disabled={busy} onChange={(e) => void add(e)} />
        </label>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
