import { useEffect, useState } from 'react';
import type { Conflict } from '../../../shared/agenda/conflicts';
import type { CoverageStaff, StaffDuty } from '../../../shared/agenda/people';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { RequestCoverage, RequestDetail } from '../../../shared/requests/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { useChunkT } from './chunk-messages';

interface Props {
  request: RequestDetail;
  coverage: RequestCoverage;
  onChanged: (r: RequestDetail) => void;
}

const DUTIES = ['reporter', 'photographer', 'videographer'] as const satisfies readonly StaffDuty[];
type Picks = Record<StaffDuty, string>;

/**
 * Coverage staff for an accepted request: the agenda item's own reporter, photographer and
 * videographer (the same assignment the agenda form sets), chosen from the active staff with that
 * duty. Someone already assigned elsewhere at that time is saved with a warning, as in the agenda.
 */
export function CoverageAssign({ request, coverage, onChanged }: Props) {
  const { t } = useT();
  const { t: ti } = useChunkT();
  const [staff, setStaff] = useState<CoverageStaff[]>([]);
  const [picks, setPicks] = useState<Picks>({ reporter: coverage.reporterId ?? '', photographer: coverage.photographerId ?? '', videographer: coverage.videographerId ?? '' });
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('agenda.staff.list', {}).then((res) => (res.ok ? setStaff(res.value) : setError(res.error)));
  }, []);

  async function save() {
    setBusy(true);
    const res = await call('requests.coverage', { id: request.id, reporterId: picks.reporter || null, photographerId: picks.photographer || null, videographerId: picks.videographer || null });
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      setSaved(false);
      return;
    }
    setError(null);
    setConflicts(res.value.conflicts);
    setSaved(true);
    onChanged(res.value.request);
  }

  const nameOf = (id: string | null) => staff.find((s) => s.id === id)?.name ?? '';
  const fieldOfError = typeof error?.details?.field === 'string' ? error.details.field : null;
  return (
    <section className="request-detail__answer" aria-labelledby="request-coverage" data-testid="request-coverage">
      <h3 id="request-coverage">{ti('cov.title')}</h3>
      <p className="field__hint">{ti('cov.hint')}</p>
      <div className="requests-form__row">
        {DUTIES.map((duty) => (
          <SelectField
            key={duty}
            label={t(`agenda.form.${duty}`)}
            value={picks[duty]}
            onChange={(v) => {
              setPicks((p) => ({ ...p, [duty]: v }));
              setSaved(false);
            }}
            error={fieldOfError === `${duty}Id` ? error?.message : undefined}
            options={[{ value: '', label: t('agenda.form.nobody') }, ...staff.filter((s) => s.active && s.duties.includes(duty)).map((s) => ({ value: s.id, label: s.name }))]}
          />
        ))}
      </div>
      {staff.length === 0 ? <p className="field__hint">{ti('cov.noStaff')}</p> : null}
      {error && !fieldOfError ? <ErrorMessage error={error} /> : null}
      {conflicts.length > 0 ? (
        <ul className="field__error" role="status" data-testid="request-coverage-conflicts">
          {conflicts.map((c) => (
            <li key={`${c.personId}-${c.otherKey}`}>{ti('cov.conflict', { name: nameOf(c.personId), other: c.otherTitle })}</li>
          ))}
        </ul>
      ) : saved ? (
        <p role="status">{ti('cov.saved')}</p>
      ) : null}
      <div className="requests-form__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()}>
          {ti('cov.save')}
        </button>
      </div>
    </section>
  );
}
