/**
 * The port through which the core hosts the office sync server ("host the office sync server
 * on this computer"). The core declares what it needs; the implementation runs the server as
 * its own child process (hosting-process.ts), started from a launch spec the starter of the
 * core hands over as plain data (VS Code's interface-in-common, implementation-per-runtime):
 *
 * - browser mode and tests: Node with tsx's loader on server/main.ts
 *   (electron/browser-host/sync-server-launch.ts);
 * - Electron: the app's own binary with `--warta-sync-server`, which runs the built
 *   dist/server/main.js instead of opening a window (electron/shell/sync-server-launch.ts).
 *
 * The core and server/ never import each other: they meet in shared/ (the wire protocol, the
 * hosted-server protocol in shared/sync/hosted-server.ts) and over HTTP.
 */
import type { Role } from '../../../shared/contract/permissions';

/** How to start the sync server as a process. Plain, serializable data (it may cross a thread). */
export interface SyncServerLaunch {
  /** The executable: Node (browser mode, tests) or the desktop app's own binary. */
  command: string;
  args: string[];
  /** Extra environment for the server process. Never secrets: the core adds the admin token. */
  env?: Record<string, string>;
  cwd?: string;
}

export interface HostingConfig {
  /** Address to listen on (127.0.0.1, 0.0.0.0, a LAN address). */
  host: string;
  /** 0 picks a free port. */
  port: number;
  allowInsecureHttp: boolean;
  /** The server's own storage folder (SQLite). */
  dataDir: string;
}

export interface HostedServer {
  /** Where this computer reaches the server (loopback when it listens on every address). */
  localUrl: string;
  port: number;
  /** The server process (logs, tests). */
  pid: number;
}

export interface SyncHostingPort {
  /**
   * Starts the server and resolves once it listens. Rejects with a WartaError in plain words:
   * the port is taken, the address is not this computer's, the process could not start or died.
   */
  start(config: HostingConfig): Promise<HostedServer>;
  /** Stops the server (waits for its process to end); a no-op when it is not running. */
  stop(): Promise<void>;
  /** The running server, or null. */
  readonly running: HostedServer | null;
  workspaceExists(id: string): Promise<boolean>;
  /** Creates a workspace named `name`; returns its id. */
  createWorkspace(name: string): Promise<string>;
  /** A single-use enrolment code for a device of `role`; with `forDeviceId`, only that device may use it (re-enrolment). */
  issueCode(workspace: string, role: Role, forDeviceId?: string, opdId?: string | null): Promise<string>;
  /**
   * Called when the server process ends without `stop()` (a crash, killed from outside), with
   * the reason in plain words. Returns the unsubscribe function.
   */
  onUnexpectedExit(listener: (message: string) => void): () => void;
}
