import { useEffect, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DistributionList, ImportBatch, OutletRow } from '../../../shared/media/types';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/use-t';
import { KIND_KEY, PRESS_KEY, shortDate } from './labels';
import { useMediaStore } from './media-store';

/** Saved filters and fixed lists, with how many they reach today. */
export function ListsView() {
  const { t } = useT();
  const version = useMediaStore((s) => s.version);
  const [lists, setLists] = useState<(DistributionList & { recipients: number })[]>([]);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    void (async () => {
      const r = await call('media.lists.list', {});
      if (!r.ok) return setError(r.error);
      const counted = await Promise.all(r.value.map(async (l) => {
        const rec = await call('media.lists.resolve', { id: l.id });
        return { ...l, recipients: rec.ok ? rec.value.length : 0 };
      }));
      setLists(counted);
    })();
  }, [version]);

  function describe(l: DistributionList): string {
    if (l.kind === 'fixed' || !l.filter) return t('media.lists.kind.fixed');
    const parts = [...l.filter.kinds.map((k) => t(KIND_KEY[k])), ...l.filter.pressCouncil.map((p) => t(PRESS_KEY[p])), l.filter.region, l.filter.contract === 'running' ? t('media.filter.contractRunning') : ''];
    return `${t('media.lists.kind.filter')}: ${parts.filter(Boolean).join(', ') || t('media.filter.all')}`;
  }

  return (
    <section aria-labelledby="lists-title">
      <h2 id="lists-title">{t('media.lists.title')}</h2>
      <p className="settings-section__intro">{t('media.lists.intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {creating ? <FixedListForm onDone={() => { setCreating(false); useMediaStore.getState().changed(); }} /> : (
        <button type="button" className="button button--secondary" onClick={() => setCreating(true)}>{t('media.lists.newFixed')}</button>
      )}
      {lists.length === 0 ? <p className="empty">{t('media.lists.none')}</p> : (
        <table className="table" data-testid="lists-table">
          <tbody>
            {lists.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.name}</th>
                <td>{describe(l)}</td>
                <td>{t('media.lists.recipients', { count: l.recipients })}</td>
                <td className="table__actions">
                  <button type="button" className="button button--small button--danger" onClick={() => void call('media.lists.delete', { id: l.id }).then(() => useMediaStore.getState().changed())}>{t('media.delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FixedListForm({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const [outlets, setOutlets] = useState<OutletRow[]>([]);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    void call('media.outlets.list', {}).then((r) => r.ok && setOutlets(r.value));
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('media.lists.save', { name, kind: 'fixed', outletIds: [...chosen] });
    if (r.ok) onDone();
    else setError(r.error);
  }
  return (
    <form onSubmit={submit} aria-label={t('media.lists.newFixed')} className="opd-form">
      <TextField label={t('media.lists.name')} value={name} onChange={setName} required autoFocus />
      <fieldset>
        <legend>{t('media.lists.members')}</legend>
        <div className="checkbox-list">
          {outlets.map((o) => (
            <label key={o.id}>
              <input type="checkbox" checked={chosen.has(o.id)} onChange={(e) => setChosen((s) => { const n = new Set(s); if (e.target.checked) n.add(o.id); else n.delete(o.id); return n; })} />
              {o.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary">{t('media.save')}</button>
        <button type="button" className="button button--quiet" onClick={onDone}>{t('media.cancel')}</button>
        {error ? <ErrorMessage error={error} /> : null}
      </div>
    </form>
  );
}

/** Recent imports, each undoable whole. */
export function ImportHistory() {
  const { t } = useT();
  const version = useMediaStore((s) => s.version);
  const [batches, setBatches] = useState<ImportBatch[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    void call('media.import.batches', {}).then((r) => (r.ok ? setBatches(r.value) : setError(r.error)));
  }, [version]);
  async function undo(b: ImportBatch) {
    const r = await call('media.import.undo', { batchId: b.id });
    if (r.ok) useMediaStore.getState().changed();
    else setError(r.error);
  }
  return (
    <section aria-labelledby="imports-title">
      <h2 id="imports-title">{t('media.import.batches')}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      {batches.length === 0 ? <p className="empty">{t('media.import.noBatches')}</p> : (
        <table className="table">
          <tbody>
            {batches.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.fileName}</th>
                <td>{shortDate(b.committedAt ?? b.undoneAt)}</td>
                <td>{t('media.import.done', { created: b.createdCount, merged: b.mergedCount, skipped: b.skippedCount })}</td>
                <td>{t(`media.import.batch.status.${b.status}`)}</td>
                <td className="table__actions">
                  {b.status === 'committed' ? <button type="button" className="button button--small button--secondary" onClick={() => void undo(b)}>{t('media.import.undo')}</button> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
