import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { DECISIONS, type Decision, type DeskItem } from '../../../shared/publicdesk/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { issuesOf } from '../../i18n/issue-messages';
import { useDeskT } from './messages';

/** The PPID's decision on an information request or objection; a refusal names its legal basis, said next to the field. */
export function DecisionForm({ item, onSaved }: { item: DeskItem; onSaved: (item: DeskItem) => void }) {
  const { t, language } = useDeskT();
  const [decision, setDecision] = useState<Decision>(item.decision ?? 'granted');
  const [basis, setBasis] = useState(item.exemptionBasis);
  const [fee, setFee] = useState(item.fee === null ? '' : String(item.fee));
  const [error, setError] = useState<ErrorPayload | null>(null);
  const errors: Record<string, string> = Object.fromEntries(issuesOf(error?.details).map((i) => [i.path, i.message]));

  async function save() {
    setError(null);
    const r = await call('publicdesk.decide', { id: item.id, decision, exemptionBasis: decision === 'granted' ? '' : basis, fee: fee.trim() === '' ? null : Number(fee) });
    if (r.ok) onSaved(r.value);
    else setError(r.error);
  }

  return (
    <section className="desk-form" data-testid="desk-decision">
      <h3>{t('desk.ppid.decision')}</h3>
      {item.decision ? <p>{t('desk.ppid.decided', { decision: t(`desk.ppid.decision.${item.decision}`), at: item.decidedAt ? new Date(item.decidedAt).toLocaleDateString(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium' }) : '' })}</p> : null}
      <SelectField label={t('desk.ppid.decision')} value={decision} options={DECISIONS.map((d) => ({ value: d, label: t(`desk.ppid.decision.${d}`) }))} onChange={setDecision} />
      {decision !== 'granted' ? <TextField label={t('desk.ppid.basis')} value={basis} onChange={setBasis} error={errors.exemptionBasis} multiline required /> : null}
      <TextField label={t('desk.ppid.fee')} value={fee} onChange={setFee} inputMode="numeric" error={errors.fee} />
      {error && Object.keys(errors).length === 0 ? <ErrorMessage error={error} /> : null}
      <div className="desk-actions">
        <button type="button" className="button" onClick={() => void save()}>
          {t('desk.ppid.save')}
        </button>
      </div>
    </section>
  );
}
