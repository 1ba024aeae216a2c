import type { ErrorPayload } from '../../../shared/contract/errors';
import type { ComposePreview } from '../../../shared/distribution/model';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { formatBytes, REASON_KEY, useWhen } from './labels';

interface State {
  preview: ComposePreview | null;
  error: ErrorPayload | null;
  loading: boolean;
}

/** What "Masukkan ke kotak keluar" would do: who gets it, who is left out and why, the subject and the text. */
export function ComposePreviewPanel({ main, attachments, email }: { main: State; attachments: State; email: boolean }) {
  const { t } = useT();
  const when = useWhen('long');
  const p = main.preview;
  return (
    <section className="dist-preview" aria-labelledby="dist-preview-title" aria-busy={main.loading}>
      <h3 id="dist-preview-title">{t('distribution.preview.title')}</h3>
      {main.error ? <ErrorMessage error={main.error} /> : null}
      {!p && main.loading ? <p className="dist-note">{t('distribution.preview.loading')}</p> : null}
      {p ? (
        <>
          <p className="dist-count" role="status" data-testid="preview-count">
            {p.recipients.length ? t('distribution.preview.count', { count: p.recipients.length }) : t('distribution.preview.none')}
          </p>
          {p.excluded.length ? (
            <details className="dist-excluded" open={p.excluded.length <= 5}>
              <summary>{t('distribution.preview.excluded', { count: p.excluded.length })}</summary>
              <ul data-testid="preview-excluded">
                {p.excluded.map((x, i) => (
                  <li key={`${x.name}-${i}`}>
                    <strong>{x.name}</strong>
                    {x.outletName ? ` (${x.outletName})` : ''}: {t(REASON_KEY[x.reason])}
                    {x.detail && x.reason !== 'do_not_send' ? <span className="dist-faint"> · {x.detail}</span> : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {p.embargoAt ? (
            <p className="dist-embargo" data-testid="preview-embargo">
              {t('distribution.preview.embargo', {
                when: when(p.embargoAt),
                trusted: p.recipients.filter((r) => r.embargoTrusted).length,
                others: p.recipients.filter((r) => !r.embargoTrusted).length,
              })}
            </p>
          ) : null}
          <dl className="dist-facts">
            <dt>{t('distribution.preview.subject')}</dt>
            <dd>{p.subject}</dd>
            {p.embargoSubject ? (
              <>
                <dt>{t('distribution.preview.embargoSubject')}</dt>
                <dd>{p.embargoSubject}</dd>
              </>
            ) : null}
          </dl>
          {email ? <AttachmentSizes state={attachments} /> : null}
          <h4>{t('distribution.preview.sample')}</h4>
          <pre className="dist-sample" tabIndex={0} aria-label={t('distribution.preview.sample')}>
            {p.text}
          </pre>
        </>
      ) : null}
    </section>
  );
}

function AttachmentSizes({ state }: { state: State }) {
  const { t } = useT();
  if (state.error) return <ErrorMessage error={state.error} />;
  if (state.loading) return <p className="dist-note">{t('distribution.preview.attachments.loading')}</p>;
  const p = state.preview;
  if (!p?.attachments.length) return null;
  const over = p.attachmentBytes > p.attachmentLimitBytes;
  return (
    <div className="dist-attachments">
      <h4>{t('distribution.preview.attachments')}</h4>
      <ul>
        {p.attachments.map((a) => (
          <li key={a.hash + a.fileName}>
            {a.fileName} <span className="dist-faint">· {formatBytes(a.bytes)}</span>
          </li>
        ))}
      </ul>
      <p className={over ? 'dist-over' : 'dist-faint'} role={over ? 'alert' : undefined}>
        {over
          ? t('distribution.preview.attachments.over', { limit: formatBytes(p.attachmentLimitBytes) })
          : t('distribution.preview.attachments.total', { size: formatBytes(p.attachmentBytes), limit: formatBytes(p.attachmentLimitBytes) })}
      </p>
    </div>
  );
}
