import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { downloadBase64 } from '../agenda/download';
import { usePapersT } from './papers-messages';

type RegisterKind = 'info_request' | 'objection';

/** The PPID's registers for a year, as XLSX or as PDF on the letterhead, and the year's numbers as XLSX. */
export function DeskPapers({ onClose }: { onClose: () => void }) {
  const { t } = usePapersT();
  const thisYear = new Date().getFullYear();
  const [kind, setKind] = useState<RegisterKind>('info_request');
  const [year, setYear] = useState(String(thisYear));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

  async function download(format: 'xlsx' | 'pdf' | 'numbers') {
    setBusy(true);
    setError(null);
    setDone('');
    const r = format === 'numbers' ? await call('publicdesk.numbers.export', { year: Number(year) }) : await call('publicdesk.register', { kind, year: Number(year), format });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    downloadBase64(r.value.fileName, r.value.mime, r.value.base64);
    setDone(t('papers.done', { file: r.value.fileName }));
  }

  return (
    <section className="desk-form" aria-labelledby="desk-papers-title" data-testid="desk-papers">
      <h2 id="desk-papers-title">{t('papers.title')}</h2>
      <p className="settings-section__intro">{t('papers.intro')}</p>
      <SelectField label={t('papers.kind')} value={kind} options={(['info_request', 'objection'] as const).map((k) => ({ value: k, label: t(`papers.kind.${k}`) }))} onChange={setKind} />
      <SelectField label={t('papers.year')} value={year} options={years.map((y) => ({ value: y, label: y }))} onChange={setYear} />
      {error ? <ErrorMessage error={error} /> : null}
      {done ? <p role="status">{done}</p> : null}
      <div className="desk-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void download('xlsx')}>
          {t('papers.xlsx')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void download('pdf')}>
          {t('papers.pdf')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void download('numbers')}>
          {t('papers.numbers')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('papers.close')}
        </button>
      </div>
    </section>
  );
}
