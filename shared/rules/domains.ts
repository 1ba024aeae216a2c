/**
 * Value domains: what a field accepts beyond its type and length (shared/sync/tables). Null is
 * always accepted here (replicated fields are nullable: a peer's update may arrive before its
 * insert); `required` rules live in the table checks.
 */
import type { FieldValue } from '../sync/replicated-tables';
import type { Domain, Words } from './types';

const words = (id: string, en: string): Words => ({ id, en });

/** One of a fixed list of values (statuses, kinds, zones). */
export function oneOf(values: readonly string[]): Domain {
  const allowed = new Set(values);
  const list = values.join(', ');
  return (v) => (typeof v === 'string' && allowed.has(v) ? null : words(`harus salah satu dari: ${list}`, `must be one of: ${list}`));
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A calendar date, YYYY-MM-DD. */
export const isoDate: Domain = (v) => (typeof v === 'string' && DATE.test(v) ? null : words('harus tanggal berbentuk TTTT-BB-HH', 'must be a date as YYYY-MM-DD'));

/** An empty text or a calendar date (optional dates kept as '' by older versions). */
export const isoDateOrEmpty: Domain = (v) => (v === '' ? null : isoDate(v));

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** An instant in ISO 8601 with a zone (what the core writes: `new Date().toISOString()`). */
export const isoInstant: Domain = (v) =>
  typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v)) ? null : words('harus waktu ISO 8601 dengan zona', 'must be an ISO 8601 instant with a zone');

/** A JSON array whose every item is one of `values` (roles of an account). */
export function arrayOf(values: readonly string[]): Domain {
  const allowed = new Set(values);
  const list = values.join(', ');
  return (v) =>
    Array.isArray(v) && v.every((x) => typeof x === 'string' && allowed.has(x)) ? null : words(`harus daftar berisi: ${list}`, `must be a list of: ${list}`);
}

/** A whole number at least `min`. */
export function intAtLeast(min: number): Domain {
  return (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= min ? null : words(`harus bilangan bulat ≥ ${min}`, `must be a whole number ≥ ${min}`));
}

/** True for null, undefined and '' (an empty optional text). */
export function isBlank(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}
