import type { Desk } from '../../home/desk';
import { query } from '../define';
import { empty } from './common';

/**
 * Beranda. `home.desk` is open to anyone signed in; the core answers only the cards the
 * caller's roles carry and its permissions allow (shared/home/desk.ts), so a journalist gets none.
 */
export const homeMethods = {
  'home.desk': query<typeof empty, Desk>('app.use', empty),
};
