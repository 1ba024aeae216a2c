/**
 * Spreadsheet formula injection (CSV injection): a cell starting with =, +, -, @, tab or
 * carriage return is run as a formula by Excel and LibreOffice. Such cells are written with a
 * leading apostrophe, which both programs show as text; the importer takes it off again.
 */
const DANGEROUS = /^[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return DANGEROUS.test(value) ? `'${value}` : value;
}

/** Reverses escapeFormula on a cell read back from our own export. */
export function unescapeFormula(value: string): string {
  return value.length > 1 && value.startsWith("'") && DANGEROUS.test(value.slice(1)) ? value.slice(1) : value;
}
