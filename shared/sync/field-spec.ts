export type FieldType = 'text' | 'integer' | 'real' | 'boolean' | 'json';

export interface FieldSpec {
  readonly type: FieldType;
  /** For text and json: the longest value accepted, in characters. */
  readonly max?: number;
}

export interface TableSpec {
  readonly fields: Readonly<Record<string, FieldSpec>>;
}
