import type { TableSpec } from '../field-spec';
import { boolean, json, text } from './field';

export const peopleTables = {
  staff_accounts: {
    fields: {
      name: text(120),
      login: text(80),
      position: text(120),
      unit: text(120),
      phone: text(40),
      email: text(160),
      roles: json(400),
      active: boolean,
      /** scrypt$N$r$p$salt$hash: never returned by any method. */
      password_hash: text(300),
      password_changed_at: text(30),
    },
  },
  guestbook_entries: {
    fields: {
      name: text(120),
      outlet: text(120),
      purpose: text(300),
      time_in: text(30),
      time_out: text(30),
      consent_at: text(30),
      notice_version: text(20),
      device_id: text(16),
      // Migration 0010: set by an erasure on request (the scrubbed fields are then redacted everywhere).
      erased_at: text(30),
    },
  },
} as const satisfies Record<string, TableSpec>;
