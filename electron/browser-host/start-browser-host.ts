import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCore, type Core, type CoreOptions } from '../core/create-core';
import { createFileLogger } from '../core/log/logger';
import { guardHttpServer } from '../../shared/http/guard';
import { BROWSER_HOST_LIMITS, serverOptions, type HttpLimits } from '../../shared/http/limits';
import { securityHeaders } from '../../shared/security/csp';
import { staticHandler } from './static-files';
import { tsxSyncServerLaunch } from './sync-server-launch';
import { attachWsTransport, WS_PATH } from './ws-transport';

export interface BrowserHostOptions extends Omit<CoreOptions, 'mode'> {
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
  core: Core;
  close(): Promise<void>;
}

/** Browser mode: the same core, served to a normal browser on 127.0.0.1 only. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const logger = options.logger ?? createFileLogger(options.dataDir);
  const core = createCore({ syncServerLaunch: tsxSyncServerLaunch(), ...options, logger, mode: 'browser' });
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  let origin = '';
  // The page may open only this host's own WebSocket.
  const limits: HttpLimits = { ...BROWSER_HOST_LIMITS, ...options.limits };
  const server = http.createServer(
    serverOptions(limits),
    staticHandler(options.rendererDir, () => securityHeaders({ connectSrc: [origin.replace(/^http/, 'ws')] })),
  );
  guardHttpServer(server, limits, (line) => logger.warn('browser_host.guard', { line }));
  const transport = attachWsTransport({ server, core, logger, token, allowedOrigins: () => [origin] });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (err) {
    core.close();
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
      core.close();
    },
  };
}

export { WS_PATH };
