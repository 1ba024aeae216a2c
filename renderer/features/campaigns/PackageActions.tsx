import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64 } from '../agenda/download';
import { useCampaignsT } from './messages';

/**
 * The posting package of posts from one release: the focal point (where the subject is in the
 * photo, kept inside every platform size), then a ZIP with the images and captions per account.
 */
export function PackageActions({ ids }: { ids: string[] }) {
  const { t } = useCampaignsT();
  const [x, setX] = useState(50);
  const [y, setY] = useState(50);
  const [busy, setBusy] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const download = async () => {
    setBusy(true);
    const r = await call('campaigns.posts.package', { ids, focal: { x: x / 100, y: y / 100 } });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setWarnings(r.value.warnings);
    downloadBase64(r.value.fileName, 'application/zip', r.value.base64);
  };

  return (
    <div className="campaigns-package" data-testid="posting-package">
      <div className="campaigns-row">
        <label className="field">
          <span className="field__label">{t('campaigns.focal.x')}</span>
          <input type="range" min={0} max={100} value={x} onChange={(e) => setX(Number(e.target.value))} />
        </label>
        <label className="field">
          <span className="field__label">{t('campaigns.focal.y')}</span>
          <input type="range" min={0} max={100} value={y} onChange={(e) => setY(Number(e.target.value))} />
        </label>
      </div>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void download()}>
        {t('campaigns.package.download')}
      </button>
      {warnings.map((w) => (
        <p key={w} className="notice" role="status">
          {w}
        </p>
      ))}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}

/** Copies a caption for pasting into the platform's app. */
export function CopyCaption({ text }: { text: string }) {
  const { t } = useCampaignsT();
  const [done, setDone] = useState<boolean | null>(null);
  return (
    <span>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() =>
          void navigator.clipboard.writeText(text).then(
            () => setDone(true),
            () => setDone(false),
          )
        }
      >
        {t('campaigns.copy')}
      </button>{' '}
      {done === null ? null : <span role="status">{t(done ? 'campaigns.copied' : 'campaigns.copyFailed')}</span>}
    </span>
  );
}
