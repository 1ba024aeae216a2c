import type { z } from 'zod';
import type { MethodSpec } from './define';
import { agendaMethods } from './methods/agenda';
import { appMethods } from './methods/app';
import { officeMethods } from './methods/office';
import { releasesMethods } from './methods/releases';
import { peopleMethods } from './methods/people';
import { mediaMethods } from './methods/media';
import { syncMethods } from './methods/sync';
import { distributionMethods } from './methods/distribution';
import { updatesMethods } from './methods/updates';
import { desktopMethods } from './methods/desktop';
import { printMethods } from './methods/print';
import { homeMethods } from './methods/home';
import { reportsMethods } from './methods/reports';
import { requestsMethods } from './methods/requests';
import { networkMethods } from './methods/network';
import { campaignsMethods } from './methods/campaigns';
import { publicdeskMethods } from './methods/publicdesk';
import { publicdeskReplyMethods } from './methods/publicdesk-replies';

export type { AppInfo, Language, MachinePrefs, SyncStatus } from './methods/app';
export type { SyncConflict, SyncRefusal, SyncReview } from './methods/sync';
export type { UpdateStatus } from './methods/updates';
export type { BackgroundWork } from './methods/desktop';
export type { PrintRequest } from './methods/print';
export { EMBLEM_MAX_BYTES, IMAGE_MIME, type StoredAttachment } from './methods/office';

/**
 * The whole API: one file per feature under ./methods, merged here. A feature adds its
 * file and one line below; its handlers go in electron/core/features/<feature>/.
 */
export const methods = {
  ...appMethods,
  ...officeMethods,
  ...agendaMethods,
  ...releasesMethods,
  ...peopleMethods,
  ...mediaMethods,
  ...syncMethods,
  ...distributionMethods,
  ...updatesMethods,
  ...desktopMethods,
  ...printMethods,
  ...homeMethods,
  ...reportsMethods,
  ...requestsMethods,
  ...networkMethods,
  ...campaignsMethods,
  ...publicdeskMethods,
  ...publicdeskReplyMethods,
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodResult<M extends MethodName> = NonNullable<Methods[M]['result']>['type'];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
