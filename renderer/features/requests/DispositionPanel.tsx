import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { DISPOSITIONS, INVITATION_DECIDER, INVITATION_PROPOSER, type Disposition, type DispositionChoice, type RequestDetail } from '../../../shared/requests/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { useCan } from '../people/session-store';
import { useChunkT } from './chunk-messages';

interface Props {
  request: RequestDetail;
  /** The office's desk (proposes and decides); a contributor's computer only reads the decision. */
  desk: boolean;
  onChanged: (r: RequestDetail) => void;
}

/**
 * An invitation for a leader: protocol staff propose hadir / diwakilkan / tidak hadir, the leader's
 * office decides; the decision becomes the agenda item and reaches the inviter. The form offers
 * "Putuskan" only to those who hold the decider's right (the core refuses, and audits, anyone else).
 */
export function DispositionPanel({ request: r, desk, onChanged }: Props) {
  const { t: tt } = useT();
  const { t } = useChunkT();
  const canPropose = useCan(INVITATION_PROPOSER);
  const canDecide = useCan(INVITATION_DECIDER);
  const start = r.disposition ?? r.proposal;
  const [choice, setChoice] = useState<DispositionChoice>(start?.choice ?? 'attend');
  const [representative, setRepresentative] = useState(start?.representative ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const issues = error?.code === 'invalid_input' ? issuesOf(error.details) : [];
  const fieldErrors = fieldErrorsOf(issues, tt);

  const words = (d: Disposition, key: 'inv.proposalBy' | 'inv.decisionBy') => (
    <>
      {t(key, { choice: t(`inv.choice.${d.choice}`), by: d.by })}
      {d.choice === 'represented' ? <strong> · {t('inv.representedBy', { name: d.representative })}</strong> : null}
      {d.note ? <span className="request-history__note"> — {d.note}</span> : null}
    </>
  );

  async function send(method: 'requests.propose' | 'requests.decide') {
    if (method === 'requests.decide' && choice === 'absent' && !window.confirm(t('inv.confirmAbsent'))) return;
    setBusy(true);
    const res = await call(method, { id: r.id, choice, representative: choice === 'represented' ? representative : '', note });
    setBusy(false);
    if (res.ok) {
      setError(null);
      setNote('');
      onChanged(res.value);
    } else setError(res.error);
  }

  const open = r.status !== 'withdrawn';
  return (
    <section className="request-detail__answer" aria-labelledby="invitation-disposition" data-testid="invitation-disposition">
      <h3 id="invitation-disposition">{t('inv.title')}</h3>
      <dl className="request-detail__facts">
        {desk ? (
          <>
            <dt>{t('inv.proposal')}</dt>
            <dd data-testid="invitation-proposal">{r.proposal ? words(r.proposal, 'inv.proposalBy') : t('inv.noProposal')}</dd>
          </>
        ) : null}
        <dt>{t('inv.decision')}</dt>
        <dd data-testid="invitation-decision">{r.disposition ? words(r.disposition, 'inv.decisionBy') : t('inv.noDecision')}</dd>
      </dl>
      {desk && open && (canPropose || canDecide) ? (
        <div className="request-detail__actions">
          <fieldset className="field">
            <legend>{t('inv.choice')}</legend>
            {DISPOSITIONS.map((c) => (
              <label key={c} className="checkbox">
                <input type="radio" name="disposition" value={c} checked={choice === c} onChange={() => setChoice(c)} /> {t(`inv.choice.${c}`)}
              </label>
            ))}
          </fieldset>
          {choice === 'represented' ? (
            <TextField label={t('inv.representative')} value={representative} onChange={setRepresentative} error={fieldErrors.representative} required maxLength={200} />
          ) : null}
          <TextField label={t('inv.note')} value={note} onChange={setNote} multiline error={fieldErrors.note} />
          {error && issues.length === 0 ? <ErrorMessage error={error} /> : null}
          <p className="field__hint">{canDecide ? t('inv.decideHint') : t('inv.cannotDecide')}</p>
          <div className="requests-form__actions">
            {canDecide ? (
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void send('requests.decide')}>
                {t('inv.decide')}
              </button>
            ) : null}
            {canPropose ? (
              <button type="button" className={canDecide ? 'button' : 'button button--primary'} disabled={busy} onClick={() => void send('requests.propose')}>
                {t('inv.propose')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
