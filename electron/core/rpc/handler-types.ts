import type { AppInfo, MethodName, MethodParsedInput, MethodResult } from '../../../shared/contract/methods';
import type { AuditLog } from '../audit/audit-log';
import type { Caller } from '../caller';
import type { Mutator } from '../data/mutator';
import type { Db } from '../db/open-database';
import type { WorkspaceEncryption } from '../db/workspace-encryption';
import type { CoreEvents } from '../events';
import type { BlobStore } from '../data/blob-store';
import type { Logger } from '../log/logger';
import type { PrefsStore } from '../prefs';
import type { TokenVault } from '../sync/token-vault';
import type { Session } from './session';

/** What every handler may use. Handlers get no transport details: they serve all three alike. */
export interface CoreContext {
  db: Db;
  mutator: Mutator;
  events: CoreEvents;
  logger: Logger;
  prefs: PrefsStore;
  blobs: BlobStore;
  now: () => number;
  info: AppInfo;
  /** Append-only, hash-chained record of sensitive acts (approvals, personal-data access …). */
  audit: AuditLog;
  /** Encryption at rest of this workspace's database. */
  encryption: WorkspaceEncryption;
  /** Who is at this machine: sign-in, idle lock, press-room kiosk. */
  session: Session;
  /** This machine's password of the office's SMTP account (desktop: safeStorage). */
  smtpPassword: TokenVault;
  /** The caller of the next call (the session's; tests may replace it). */
  currentCaller: () => Caller;
}

/** The person calling: who they are and what they may do (see electron/core/caller.ts). */
export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CoreContext,
  caller: Caller,
) => MethodResult<M> | Promise<MethodResult<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };
