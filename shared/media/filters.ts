import { z } from 'zod';
import { OUTLET_KINDS, PRESS_COUNCIL_STATUSES } from './vocabulary';

/**
 * A filter over the outlet directory. Saved distribution lists store one of these, so a list
 * like "all verified online media" keeps up with the directory.
 */
export const outletFilterSchema = z
  .object({
    kinds: z.array(z.enum(OUTLET_KINDS)).max(OUTLET_KINDS.length).default([]),
    pressCouncil: z.array(z.enum(PRESS_COUNCIL_STATUSES)).max(PRESS_COUNCIL_STATUSES.length).default([]),
    region: z.string().trim().max(120).default(''),
    contract: z.enum(['any', 'running', 'none']).default('any'),
  })
  .strict();

export type OutletFilter = z.output<typeof outletFilterSchema>;
export type OutletFilterInput = z.input<typeof outletFilterSchema>;
