import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DistributionDetail, RecipientView } from '../../../shared/distribution/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Notice } from '../../components/Notice';
import { useT } from '../../i18n/use-t';
import { useCan } from '../people/session-store';
import { StatusBadge, useWhen } from './labels';

type Action = 'distribution.recipients.retry' | 'distribution.recipients.markSent' | 'distribution.recipients.cancel';

/** The email recipients of one distribution; on the sending machine, rows can be sent again, marked sent or cancelled. */
export function RecipientsTable({ detail, onChanged }: { detail: DistributionDetail; onChanged: () => void }) {
  const { t } = useT();
  const when = useWhen();
  const canSend = useCan('distribution.send');
  const editable = canSend && detail.sendsHere;
  const rows = detail.recipients.filter((r) => r.emailStatus !== null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [changed, setChanged] = useState<number | null>(null);
  const chosen = rows.filter((r) => selected.has(r.id));
  const allOn = rows.length > 0 && chosen.length === rows.length;

  function toggle(id: string, on: boolean) {
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  }

  async function run(method: Action) {
    if (method === 'distribution.recipients.cancel' && !window.confirm(t('distribution.detail.cancelConfirm', { count: chosen.length }))) return;
    setError(null);
    const r = await call(method, { ids: chosen.map((c) => c.id) });
    if (!r.ok) return setError(r.error);
    setChanged(r.value.changed);
    setSelected(new Set());
    onChanged();
  }

  if (!rows.length) return null;
  return (
    <section aria-labelledby="dist-recipients-title">
      <h3 id="dist-recipients-title">{t('distribution.detail.recipients')}</h3>
      {editable ? (
        <div className="dist-actions" role="toolbar" aria-label={t('distribution.detail.recipients')}>
          <span className="dist-faint">{t('distribution.detail.selected', { count: chosen.length })}</span>
          <button type="button" className="button button--small button--secondary" disabled={!chosen.length} onClick={() => void run('distribution.recipients.retry')}>
            {t('distribution.detail.retry')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={!chosen.some((c) => c.emailStatus === 'uncertain')}
            onClick={() => void run('distribution.recipients.markSent')}
          >
            {t('distribution.detail.markSent')}
          </button>
          <button type="button" className="button button--small button--danger" disabled={!chosen.length} onClick={() => void run('distribution.recipients.cancel')}>
            {t('distribution.detail.cancel')}
          </button>
        </div>
      ) : null}
      {changed !== null ? (
        <Notice dismiss={{ label: t('distribution.compose.close'), onClick: () => setChanged(null) }}>{t('distribution.detail.changed', { count: changed })}</Notice>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="dist-scroll">
        <table className="table dist-table" data-testid="recipients">
          <thead>
            <tr>
              {editable ? (
                <th scope="col">
                  <input type="checkbox" aria-label={t('distribution.detail.selectAll')} checked={allOn} onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())} />
                </th>
              ) : null}
              <th scope="col">{t('distribution.detail.col.name')}</th>
              <th scope="col">{t('distribution.detail.col.outlet')}</th>
              <th scope="col">{t('distribution.detail.col.email')}</th>
              <th scope="col">{t('distribution.detail.col.status')}</th>
              <th scope="col">{t('distribution.detail.col.attempts')}</th>
              <th scope="col">{t('distribution.detail.col.error')}</th>
              <th scope="col">{t('distribution.detail.col.time')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                {editable ? (
                  <td>
                    <input type="checkbox" aria-label={t('distribution.detail.select', { name: r.name })} checked={selected.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                  </td>
                ) : null}
                <th scope="row">{r.name}</th>
                <td>{r.outletName}</td>
                <td>{r.email ?? <span className="dist-faint">{t('distribution.detail.hidden')}</span>}</td>
                <td>{r.emailStatus ? <StatusBadge status={r.emailStatus} /> : null}</td>
                <td>{r.attempts}</td>
                <td className="dist-error">{r.lastError ?? ''}</td>
                <td>{when(timeOf(r))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** When it was sent; for rows still waiting, the next attempt; otherwise when it was queued. */
function timeOf(r: RecipientView): string {
  if (r.sentAt) return r.sentAt;
  if (r.nextAttemptAt && r.emailStatus === 'retrying') return r.nextAttemptAt;
  return r.createdAt;
}
