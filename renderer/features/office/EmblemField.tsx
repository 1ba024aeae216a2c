import { useId, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { readImageFile } from './read-image-file';
import { useEmblemDataUrl } from './use-emblem-data-url';

interface EmblemFieldProps {
  hash: string | null;
  onChange: (hash: string | null) => void;
  serverError?: string | undefined;
}

/** Uploads the emblem as an attachment; the profile stores only its hash. */
export function EmblemField({ hash, onChange, serverError }: EmblemFieldProps) {
  const { t } = useT();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const dataUrl = useEmblemDataUrl(hash);

  async function upload(file: File) {
    setError(null);
    setUploading(true);
    try {
      const read = await readImageFile(file);
      if (!read.ok) {
        setError(read.error);
        return;
      }
      const result = await call('attachments.putImage', { mime: read.mime, base64: read.base64 });
      if (result.ok) onChange(result.value.hash);
      else setError(result.error);
    } finally {
      setUploading(false);
      // Choosing the same file again must trigger another upload attempt.
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  return (
    <div className="emblem">
      <div className="emblem__preview" aria-live="polite">
        {hash && dataUrl ? (
          <img src={dataUrl} alt={t('office.emblem.alt')} data-testid="emblem-preview" />
        ) : (
          <span className="emblem__none">{t('office.emblem.none')}</span>
        )}
      </div>
      <div className="emblem__controls">
        <input
          id={id}
          ref={inputRef}
          type="file"
          className="visually-hidden-input"
          accept="image/png,image/jpeg,image/webp"
          aria-describedby={`${id}-hint`}
          disabled={uploading}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
        {/* The label after the input so that CSS can show the input's focus ring on it. */}
        <label htmlFor={id} className="button button--secondary emblem__choose">
          {hash ? t('office.emblem.change') : t('office.emblem.choose')}
        </label>
        {hash ? (
          <button type="button" className="button button--quiet" onClick={() => onChange(null)}>
            {t('office.emblem.remove')}
          </button>
        ) : null}
        <p id={`${id}-hint`} className="field__hint">
          {uploading ? t('office.emblem.uploading') : t('office.emblem.hint')}
        </p>
        {error ? <ErrorMessage error={error} /> : null}
        {serverError && !error ? (
          <p className="field__error" role="alert">
            {serverError}
          </p>
        ) : null}
      </div>
    </div>
  );
}
