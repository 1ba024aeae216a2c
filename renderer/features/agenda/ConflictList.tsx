import type { Conflict } from '../../../shared/agenda/conflicts';
import { formatDateTime } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { useT } from '../../i18n/use-t';
import { useAgendaStore } from './agenda-store';

/** Double bookings, worded per kind; announced to screen readers as they appear. */
export function ConflictList({ conflicts, zone, lead }: { conflicts: Conflict[]; zone: ZoneLabel; lead?: string }) {
  const { t, language } = useT();
  const officials = useAgendaStore((s) => s.officials);
  const staff = useAgendaStore((s) => s.staff);
  if (conflicts.length === 0) return null;
  const nameOf = (id: string | null) => {
    const o = officials.find((x) => x.id === id);
    if (o) return `${o.position} ${o.name}`;
    return staff.find((x) => x.id === id)?.name ?? '';
  };
  // One line per other item and person is enough; a weekly series can repeat the same pair.
  const seen = new Set<string>();
  const unique = conflicts.filter((c) => {
    const k = `${c.kind}:${c.personId}:${c.otherKey}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return (
    <div className="agenda-conflicts" role="alert" data-testid="agenda-conflicts">
      <p className="agenda-conflicts__title">⚠ {lead ?? t('agenda.conflicts.title')}</p>
      <ul>
        {unique.slice(0, 12).map((c) => (
          <li key={`${c.kind}:${c.personId}:${c.otherKey}`}>
            {t(`agenda.conflicts.${c.kind}`, { person: nameOf(c.personId), title: c.otherTitle, when: formatDateTime(c.otherStartMs, zone, language) })}
            {c.travelOnly ? ` ${t('agenda.conflicts.travel')}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
