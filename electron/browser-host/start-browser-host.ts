import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFileLogger, type Logger } from '../core/log/logger';
import type { WorkerCoreOptions } from '../core/worker/protocol';
import { startCoreRelay, type CoreRelay } from '../core/worker/core-relay';
import { guardHttpServer } from '../../shared/http/guard';
import { BROWSER_HOST_LIMITS, serverOptions, type HttpLimits } from '../../shared/http/limits';
import { securityHeaders } from '../../shared/security/csp';
import { staticHandler } from './static-files';
import { tsxSyncServerLaunch } from './sync-server-launch';
import { attachWsTransport, WS_PATH } from './ws-transport';

export interface BrowserHostOptions extends Omit<WorkerCoreOptions, 'mode'> {
  /** The host's own log (the core's worker writes to the data folder's log file). */
  logger?: Logger;
  /** Folder with the built renderer (index.html). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; otherwise random per run. */
  token?: string;
  /** HTTP timeouts, header size and connection cap (shared/http/limits.ts); tests shorten them. */
  limits?: Partial<HttpLimits>;
}

export interface BrowserHost {
  /** The address to open, with the token in the fragment (never sent to the server in requests). */
  url: string;
  origin: string;
  token: string;
  port: number;
  core: CoreRelay;
  close(): Promise<void>;
}

/**
 * Browser mode: the same core, served to a normal browser on 127.0.0.1 only. The core runs in
 * its worker thread as in the desktop app (electron/core/worker); this thread only serves files
 * and relays the WebSocket.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { rendererDir, port: wantedPort, token: wantedToken, limits: wantedLimits, logger: givenLogger, ...coreOptions } = options;
  const logger = givenLogger ?? createFileLogger(options.dataDir);
  const core = await startCoreRelay({ syncServerLaunch: tsxSyncServerLaunch(), ...coreOptions, logger, mode: 'browser' });
  const token = wantedToken ?? crypto.randomBytes(24).toString('base64url');
  let origin = '';
  // The page may open only this host's own WebSocket.
  const limits: HttpLimits = { ...BROWSER_HOST_LIMITS, ...wantedLimits };
  const server = http.createServer(
    serverOptions(limits),
    staticHandler(rendererDir, () => securityHeaders({ connectSrc: [origin.replace(/^http/, 'ws')] })),
  );
  guardHttpServer(server, limits, (line) => logger.warn('browser_host.guard', { line }));
  const transport = attachWsTransport({ server, core, logger, token, allowedOrigins: () => [origin] });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(wantedPort ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (err) {
    await core.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  logger.info('browser_host.listening', { port });
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    core,
    async close() {
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}

export { WS_PATH };
