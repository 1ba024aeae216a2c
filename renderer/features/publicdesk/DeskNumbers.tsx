import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DeskNumbers as Numbers } from '../../../shared/publicdesk/numbers';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { downloadBase64 } from '../agenda/download';
import { useNumbersT } from './numbers-messages';

type View = 'months' | 'byOpd' | 'byCategory' | 'byChannel';
const VIEWS: readonly View[] = ['months', 'byOpd', 'byCategory', 'byChannel'];

/** The desk's numbers for a year (`publicdesk.numbers`) by month, OPD, category or channel, and the same as XLSX. */
export function DeskNumbers({ onClose }: { onClose: () => void }) {
  const { t, language } = useNumbersT();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const [view, setView] = useState<View>('months');
  const [numbers, setNumbers] = useState<Numbers | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

  useEffect(() => {
    let live = true;
    setError(null);
    void call('publicdesk.numbers', { year: Number(year) }).then((r) => {
      if (!live) return;
      if (r.ok) setNumbers(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [year]);

  async function download() {
    setBusy(true);
    setDone('');
    const r = await call('publicdesk.numbers.export', { year: Number(year) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    downloadBase64(r.value.fileName, r.value.mime, r.value.base64);
    setDone(t('numbers.done', { file: r.value.fileName }));
  }

  const days = (v: number | null) => (v === null ? '—' : v.toLocaleString(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }));
  const rows = numbers ? numbers[view] : [];
  const monthLabel = (key: string) => new Date(Date.UTC(Number(year), Number(key) - 1, 1)).toLocaleString(language === 'en' ? 'en-GB' : 'id-ID', { month: 'long', timeZone: 'UTC' });
  return (
    <section className="desk-form" aria-labelledby="desk-numbers-title" data-testid="desk-numbers">
      <h2 id="desk-numbers-title">{t('numbers.title')}</h2>
      <p className="settings-section__intro">{t('numbers.intro')}</p>
      <div className="desk-actions">
        <SelectField label={t('numbers.year')} value={year} options={years.map((y) => ({ value: y, label: y }))} onChange={setYear} />
        <SelectField label={t('numbers.view')} value={view} options={VIEWS.map((v) => ({ value: v, label: t(`numbers.view.${v}`) }))} onChange={setView} />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {numbers ? (
        <>
          <p className="muted">{t('numbers.asOf', { date: numbers.asOf })}</p>
          {numbers.holidaysMissing.length ? <p className="field__error">{t('numbers.holidays', { years: numbers.holidaysMissing.join(', ') })}</p> : null}
          {rows.length === 0 ? (
            <p className="empty">{t('numbers.empty')}</p>
          ) : (
            <table className="table" data-testid="desk-numbers-table">
              <thead>
                <tr>
                  <th scope="col">{t(`numbers.view.${view}`)}</th>
                  <th scope="col">{t('numbers.col.received')}</th>
                  <th scope="col">{t('numbers.col.closed')}</th>
                  <th scope="col">{t('numbers.col.median')}</th>
                  <th scope="col">{t('numbers.col.p90')}</th>
                  <th scope="col">{t('numbers.col.late')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{view === 'months' ? monthLabel(r.key) : r.label}</th>
                    <td>{r.received}</td>
                    <td>{r.closed}</td>
                    <td>{days(r.medianDays)}</td>
                    <td>{days(r.p90Days)}</td>
                    <td>{r.late}</td>
                  </tr>
                ))}
              </tbody>
              {view !== 'byOpd' ? (
                <tfoot>
                  <tr>
                    <th scope="row">{t('numbers.total')}</th>
                    <td>{numbers.total.received}</td>
                    <td>{numbers.total.closed}</td>
                    <td>{days(numbers.total.medianDays)}</td>
                    <td>{days(numbers.total.p90Days)}</td>
                    <td>{numbers.total.late}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
          )}
        </>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
      <div className="desk-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void download()}>
          {t('numbers.xlsx')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('numbers.close')}
        </button>
      </div>
    </section>
  );
}
