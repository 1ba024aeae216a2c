import type { HandlerGroup } from '../../rpc/handler-types';
import { inboxHandlers } from './inbox';
import { routingHandlers } from './routing';
import { settingsHandlers } from './settings';
import { termHandlers } from './terms';

/** The public desk's handlers (issue 14), one group per file. */
export const publicdeskHandlers = { ...inboxHandlers, ...routingHandlers, ...termHandlers, ...settingsHandlers } satisfies HandlerGroup<
  keyof typeof inboxHandlers | keyof typeof routingHandlers | keyof typeof termHandlers | keyof typeof settingsHandlers
>;
