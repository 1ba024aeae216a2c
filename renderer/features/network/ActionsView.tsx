import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { formatDateKey } from '../../../shared/format/dates';
import type { ActionItem } from '../../../shared/network/model';
import { call } from '../../api/client';
import { useLoaded } from '../../api/use-loaded';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNetworkT } from './messages';

/** Every open action item of every meeting, followed until its OPD has done it. */
export function ActionsView({ version, canManage, canReport }: { version: number; canManage: boolean; canReport: boolean }) {
  const { t, language } = useNetworkT();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [tick, setTick] = useState(0);
  const items = useLoaded('network.actions.list', { status: 'open' }, [version, tick], setError);

  async function done(a: ActionItem) {
    // The office marks any item done; an OPD's contributor reports its own OPD's (the rulebook says which).
    const r = await call(canManage ? 'network.actions.done' : 'network.actions.report', { id: a.id, done: true, note: '' });
    if (r.ok) setTick((n) => n + 1);
    else setError(r.error);
  }

  return (
    <>
      {error ? <ErrorMessage error={error} /> : null}
      {items && items.length === 0 ? <p className="empty">{t('network.actions.empty')}</p> : null}
      {items && items.length > 0 ? (
        <table className="table" data-testid="network-open-actions">
          <thead>
            <tr>
              <th scope="col">{t('network.col.opd')}</th>
              <th scope="col">{t('network.action.text')}</th>
              <th scope="col">{t('network.action.due')}</th>
              <th scope="col">{t('network.col.meeting')}</th>
              <th scope="col">{t('network.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>{a.opdName}</td>
                <td>{a.text}</td>
                <td>{a.dueDate ? formatDateKey(a.dueDate, language) : ''}</td>
                <td>{a.meetingTitle}</td>
                <td>
                  {canManage || canReport ? (
                    <button type="button" className="button" onClick={() => void done(a)}>
                      {t('network.action.done')}
                    </button>
                  ) : (
                    t('network.action.open')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
