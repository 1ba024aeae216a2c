import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { EMAIL_STATUSES, type DistributionSummary } from '../../../shared/distribution/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { useT } from '../../i18n/use-t';
import { DistributionView } from './DistributionView';
import { StatusBadge, useWhen } from './labels';
import { OutboxStatusPanel } from './OutboxStatusPanel';
import { useOutboxStore } from './outbox-store';
import { useDistributionVersion } from './use-refresh';
import './distribution.css';

/** Kotak Keluar: the outbox's state and every distribution, newest first; one opens to its recipients. */
export function OutboxPage() {
  const { t } = useT();
  const version = useDistributionVersion();
  const openId = useOutboxStore((s) => s.openId);
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeading>{t('distribution.outbox.title')}</PageHeading>
      <p className="settings-section__intro">{t('distribution.outbox.intro')}</p>
      <OutboxStatusPanel version={version} />
      {openId ? <DistributionView id={openId} version={version} /> : <DistributionTable version={version} />}
    </section>
  );
}

function DistributionTable({ version }: { version: number }) {
  const { t } = useT();
  const when = useWhen();
  const open = useOutboxStore((s) => s.open);
  const [items, setItems] = useState<DistributionSummary[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    void call('distribution.list', {}).then((r) => (r.ok ? setItems(r.value) : setError(r.error)));
  }, [version]);

  if (error) return <ErrorMessage error={error} />;
  if (!items) return null;
  if (!items.length) return <p className="empty">{t('distribution.outbox.empty')}</p>;
  return (
    <section aria-labelledby="dist-list-title">
      <h2 id="dist-list-title">{t('distribution.outbox.list')}</h2>
      <table className="table dist-table" data-testid="distributions">
        <thead>
          <tr>
            <th scope="col">{t('distribution.outbox.col.release')}</th>
            <th scope="col">{t('distribution.outbox.col.when')}</th>
            <th scope="col">{t('distribution.outbox.col.by')}</th>
            <th scope="col">{t('distribution.outbox.col.email')}</th>
            <th scope="col">{t('distribution.outbox.col.whatsapp')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('distribution.outbox.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.releaseTitle}</th>
              <td>{when(d.createdAt)}</td>
              <td>{d.createdBy}</td>
              <td>
                {EMAIL_STATUSES.filter((s) => d.counts[s]).map((s) => (
                  <span key={s} className="dist-count-badge">
                    <StatusBadge status={s} /> {d.counts[s]}
                  </span>
                ))}
                {!d.sendsHere && d.channels.email ? <span className="dist-faint"> · {t('distribution.outbox.otherMachine')}</span> : null}
              </td>
              <td>{d.channels.whatsapp ? t('distribution.outbox.whatsappCount', { handed: d.whatsappHanded, total: d.whatsappTotal }) : '—'}</td>
              <td className="table__actions">
                <button type="button" className="button button--small button--secondary" onClick={() => open(d.id)} aria-label={`${t('distribution.outbox.open')}: ${d.releaseTitle}`}>
                  {t('distribution.outbox.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
