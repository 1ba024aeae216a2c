import { useEffect, useState } from 'react';
import type { DeliveryRecord } from '../../../shared/distribution/model';
import type { Journalist } from '../../../shared/media/types';
import { call } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { StatusBadge, useWhen } from './labels';
import { useDistributionVersion } from './use-refresh';
import './distribution.css';

/** In the journalist panel: the distribution flags, and "Kiriman yang diterima" (what releases reached this person). */
export function JournalistDeliveries({ person }: { person: Journalist }) {
  const { t } = useT();
  const when = useWhen();
  const version = useDistributionVersion();
  const [rows, setRows] = useState<DeliveryRecord[] | null>(null);
  useEffect(() => {
    void call('distribution.records.journalist', { journalistId: person.id }).then((r) => setRows(r.ok ? r.value : []));
  }, [person.id, version]);

  return (
    <section className="dist-records" aria-labelledby="journalist-deliveries-title" data-testid="journalist-deliveries">
      {person.doNotSend ? <p className="badge badge--danger">{t('distribution.flag.doNotSend.badge')}</p> : null}
      {person.embargoTrusted ? <p className="badge">{t('distribution.flag.embargoTrusted.badge')}</p> : null}
      <h3 id="journalist-deliveries-title">{t('distribution.records.journalist')}</h3>
      {rows && rows.length === 0 ? <p className="dist-note">{t('distribution.records.journalist.none')}</p> : null}
      {rows?.length ? (
        <ul>
          {rows.map((r) => (
            <li key={`${r.recipientId}-${r.channel}`}>
              <strong>{r.releaseTitle}</strong>
              <span className="dist-record-line">
                {t(r.channel === 'email' ? 'distribution.records.email' : 'distribution.records.whatsapp')}: <StatusBadge status={r.status} /> {r.at ? when(r.at) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
