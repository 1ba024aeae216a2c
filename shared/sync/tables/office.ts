import type { TableSpec } from '../field-spec';
import { boolean, integer, text } from './field';

export const officeTables = {
  office_profile: {
    fields: {
      institution: text(160),
      unit: text(160),
      institution_code: text(40),
      unit_code: text(40),
      city: text(80),
      province: text(80),
      time_zone: text(8),
      address: text(300),
      phone: text(40),
      email: text(160),
      website: text(200),
      emblem_hash: text(64),
      number_pattern: text(120),
      script_line: text(200),
      dateline_form: text(24),
      end_mark: text(16),
    },
  },
  opd: {
    fields: {
      name: text(200),
      abbreviation: text(40),
      phone: text(40),
      email: text(160),
      active: boolean,
      sort_order: integer,
    },
  },
} as const satisfies Record<string, TableSpec>;
