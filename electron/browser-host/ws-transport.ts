import crypto from 'node:crypto';
import type http from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { refuseSocket } from '../../shared/http/guard';
import { parseRequestTarget } from '../../shared/http/request-target';
import { MAX_MESSAGE_BYTES, type ServerMessage } from '../../shared/contract/wire';
import type { CoreCalls } from '../core/worker/core-relay';
import type { Logger } from '../core/log/logger';

export interface WsTransportOptions {
  server: http.Server;
  core: CoreCalls;
  logger: Logger;
  token: string;
  /** Origins allowed to connect (the page we serve). Anything else is refused. */
  allowedOrigins: () => string[];
}

export const WS_PATH = '/api';

/**
 * The browser-mode transport: the same contract as Electron IPC, over a WebSocket that only
 * accepts our own page (Origin check) holding this run's random token. A bad frame gets an
 * error result; it never closes the core.
 */
export function attachWsTransport(options: WsTransportOptions): { close(): void; clients(): number } {
  const { server, core, logger, token } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  // Compared as SHA-256 digests: equal lengths whatever was sent, so any token is a plain 403.
  const digest = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest();
  const expected = digest(token);

  server.on('upgrade', (req, socket: Socket, head) => {
    socket.on('error', () => socket.destroy());
    const target = parseRequestTarget(req.url);
    if (!target.ok) {
      logger.warn('ws.refused', { reason: 'target' });
      refuseSocket(socket, { status: target.refusal.status, code: 'bad_request', message: target.refusal.message });
      return;
    }
    const origin = req.headers.origin;
    const reason =
      target.target.path !== WS_PATH
        ? 'path'
        : !crypto.timingSafeEqual(digest(target.target.query.get('token') ?? ''), expected)
          ? 'token'
          : !origin || !options.allowedOrigins().includes(origin)
            ? 'origin'
            : null;
    if (reason) {
      logger.warn('ws.refused', { reason, origin: origin ?? null });
      refuseSocket(
        socket,
        reason === 'path'
          ? { status: 404, code: 'not_found', message: 'Alamat tidak dikenal. (Unknown path.)' }
          : { status: 403, code: 'forbidden', message: 'Sambungan ditolak: token atau asal halaman salah. (Wrong token or origin.)' },
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  const unsubscribe = core.onEvent((name, payload) => {
    const frame = JSON.stringify({ type: 'event', name, payload } satisfies ServerMessage);
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(frame);
  });

  function serve(ws: WebSocket): void {
    ws.on('message', async (data, isBinary) => {
      let id = -1;
      try {
        if (isBinary) throw new Error('binary frame');
        const msg = JSON.parse(data.toString()) as { type?: unknown; id?: unknown; method?: unknown; input?: unknown };
        if (typeof msg?.id === 'number' && Number.isSafeInteger(msg.id)) id = msg.id;
        if (msg?.type !== 'call' || id < 0) throw new Error('not a call');
        const result = await core.call(msg.method, msg.input);
        send(ws, { type: 'result', id, ...result } as ServerMessage);
      } catch {
        logger.warn('ws.malformed_frame', { bytes: Array.isArray(data) ? data.length : (data as Buffer).byteLength });
        send(ws, { type: 'result', id, ok: false, error: { code: 'invalid_input', message: 'Pesan tidak sah: bukan panggilan JSON yang dikenal.' } });
      }
    });
    ws.on('error', (err) => logger.warn('ws.error', { message: err.message }));
  }

  return {
    close() {
      unsubscribe();
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
    clients: () => wss.clients.size,
  };
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
