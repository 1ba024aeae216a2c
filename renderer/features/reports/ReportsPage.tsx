import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { dateKey } from '../../../shared/agenda/zones';
import { formatDateTime } from '../../../shared/format/dates';
import type { Report, ReportTable } from '../../../shared/reports/model';
import { periodOf, type Period, type PeriodKind } from '../../../shared/reports/period';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/use-t';
import { downloadBase64 } from '../agenda/download';
import { useOfficeStore } from '../office/office-store';
import { asZone } from '../office/office-form-values';
import { usePrint } from '../print/use-print';
import { ReportChart } from './ReportChart';

const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? v.toLocaleString('id-ID') : v);

/** Laporan: pick a period, see the report (sentences, charts, tables), export it to paper or a workbook. */
export function ReportsPage() {
  const { t } = useT();
  const printer = usePrint();
  const zone = asZone(useOfficeStore((s) => s.profile?.timeZone) ?? 'WIB');
  const today = dateKey(Date.now(), zone);
  const lastMonth = periodOf('month', prevMonth(today));
  const [kind, setKind] = useState<PeriodKind>('month');
  const [month, setMonth] = useState(lastMonth.from.slice(0, 7));
  const [year, setYear] = useState(today.slice(0, 4));
  const [quarter, setQuarter] = useState<'1' | '2' | '3' | '4'>(String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as '1');
  const [from, setFrom] = useState(lastMonth.from);
  const [to, setTo] = useState(lastMonth.to);
  const [signer, setSigner] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [status, setStatus] = useState('');

  const period = (): Period => {
    if (kind === 'month') return periodOf('month', `${month}-01`);
    if (kind === 'quarter') return periodOf('quarter', `${year}-${String((Number(quarter) - 1) * 3 + 1).padStart(2, '0')}-01`);
    if (kind === 'year') return periodOf('year', `${year}-01-01`);
    return { kind: 'custom', from, to };
  };

  async function show() {
    setBusy(true);
    setError(null);
    setStatus('');
    const r = await call('reports.compute', period());
    setBusy(false);
    if (r.ok) setReport(r.value);
    else setError(r.error);
  }

  async function exportAs(format: 'pdf' | 'docx' | 'xlsx', p: Period = period()) {
    setError(null);
    const r = await call('reports.export', { period: p, format, signer });
    if (!r.ok) return setError(r.error);
    downloadBase64(r.value.fileName, r.value.mime, r.value.base64);
    setStatus(t('reports.exported', { name: r.value.fileName }));
  }

  return (
    <section className="page page--wide" aria-labelledby="page-title">
      <PageHeading>{t('reports.title')}</PageHeading>
      <p className="field__hint">{t('reports.summary')}</p>
      <form
        className="card report-period"
        aria-label={t('reports.period')}
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <div className="report-period__fields">
          <SelectField label={t('reports.period')} value={kind} onChange={setKind} options={(['month', 'quarter', 'year', 'custom'] as const).map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))} />
          {kind === 'month' ? <TextField label={t('reports.month')} type="month" value={month} onChange={setMonth} /> : null}
          {kind === 'quarter' || kind === 'year' ? <TextField label={t('reports.year')} type="number" min={2000} max={2100} value={year} onChange={setYear} /> : null}
          {kind === 'quarter' ? <SelectField label={t('reports.quarter')} value={quarter} onChange={setQuarter} options={(['1', '2', '3', '4'] as const).map((q) => ({ value: q, label: ['I', 'II', 'III', 'IV'][Number(q) - 1]! }))} /> : null}
          {kind === 'custom' ? (
            <>
              <TextField label={t('reports.from')} type="date" value={from} onChange={setFrom} />
              <TextField label={t('reports.to')} type="date" value={to} onChange={setTo} />
            </>
          ) : null}
          <TextField label={t('reports.signer')} value={signer} onChange={setSigner} hint={t('reports.signerHint')} maxLength={120} />
        </div>
        {error ? <ErrorMessage error={error} /> : null}
        <div className="report-period__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('reports.show')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void exportAs('pdf', lastMonth)}>
            {t('reports.lastMonth')}
          </button>
          {report ? (
            <>
              <button type="button" className="button button--secondary" onClick={() => void exportAs('pdf', report.period)}>{t('reports.export.pdf')}</button>
              <button type="button" className="button button--secondary" onClick={() => void exportAs('docx', report.period)}>{t('reports.export.docx')}</button>
              <button type="button" className="button button--secondary" onClick={() => void exportAs('xlsx', report.period)}>{t('reports.export.xlsx')}</button>
              {/* Print (issue 17): the report's PDF in the print preview (desktop) or a new tab (browser mode). */}
              <button type="button" className="button button--secondary" disabled={printer.printing} onClick={() => void printer.printExport(() => call('reports.export', { period: report.period, format: 'pdf', signer }))}>
                {t('print.button')}
              </button>
            </>
          ) : null}
        </div>
        {printer.error ? <ErrorMessage error={printer.error} /> : null}
        {status ? <p role="status" className="field__hint">{status}</p> : null}
      </form>
      {busy ? <p className="field__hint">{t('reports.loading')}</p> : null}
      {report ? <ReportView report={report} zone={zone} /> : null}
    </section>
  );
}

function prevMonth(key: string): string {
  const y = Number(key.slice(0, 4));
  const m = Number(key.slice(5, 7));
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}

function ReportView({ report, zone }: { report: Report; zone: ReturnType<typeof asZone> }) {
  const { t } = useT();
  return (
    <article className="card report" data-testid="report" aria-labelledby="report-title">
      <h2 id="report-title" className="report__title">{report.title}</h2>
      <p className="field__hint">{t('reports.asOf', { time: formatDateTime(report.asOfMs, zone), snapshot: report.snapshot })}</p>
      {report.empty ? <p className="report__empty" role="status">{t('reports.empty')}</p> : null}
      {report.sections.map((section, i) => (
        <section key={section.id} className="report__section" aria-labelledby={`report-${section.id}`} data-testid={`report-${section.id}`}>
          <h3 id={`report-${section.id}`}>{`${String.fromCharCode(65 + i)}. ${section.title}`}</h3>
          {section.summary.map((s) => (
            <p key={s}>{s}</p>
          ))}
          {section.charts.map((chart) => (
            <ReportChart key={chart.id} chart={chart} label={t('reports.chartOf', { title: chart.title })} />
          ))}
          {section.tables.map((tbl) => (
            <TableView key={tbl.id} table={tbl} />
          ))}
        </section>
      ))}
    </article>
  );
}

function TableView({ table }: { table: ReportTable }) {
  const { t } = useT();
  return (
    <div className="report-table">
      <table data-testid={`table-${table.id}`}>
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.title} scope="col" className={c.kind === 'text' ? '' : 'num'}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length}>{t('reports.noRows')}</td>
            </tr>
          ) : (
            table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) => (
                  <td key={j} className={table.columns[j]?.kind === 'text' ? '' : 'num'}>
                    {cell(v)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {table.note ? <p className="field__hint">{table.note}</p> : null}
    </div>
  );
}
