import { REPLICATED_TABLES, type FieldSpec, type FieldValue, type ReplicatedTable } from './replicated-tables';

/**
 * SQLite stores booleans as 0/1 and JSON as text; these turn values both ways by field type.
 * Shared because the core's database and the server's feed fold read the same column types.
 */
export function toSql(spec: FieldSpec | undefined, value: FieldValue): string | number | null {
  if (value === null || value === undefined) return null;
  switch (spec?.type) {
    case 'boolean':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    default:
      return value as string | number;
  }
}

export function fromSql(spec: FieldSpec | undefined, value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  switch (spec?.type) {
    case 'boolean':
      return value === 1 || value === true;
    case 'json':
      return JSON.parse(String(value)) as FieldValue;
    default:
      return value as FieldValue;
  }
}

/** A row as stored, decoded by field type; system columns are passed through. */
export function decodeRow(table: ReplicatedTable, row: Record<string, unknown>): Record<string, FieldValue> {
  const fields = REPLICATED_TABLES[table].fields as Record<string, FieldSpec>;
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(row)) out[key] = fromSql(fields[key], value);
  return out;
}
