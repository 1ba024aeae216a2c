import { useEffect, useState } from 'react';
import type { RecipientView } from '../../../shared/distribution/model';
import { call } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useCan } from '../people/session-store';
import { StatusBadge, useWhen } from './labels';
import { useDistributionVersion } from './use-refresh';
import './distribution.css';

/** "Riwayat pengiriman" in the release editor's side panel: who got this release, by which channel, when. */
export function ReleaseDeliveries({ releaseId }: { releaseId: string }) {
  const { t } = useT();
  const when = useWhen();
  const allowed = useCan('media.read');
  const version = useDistributionVersion();
  const [rows, setRows] = useState<RecipientView[] | null>(null);
  useEffect(() => {
    if (!allowed) return;
    void call('distribution.records.release', { releaseId }).then((r) => setRows(r.ok ? r.value : []));
  }, [releaseId, version, allowed]);

  if (!allowed || rows === null) return null;
  return (
    <details className="dist-records" open={rows.length > 0 && rows.length <= 8} data-testid="release-deliveries">
      <summary>
        {t('distribution.records.release')} ({rows.length})
      </summary>
      {rows.length === 0 ? (
        <p className="dist-note">{t('distribution.records.release.none')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong> <span className="dist-faint">· {r.outletName}</span>
              {r.emailStatus ? (
                <span className="dist-record-line">
                  {t('distribution.records.email')}: <StatusBadge status={r.emailStatus} /> {r.sentAt ? when(r.sentAt) : null}
                </span>
              ) : null}
              {r.whatsappHandedAt ? (
                <span className="dist-record-line">
                  {t('distribution.records.whatsapp')}: <StatusBadge status="handed" /> {when(r.whatsappHandedAt)}
                  {r.whatsappHandedBy ? ` · ${r.whatsappHandedBy}` : ''}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
