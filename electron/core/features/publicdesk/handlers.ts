import type { HandlerGroup } from '../../rpc/handler-types';
import { assignHandlers } from './assign';
import { inboxHandlers } from './inbox';
import { paperHandlers } from './papers';
import { routingHandlers } from './routing';
import { settingsHandlers } from './settings';
import { templateHandlers } from './templates';
import { termHandlers } from './terms';

/** The public desk's handlers (issue 14), one group per file. */
export const publicdeskHandlers = { ...inboxHandlers, ...routingHandlers, ...termHandlers, ...settingsHandlers, ...paperHandlers, ...assignHandlers, ...templateHandlers } satisfies HandlerGroup<
  | keyof typeof inboxHandlers
  | keyof typeof routingHandlers
  | keyof typeof termHandlers
  | keyof typeof settingsHandlers
  | keyof typeof paperHandlers
  | keyof typeof assignHandlers
  | keyof typeof templateHandlers
>;
