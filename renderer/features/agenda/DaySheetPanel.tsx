import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { useAgendaStore } from './agenda-store';
import { downloadBase64 } from './download';
import { usePrint } from '../print/use-print';

/** The protocol day sheet for a date: PDF, DOCX or WhatsApp text, per leader or all. */
export function DaySheetPanel({ date }: { date: string }) {
  const { t } = useT();
  const officials = useAgendaStore((s) => s.officials);
  const leaders = officials.filter((o) => o.isLeader && o.active);
  const [leaderId, setLeaderId] = useState('');
  const [paper, setPaper] = useState<'A4' | 'F4'>('A4');
  const [days, setDays] = useState<1 | 7>(1);
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const printer = usePrint();

  async function make(format: 'pdf' | 'docx' | 'whatsapp') {
    setError(null);
    setStatus('');
    const r = await call('agenda.daySheet', { leaderId: leaderId || null, date, days, format, paper });
    if (!r.ok) return setError(r.error);
    if ('text' in r.value) setText(r.value.text);
    else {
      downloadBase64(r.value.fileName, r.value.mime, r.value.base64);
      setStatus(t('agenda.sheet.ready', { name: r.value.fileName }));
    }
  }

  return (
    <section className="agenda-sheet" aria-labelledby="agenda-sheet-title">
      <h2 id="agenda-sheet-title">
        {t('agenda.sheet.title')} · {date}
      </h2>
      <div className="agenda-sheet__controls">
        <label>
          {t('agenda.sheet.leader')}{' '}
          <select value={leaderId} onChange={(e) => setLeaderId(e.target.value)}>
            <option value="">{t('agenda.sheet.allLeaders')}</option>
            {leaders.map((o) => (
              <option key={o.id} value={o.id}>
                {o.position} – {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('agenda.sheet.range')}{' '}
          <select value={days} onChange={(e) => setDays(Number(e.target.value) === 7 ? 7 : 1)}>
            <option value={1}>{t('agenda.sheet.day')}</option>
            <option value={7}>{t('agenda.sheet.week')}</option>
          </select>
        </label>
        <label>
          {t('agenda.sheet.paper')}{' '}
          <select value={paper} onChange={(e) => setPaper(e.target.value === 'F4' ? 'F4' : 'A4')}>
            <option value="A4">A4</option>
            <option value="F4">F4</option>
          </select>
        </label>
        <button type="button" className="button button--small button--primary" onClick={() => void make('pdf')}>
          {t('agenda.sheet.pdf')}
        </button>
        <button type="button" className="button button--small button--secondary" disabled={printer.printing} onClick={() => void printer.print({ kind: 'daySheet', leaderId: leaderId || null, date, days, paper })}>
          {t('print.button')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={() => void make('docx')}>
          {t('agenda.sheet.docx')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={() => void make('whatsapp')}>
          {t('agenda.sheet.whatsapp')}
        </button>
      </div>
      <p role="status" className="field__hint">
        {status}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      {printer.error ? <ErrorMessage error={printer.error} /> : null}
      {text !== null ? (
        <div className="agenda-sheet__text">
          <textarea readOnly rows={10} value={text} aria-label={t('agenda.sheet.whatsapp')} data-testid="agenda-whatsapp" />
          <button type="button" className="button button--small button--primary" onClick={() => void navigator.clipboard?.writeText(text).then(() => setStatus(t('agenda.sheet.copied')))}>
            {t('agenda.sheet.copy')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
