import type { FieldSpec } from '../field-spec';

/** Shorthands for declaring replicated fields. */
export const text = (max: number): FieldSpec => ({ type: 'text', max });
export const integer: FieldSpec = { type: 'integer' };
export const real: FieldSpec = { type: 'real' };
export const boolean: FieldSpec = { type: 'boolean' };
export const json = (max: number): FieldSpec => ({ type: 'json', max });
