import { z } from 'zod';

/** Input pieces used by many methods. */
export const empty = z.object({}).strict();
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'Id tidak sah' });
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Hash berkas tidak sah' });
export const idInput = z.object({ id: uuid }).strict();
