import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DeskPart, DeskPartBoard } from '../../../shared/publicdesk/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { DaysLeft } from './DaysLeft';
import { sendDeskFile } from './files';
import { useDeskT } from './messages';

/** A contributor's computer: its OPD's dispositions, each answered with text and photos, or with a request for more time. */
export function OpdParts({ board, onChanged }: { board: DeskPartBoard; onChanged: () => void }) {
  const { t } = useDeskT();
  if (board.parts.length === 0) return <p className="empty">{t('desk.opd.empty')}</p>;
  return (
    <div className="desk-detail" data-testid="desk-parts">
      {board.parts.map((p) => (
        <PartCard key={p.id} part={p} onChanged={onChanged} />
      ))}
    </div>
  );
}

function PartCard({ part, onChanged }: { part: DeskPart; onChanged: () => void }) {
  const { t } = useDeskT();
  const [answer, setAnswer] = useState('');
  const [days, setDays] = useState('2');
  const [reason, setReason] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const open = part.status === 'open' || part.status === 'extension_asked';

  async function send() {
    setBusy(true);
    setError(null);
    // The photo first: a refused photo leaves the part open to try again.
    if (photo) {
      const failed = await sendDeskFile(photo, { partId: part.id });
      if (failed) {
        setBusy(false);
        return setError(failed);
      }
    }
    const r = await call('publicdesk.part.answer', { partId: part.id, answer });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onChanged();
  }

  async function ask() {
    setBusy(true);
    setError(null);
    const r = await call('publicdesk.part.ask', { partId: part.id, days: Number(days), reason });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onChanged();
  }

  return (
    <section aria-label={part.number}>
      <h3>
        {part.number} · {t(`desk.kind.${part.kind}`)} · {t(`desk.part.${part.status}`)}
      </h3>
      <p>
        <DaysLeft view={part} />
        {part.escalatedAt ? <strong> · {t('desk.escalated')}</strong> : null}
      </p>
      <p className="desk-body">{part.summary}</p>
      <p className="muted">{[part.category, part.location].filter(Boolean).join(' · ')}</p>
      {part.answer ? <p className="desk-body">{part.answer}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {open ? (
        <div className="desk-form">
          <TextField label={t('desk.opd.answer')} value={answer} onChange={setAnswer} multiline />
          <label>
            {t('desk.opd.photo')} <input type="file" accept="image/png,image/jpeg,application/pdf" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
          </label>
          <div className="desk-actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void send()}>
              {t('desk.opd.send')}
            </button>
          </div>
          {part.status === 'open' ? (
            <div className="desk-actions">
              <TextField label={t('desk.opd.days')} value={days} onChange={setDays} inputMode="numeric" />
              <TextField label={t('desk.opd.reason')} value={reason} onChange={setReason} />
              <button type="button" className="button" disabled={busy} onClick={() => void ask()}>
                {t('desk.opd.ask')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
