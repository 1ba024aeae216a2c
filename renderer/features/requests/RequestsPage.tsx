import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { dateKey, type EventZone } from '../../../shared/agenda/zones';
import { REQUEST_STATUSES, type RequestBoard, type RequestDetail, type RequestStatus } from '../../../shared/requests/model';
import { onEvent } from '../../api/client';
import { useLoaded } from '../../api/use-loaded';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { useT } from '../../i18n/use-t';
import { useOfficeStore } from '../office/office-store';
import { useCan } from '../people/session-store';
import { OpdSelect } from '../settings/OpdSelect';
import { useOpdStore } from '../settings/opd-store';
import { NumbersPanel } from './NumbersPanel';
import { RequestDetailView } from './RequestDetailView';
import { RequestForm } from './RequestForm';
import { formatWhen } from './when';
import './requests.css';

const TABLES = ['requests', 'request_history', 'opd'];

/** A number that grows whenever requests change here or by sync: reload on it. */
function useRequestsVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => onEvent('data.changed', ({ tables }) => tables.some((t) => TABLES.includes(t)) && setVersion((n) => n + 1)), []);
  return version;
}

/**
 * Permohonan: at the office, the desk's inbox of every OPD's requests (by status, by OPD, due
 * today); on a contributor's computer, its own OPD's requests and every answer.
 */
export function RequestsPage() {
  const { t } = useT();
  const version = useRequestsVersion();
  const canManage = useCan('requests.manage');
  const zone = useOfficeStore((s) => s.profile?.timeZone ?? 'WIB');
  const [filter, setFilter] = useState<{ status: RequestStatus | null; opdId: string | null; query: string; dueToday: boolean }>({ status: null, opdId: null, query: '', dueToday: false });
  const [error, setError] = useState<ErrorPayload | null>(null);
  const board = useLoaded('requests.list', filter, [version], setError, { clearsError: true });
  const [view, setView] = useState<{ kind: 'list' } | { kind: 'new' } | { kind: 'open'; id: string } | { kind: 'again'; request: RequestDetail }>({ kind: 'list' });

  useEffect(() => {
    void useOpdStore.getState().load();
  }, []);

  const desk = board !== null && board.boundOpd === null && canManage;
  const intro = board?.boundOpd ? t('requests.intro.opd', { opd: board.boundOpd.name || board.boundOpd.id }) : t('requests.intro.desk');

  return (
    <section className="page requests" aria-labelledby="page-title">
      <PageHeading>{t('requests.title')}</PageHeading>
      <p className="settings-section__intro">{intro}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {view.kind === 'new' || view.kind === 'again' ? (
        <RequestForm
          desk={desk}
          again={view.kind === 'again' ? view.request : null}
          onDone={(r) => setView({ kind: 'open', id: r.id })}
          onCancel={() => setView({ kind: 'list' })}
        />
      ) : view.kind === 'open' ? (
        <RequestDetailView id={view.id} version={version} desk={desk} onBack={() => setView({ kind: 'list' })} onComplete={(request) => setView({ kind: 'again', request })} />
      ) : board ? (
        <>
          <div className="requests-toolbar" role="search">
            <label>
              {t('requests.filter.status')}{' '}
              <select value={filter.status ?? ''} onChange={(e) => setFilter({ ...filter, status: (e.target.value || null) as RequestStatus | null })}>
                <option value="">
                  {t('requests.filter.all')} ({Object.values(board.counts).reduce((a, b) => a + b, 0)})
                </option>
                {REQUEST_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`requests.status.${s}`)} ({board.counts[s]})
                  </option>
                ))}
              </select>
            </label>
            {board.boundOpd === null ? (
              <OpdSelect label={t('requests.filter.opd')} emptyLabel={t('requests.filter.all')} value={filter.opdId ?? ''} onChange={(opdId) => setFilter({ ...filter, opdId: opdId || null })} />
            ) : null}
            <input type="search" aria-label={t('requests.filter.query')} placeholder={t('requests.filter.query')} value={filter.query} maxLength={200} onChange={(e) => setFilter({ ...filter, query: e.target.value })} />
            <label>
              <input type="checkbox" checked={filter.dueToday} onChange={(e) => setFilter({ ...filter, dueToday: e.target.checked })} /> {t('requests.filter.dueToday', { n: String(board.dueToday) })}
            </label>
            {desk || board.boundOpd ? (
              <button type="button" className="button button--primary" onClick={() => setView({ kind: 'new' })}>
                {desk ? t('requests.new.desk') : t('requests.new')}
              </button>
            ) : null}
          </div>
          <RequestTable board={board} zone={zone} filtered={filter.status !== null || filter.opdId !== null || filter.query !== '' || filter.dueToday} onOpen={(id) => setView({ kind: 'open', id })} />
          {desk ? <NumbersPanel zone={zone} version={version} /> : null}
        </>
      ) : null}
    </section>
  );
}

function RequestTable({ board, filtered, zone, onOpen }: { board: RequestBoard; filtered: boolean; zone: EventZone; onOpen: (id: string) => void }) {
  const { t } = useT();
  if (board.items.length === 0) return <p className="empty">{filtered ? t('requests.emptyFilter') : t('requests.empty')}</p>;
  return (
    <table className="table requests-table" data-testid="requests-table">
      <thead>
        <tr>
          <th scope="col">{t('requests.col.number')}</th>
          {board.boundOpd === null ? <th scope="col">{t('requests.col.opd')}</th> : null}
          <th scope="col">{t('requests.col.kind')}</th>
          <th scope="col">{t('requests.col.title')}</th>
          <th scope="col">{t('requests.col.when')}</th>
          <th scope="col">{t('requests.col.status')}</th>
          <th scope="col">{t('requests.col.submitted')}</th>
        </tr>
      </thead>
      <tbody>
        {board.items.map((r) => (
          <tr key={r.id}>
            <td>{r.number || <span className="muted">{t('requests.unnumbered')}</span>}</td>
            {board.boundOpd === null ? <td>{r.opdName || r.inviter}</td> : null}
            <td>{t(`requests.kind.${r.kind}`)}</td>
            <td>
              <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                {r.title}
              </button>
            </td>
            <td>{formatWhen(r.startMs, r.zone)}</td>
            <td>
              <span className={`request-status request-status--${r.status}`}>{t(`requests.status.${r.status}`)}</span>
            </td>
            {/* The day it came in at the office, not in UTC (a request at 06:30 WIB is today's). */}
            <td>{dateKey(Date.parse(r.submittedAt), zone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
