import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { RequestNumbers, RequestNumbersRow } from '../../../shared/requests/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useChunkT } from './chunk-messages';

/** This month in the office's zone, as `YYYY-MM` (the board opens on it). */
function monthNow(zone: string): string {
  const tz = zone === 'WITA' ? 'Asia/Makassar' : zone === 'WIT' ? 'Asia/Jayapura' : 'Asia/Jakarta';
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
}

/**
 * The desk's numbers per OPD for one month (issue 13, item 5): received, accepted, declined,
 * median time to the first answer, and how many became published releases. Reports ask the same
 * core method (`requests.numbers`) for a range. `version` reloads it when the board changes.
 */
export function NumbersPanel({ zone, version }: { zone: string; version: number }) {
  const { t } = useChunkT();
  const [month, setMonth] = useState(() => monthNow(zone));
  const [data, setData] = useState<RequestNumbers | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  // Counted only when the desk opens the panel: the board's first paint does not wait for it.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open || !/^\d{4}-\d{2}$/.test(month)) return;
    let live = true;
    void call('requests.numbers', { fromMonth: month, toMonth: month }).then((res) => {
      if (!live) return;
      if (res.ok) {
        setData(res.value);
        setError(null);
      } else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [open, month, version]);

  const wait = (m: number | null) => (m === null ? t('num.noAnswer') : m < 120 ? t('num.minutes', { n: m }) : m < 48 * 60 ? t('num.hours', { n: Math.round(m / 60) }) : t('num.days', { n: Math.round(m / 1440) }));
  const line = (r: RequestNumbersRow, name: string, total = false) => (
    <tr key={`${r.opdId ?? 'total'}-${r.month}`} className={total ? 'requests-numbers__total' : undefined}>
      <th scope="row">{name}</th>
      <td>{r.received}</td>
      <td>{r.accepted}</td>
      <td>{r.declined}</td>
      <td>{wait(r.medianAnswerMinutes)}</td>
      <td>{r.releases}</td>
    </tr>
  );
  const total = data?.totals[0];
  return (
    <details className="requests-numbers" data-testid="requests-numbers" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('num.title')}</summary>
      <label className="requests-numbers__month">
        {t('num.month')} <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
      </label>
      {error ? <ErrorMessage error={error} /> : null}
      {data && total ? (
        total.received === 0 ? (
          <p className="empty">{t('num.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('num.opd')}</th>
                <th scope="col">{t('num.received')}</th>
                <th scope="col">{t('num.accepted')}</th>
                <th scope="col">{t('num.declined')}</th>
                <th scope="col">{t('num.median')}</th>
                <th scope="col">{t('num.releases')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => line(r, r.opdId ? r.opdName || r.opdId : t('num.outside')))}
              {line(total, t('num.total'), true)}
            </tbody>
          </table>
        )
      ) : null}
    </details>
  );
}
