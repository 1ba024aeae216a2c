/**
 * Per-field clocks of a row, stored in its `_hlc` column grouped by stamp:
 * `{"<hlc>": ["name", "phone"], "<older hlc>": ["email"]}`. Most rows were written by few
 * mutations, so grouping stores each 39-character stamp once instead of once per field,
 * which keeps the mutation path close to a plain insert.
 */
export type FieldClocks = Map<string, string>;

export function decodeClocks(text: string): FieldClocks {
  const grouped = JSON.parse(text) as Record<string, string[]>;
  const clocks: FieldClocks = new Map();
  for (const [hlc, fields] of Object.entries(grouped)) for (const f of fields) clocks.set(f, hlc);
  return clocks;
}

export function encodeClocks(clocks: FieldClocks): string {
  const grouped: Record<string, string[]> = {};
  for (const [field, hlc] of clocks) (grouped[hlc] ??= []).push(field);
  return JSON.stringify(grouped);
}
