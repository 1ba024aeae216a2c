import type { DeadlineView } from '../../../shared/publicdesk/model';
import { useDeskT } from './messages';

/** Working days left, everywhere a deadline shows: late in red, due today in amber, missing holiday data flagged. */
export function DaysLeft({ view }: { view: DeadlineView }) {
  const { t } = useDeskT();
  if (view.daysLeft === null) return <span className="muted">{view.dueDate ?? '—'}</span>;
  const n = view.daysLeft;
  const tone = n < 0 ? 'late' : n === 0 ? 'today' : 'ok';
  return (
    <span className={`desk-days desk-days--${tone}`} title={view.dueDate ?? ''}>
      {n < 0 ? t('desk.days.late', { n: -n }) : n === 0 ? t('desk.days.today') : t('desk.days.left', { n })}
      {view.holidaysMissing.length > 0 ? (
        <span className="desk-days__warn" role="note">
          {' '}
          ⚠ {t('desk.days.missing', { years: view.holidaysMissing.join(', ') })}
        </span>
      ) : null}
    </span>
  );
}
