import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DistributionDetail, RecipientView } from '../../../shared/distribution/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { useCan } from '../people/session-store';
import { useWhen } from './labels';

/**
 * The WhatsApp part: the text to paste into a group, and per journalist WhatsApp's own
 * click-to-chat link (the officer presses send in WhatsApp); opening it records the hand-over.
 */
export function WhatsAppPanel({ detail }: { detail: DistributionDetail }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const people = detail.recipients.filter((r) => r.whatsapp !== null || r.whatsappLink !== null);
  return (
    <section aria-labelledby="dist-wa-title" className="dist-box">
      <h3 id="dist-wa-title">{t('distribution.wa.title')}</h3>
      <p className="dist-faint">{t('distribution.wa.intro')}</p>
      <h4>{t('distribution.wa.text')}</h4>
      <pre className="dist-sample" tabIndex={0} aria-label={t('distribution.wa.text')} data-testid="whatsapp-text">
        {detail.whatsappText}
      </pre>
      <button type="button" className="button button--secondary button--small" onClick={() => void navigator.clipboard.writeText(detail.whatsappText).then(() => setCopied(true))}>
        {t('distribution.wa.copy')}
      </button>
      {copied ? <span role="status"> {t('distribution.wa.copied')}</span> : null}
      {people.length ? (
        <ul className="dist-wa-list" data-testid="whatsapp-people">
          {people.map((r) => (
            <WhatsAppPerson key={r.id} recipient={r} />
          ))}
        </ul>
      ) : (
        <p className="dist-note">{t('distribution.wa.none')}</p>
      )}
    </section>
  );
}

/** Opening the link records the hand-over; the row then shows it from the reloaded distribution (or the answer, whichever is newer). */
function WhatsAppPerson({ recipient }: { recipient: RecipientView }) {
  const { t } = useT();
  const when = useWhen();
  const canSend = useCan('distribution.send');
  const [answer, setAnswer] = useState<RecipientView | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const current = answer && (answer.whatsappHandedAt ?? '') > (recipient.whatsappHandedAt ?? '') ? answer : recipient;

  async function handed() {
    const res = await call('distribution.whatsapp.handed', { id: recipient.id });
    if (res.ok) setAnswer(res.value);
    else setError(res.error);
  }

  return (
    <li>
      <span>
        <strong>{current.name}</strong> <span className="dist-faint">· {current.outletName}</span>
      </span>
      {current.whatsappLink ? (
        <a
          className="button button--small button--secondary"
          href={current.whatsappLink}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('distribution.wa.openFor', { name: current.name })}
          onClick={canSend ? () => void handed() : undefined}
        >
          {t('distribution.wa.open')}
        </a>
      ) : (
        <span className="dist-faint">{t('distribution.wa.notYet')}</span>
      )}
      {current.whatsappHandedAt ? (
        <span className="dist-handed" role="status">
          {t('distribution.wa.handed', { when: when(current.whatsappHandedAt), who: current.whatsappHandedBy ?? '' })}
        </span>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </li>
  );
}
