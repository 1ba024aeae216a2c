import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { OutletDetail } from '../../../shared/media/types';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { formatPhoneLocal } from '../../../shared/media/phone';
import { KIND_KEY, PRESS_KEY, STATE_KEY, shortDate } from './labels';
import { useMediaStore } from './media-store';
import { OutletForm } from './OutletForm';

export function OutletPanel({ id }: { id: string }) {
  const { t } = useT();
  const version = useMediaStore((s) => s.version);
  const select = useMediaStore((s) => s.select);
  const [detail, setDetail] = useState<OutletDetail | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    let live = true;
    void call('media.outlets.get', { id }).then((r) => {
      if (!live) return;
      if (r.ok) setDetail(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [id, version]);

  async function remove() {
    const r = await call('media.outlets.delete', { id });
    if (!r.ok) return setError(r.error);
    useMediaStore.getState().deleted({ id, name: r.value.name });
    select(null);
  }

  if (error) return <ErrorMessage error={error} />;
  if (!detail) return <p>{t('media.loading')}</p>;
  const o = detail.outlet;
  if (editing) return <OutletForm outlet={o} onDone={() => setEditing(false)} />;
  return (
    <div>
      <div className="media-panel__head">
        <h2 id="media-panel-title">{o.name}</h2>
        <button type="button" className="button button--small button--quiet" onClick={() => select(null)}>{t('media.close')}</button>
      </div>
      <p>
        {o.kind ? <span className="badge">{t(KIND_KEY[o.kind])}</span> : null}{' '}
        <span className={`badge badge--${o.pressCouncilStatus}`}>{t(PRESS_KEY[o.pressCouncilStatus])}</span>
      </p>
      <dl className="info-list">
        {[
          ['media.outlet.legal', o.legalEntity],
          ['media.outlet.cert', o.pressCouncilCertNo],
          ['media.outlet.chief', o.editorInChief],
          ['media.outlet.region', o.region],
          ['media.outlet.address', o.address],
          ['media.outlet.phone', formatPhoneLocal(o.phone)],
          ['media.outlet.email', o.email],
          ['media.outlet.website', o.website],
          ['media.outlet.circulation', o.circulation === null ? '' : o.circulation.toLocaleString('id-ID')],
        ]
          .filter(([, value]) => value)
          .map(([key, value]) => (
            <div key={key} style={{ display: 'contents' }}>
              <dt>{t(key as never)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <div className="form-actions">
        <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>{t('media.edit')}</button>
        <button type="button" className="button button--secondary button--small" onClick={() => select({ kind: 'newJournalist' })}>{t('media.addJournalist')}</button>
        <button type="button" className="button button--danger button--small" onClick={() => void remove()}>{t('media.delete')}</button>
      </div>
      <h3>{t('media.outlet.journalists')}</h3>
      {detail.journalists.length === 0 ? <p className="empty">{t('media.outlet.noJournalists')}</p> : (
        <ul className="plain">
          {detail.journalists.map((j) => (
            <li key={j.id}>
              <button type="button" className="link-button" onClick={() => select({ kind: 'journalist', id: j.id })}>{j.name}</button> {j.beat ? `· ${j.beat}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('media.outlet.contracts')}</h3>
      {detail.contracts.length === 0 ? <p className="empty">{t('media.outlet.noContracts')}</p> : (
        <ul className="plain">
          {detail.contracts.map((c) => (
            <li key={c.id}>
              <button type="button" className="link-button" onClick={() => { useMediaStore.getState().setTab('contracts'); select({ kind: 'contract', id: c.id }); }}>{c.number}</button>{' '}
              {shortDate(c.periodStart)}–{shortDate(c.periodEnd)} · {t(STATE_KEY[c.state])} · {t('media.contract.delivered', { delivered: c.deliveredTotal, quota: c.quotaTotal })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
