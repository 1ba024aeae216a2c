import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { Opd } from '../../../shared/office/opd';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { OpdForm } from './OpdForm';
import { useOpdStore } from './opd-store';
import { Notice } from '../../components/Notice';

/** The OPD list: add, edit, delete with undo. Deletion is a tombstone, so undo is a restore. */
export function OpdSection() {
  const { t } = useT();
  const items = useOpdStore((s) => s.items);
  const status = useOpdStore((s) => s.status);
  const loadError = useOpdStore((s) => s.error);
  const notice = useOpdStore((s) => s.notice);
  const load = useOpdStore((s) => s.load);
  const remove = useOpdStore((s) => s.remove);
  const restore = useOpdStore((s) => s.restore);
  const dismissNotice = useOpdStore((s) => s.dismissNotice);
  // 'new', the id being edited, or null.
  const [editing, setEditing] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    void load();
  }, [load]);
  // Leaving the page must not leave an old "deleted" notice for the next visit.
  useEffect(() => dismissNotice, [dismissNotice]);

  const editingOpd = editing && editing !== 'new' ? (items.find((o) => o.id === editing) ?? null) : null;

  async function onDelete(opd: Opd) {
    setActionError(await remove(opd));
    if (editing === opd.id) setEditing(null);
  }

  return (
    <section className="settings-section" aria-labelledby="opd-title">
      <div className="settings-section__head">
        <div>
          <h2 id="opd-title">{t('opd.title')}</h2>
          <p className="settings-section__intro">{t('opd.intro')}</p>
        </div>
        {editing === null ? (
          <button type="button" className="button button--secondary" onClick={() => setEditing('new')}>
            {t('opd.add')}
          </button>
        ) : null}
      </div>

      {notice ? (
        <Notice
          action={notice.kind === 'deleted' ? { label: t('opd.undo'), onClick: () => void restore(notice.opd).then(setActionError) } : undefined}
          dismiss={{ label: t('opd.dismiss'), onClick: dismissNotice }}
        >
          {t(notice.kind === 'deleted' ? 'opd.deleted' : 'opd.restored', { name: notice.opd.name })}
        </Notice>
      ) : null}
      {actionError ? <ErrorMessage error={actionError} /> : null}
      {loadError && status === 'failed' ? <ErrorMessage error={loadError} /> : null}

      {editing === 'new' ? <OpdForm opd={null} onDone={() => setEditing(null)} /> : null}
      {editingOpd ? <OpdForm key={editingOpd.id} opd={editingOpd} onDone={() => setEditing(null)} /> : null}

      {status !== 'loading' && items.length === 0 ? (
        <p className="empty">{t('opd.empty')}</p>
      ) : items.length > 0 ? (
        <table className="table" data-testid="opd-table">
          <thead>
            <tr>
              <th scope="col">{t('opd.name')}</th>
              <th scope="col">{t('opd.abbreviation')}</th>
              <th scope="col">{t('opd.phone')}</th>
              <th scope="col">{t('opd.email')}</th>
              <th scope="col">{t('opd.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('opd.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((opd) => (
              <tr key={opd.id}>
                <th scope="row">{opd.name}</th>
                <td>{opd.abbreviation}</td>
                <td>{opd.phone}</td>
                <td>{opd.email}</td>
                <td>{opd.active ? t('opd.active') : t('opd.inactive')}</td>
                <td className="table__actions">
                  <button type="button" className="button button--small button--quiet" aria-label={t('opd.editLabel', { name: opd.name })} onClick={() => setEditing(opd.id)}>
                    {t('opd.edit')}
                  </button>
                  <button type="button" className="button button--small button--danger" aria-label={t('opd.deleteLabel', { name: opd.name })} onClick={() => void onDelete(opd)}>
                    {t('opd.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
