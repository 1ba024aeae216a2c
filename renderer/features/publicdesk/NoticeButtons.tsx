import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DeskItem } from '../../../shared/publicdesk/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64 } from '../agenda/download';
import { usePapersT } from './papers-messages';

/** The written notice of a decided information request, as PDF to send or DOCX to edit before signing. */
export function NoticeButtons({ item }: { item: DeskItem }) {
  const { t } = usePapersT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function download(format: 'pdf' | 'docx') {
    setBusy(true);
    setError(null);
    const r = await call('publicdesk.notice', { id: item.id, format });
    setBusy(false);
    if (r.ok) downloadBase64(r.value.fileName, r.value.mime, r.value.base64);
    else setError(r.error);
  }

  return (
    <div className="desk-actions" data-testid="desk-notice">
      <button type="button" className="button" disabled={busy} onClick={() => void download('pdf')}>
        {t('papers.notice.pdf')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void download('docx')}>
        {t('papers.notice.docx')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
