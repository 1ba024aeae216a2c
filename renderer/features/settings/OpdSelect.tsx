import { useOpdStore } from './opd-store';

interface OpdSelectProps {
  label: string;
  /** An OPD's id, or "" (with `emptyLabel`). */
  value: string;
  onChange(value: string): void;
  /** The first choice, value "": every OPD in a filter, "choose…" in a form; without it the list is the OPDs only. */
  emptyLabel?: string;
}

/** A labelled choice of one of the office's OPDs (by abbreviation), as list filters and forms offer it. */
export function OpdSelect({ label, value, onChange, emptyLabel }: OpdSelectProps) {
  const opds = useOpdStore((s) => s.items);
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {opds.map((o) => (
          <option key={o.id} value={o.id}>
            {o.abbreviation || o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
