import { useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { QueueResult } from '../../../shared/contract/methods/distribution';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../shared/distribution/model';
import type { ReleaseDetail } from '../../../shared/releases/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf } from '../../i18n/issue-messages';
import type { MessageKey } from '../../i18n/messages-id';
import { useT } from '../../i18n/use-t';
import { composeInput, INITIAL_CHOICE, type ComposeChoice } from './compose-choice';
import { ComposePreviewPanel } from './ComposePreviewPanel';
import { goToOutbox } from './outbox-store';
import { RecipientPicker } from './RecipientPicker';
import { useComposePreview } from './use-compose-preview';
import './distribution.css';

const ATTACHMENT_KEY: Record<AttachmentKind, MessageKey> = {
  pdf: 'distribution.compose.att.pdf',
  docx: 'distribution.compose.att.docx',
  photos: 'distribution.compose.att.photos',
  zip: 'distribution.compose.att.zip',
};

/** "Kirim ke media": a modal dialog (native <dialog>: focus stays inside, Escape closes). */
export function ComposeDialog({ release, onClose }: { release: ReleaseDetail; onClose: () => void }) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<ComposeChoice>(INITIAL_CHOICE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [result, setResult] = useState<QueueResult | null>(null);
  const { main, attachments } = useComposePreview(release.id, choice);
  const fieldErrors = fieldErrorsOf(main.error?.code === 'invalid_input' ? issuesOf(main.error.details) : [], t);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const change = (patch: Partial<ComposeChoice>) => {
    setChoice((c) => ({ ...c, ...patch }));
    setResult(null);
    setError(null);
  };
  const toggleAttachment = (k: AttachmentKind, on: boolean) =>
    change({ attachments: on ? ATTACHMENT_KINDS.filter((x) => x === k || choice.attachments.includes(x)) : choice.attachments.filter((x) => x !== k) });

  async function queue() {
    setBusy(true);
    setError(null);
    const r = await call('distribution.queue', composeInput(release.id, choice));
    setBusy(false);
    if (r.ok) setResult(r.value);
    else setError(r.error);
  }

  return (
    <dialog ref={ref} className="dialog dist-dialog" aria-labelledby="dist-compose-title" onClose={onClose}>
      <div className="dist-dialog__head">
        <h2 id="dist-compose-title">
          {t('distribution.compose.title')}: <span className="dist-faint">{release.title}</span>
        </h2>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          {t('distribution.compose.close')}
        </button>
      </div>
      <div className="dist-dialog__grid">
        <div className="dist-dialog__form">
          <h3>{t('distribution.compose.recipients')}</h3>
          <RecipientPicker choice={choice} onChange={change} />
          <fieldset className="dist-fieldset">
            <legend>{t('distribution.compose.channels')}</legend>
            <div className="dist-inline">
              <label>
                <input type="checkbox" checked={choice.email} onChange={(e) => change({ email: e.target.checked })} /> {t('distribution.compose.email')}
              </label>
              <label>
                <input type="checkbox" checked={choice.whatsapp} onChange={(e) => change({ whatsapp: e.target.checked })} /> {t('distribution.compose.whatsapp')}
              </label>
            </div>
          </fieldset>
          <TextField
            label={t('distribution.compose.greeting')}
            hint={t('distribution.compose.greeting.hint')}
            value={choice.greeting}
            onChange={(greeting) => change({ greeting })}
            error={fieldErrors.greeting}
            maxLength={200}
          />
          {choice.email ? (
            <fieldset className="dist-fieldset">
              <legend>{t('distribution.compose.attachments')}</legend>
              <div className="dist-inline">
                {ATTACHMENT_KINDS.map((k) => (
                  <label key={k}>
                    <input type="checkbox" checked={choice.attachments.includes(k)} onChange={(e) => toggleAttachment(k, e.target.checked)} /> {t(ATTACHMENT_KEY[k])}
                  </label>
                ))}
              </div>
              <label className="dist-inline">
                <span className="field__label">{t('distribution.compose.paper')}</span>
                <select value={choice.paper} onChange={(e) => change({ paper: e.target.value as 'A4' | 'F4' })}>
                  <option value="A4">A4</option>
                  <option value="F4">F4</option>
                </select>
              </label>
            </fieldset>
          ) : null}
        </div>
        <ComposePreviewPanel main={main} attachments={attachments} email={choice.email} />
      </div>
      <div className="dist-dialog__foot">
        {result ? (
          <Notice action={{ label: t('distribution.compose.openOutbox'), onClick: () => goToOutbox(result.id) }}>
            {t('distribution.compose.queued', { emails: result.emails, waiting: result.waitingEmbargo, whatsapp: result.whatsapp })}
          </Notice>
        ) : (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void queue()}>
            {busy ? t('distribution.compose.queueing') : t('distribution.compose.queue')}
          </button>
        )}
        {error ? <ErrorMessage error={error} /> : null}
      </div>
    </dialog>
  );
}
