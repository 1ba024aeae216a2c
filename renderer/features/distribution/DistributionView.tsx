import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DistributionDetail } from '../../../shared/distribution/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { useWhen } from './labels';
import { useOutboxStore } from './outbox-store';
import { RecipientsTable } from './RecipientsTable';
import { WhatsAppPanel } from './WhatsAppPanel';

/** One distribution: its email recipients with their status and actions, and its WhatsApp part. */
export function DistributionView({ id, version }: { id: string; version: number }) {
  const { t } = useT();
  const when = useWhen();
  const open = useOutboxStore((s) => s.open);
  const [detail, setDetail] = useState<DistributionDetail | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [own, setOwn] = useState(0);
  useEffect(() => {
    void call('distribution.get', { id }).then((r) => (r.ok ? setDetail(r.value) : setError(r.error)));
  }, [id, version, own]);

  return (
    <section aria-labelledby="dist-detail-title" className="dist-detail">
      <button type="button" className="button button--quiet button--small" onClick={() => open(null)}>
        ← {t('distribution.detail.back')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
      {detail ? (
        <>
          <h2 id="dist-detail-title">{detail.releaseTitle}</h2>
          <p className="dist-faint">{t('distribution.detail.meta', { when: when(detail.createdAt), who: detail.createdBy })}</p>
          {!detail.sendsHere ? <p className="dist-warn">{t('distribution.detail.otherMachine')}</p> : null}
          {detail.channels.email ? (
            <RecipientsTable detail={detail} onChanged={() => setOwn((n) => n + 1)} />
          ) : (
            <p className="dist-note">{t('distribution.detail.noEmail')}</p>
          )}
          {detail.channels.whatsapp ? <WhatsAppPanel detail={detail} /> : null}
        </>
      ) : null}
    </section>
  );
}
