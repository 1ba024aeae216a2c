/**
 * The connection-level guard of both HTTP listeners (sync server, browser-mode host): a
 * connection cap answered with 503, and a clear JSON answer (400, 408, 431) when Node's parser
 * refuses a request before any handler runs. Typed structurally so this stays free of Node
 * imports: Node's `http.Server` and `net.Socket` fit these shapes.
 */
import { clientErrorRefusal, rawResponse, TOO_MANY_CONNECTIONS, type HttpLimits, type RawRefusal } from './limits';

export interface GuardSocket {
  readonly writable: boolean;
  write(data: string, callback?: () => void): unknown;
  destroy(): unknown;
  once(event: 'close', listener: () => void): unknown;
}

export interface GuardServer {
  on(event: 'connection', listener: (socket: GuardSocket) => void): unknown;
  on(event: 'clientError', listener: (err: Error & { code?: string }, socket: GuardSocket) => void): unknown;
  on(event: 'connect', listener: (req: unknown, socket: GuardSocket) => void): unknown;
}

/** Answers and closes a socket no handler will serve; a peer that does not read loses it after 2 s. */
export function refuseSocket(socket: GuardSocket, refusal: RawRefusal, extraHeaders?: Record<string, string>): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.write(rawResponse(refusal, extraHeaders), () => socket.destroy());
  const timer = setTimeout(() => socket.destroy(), 2000) as { unref?: () => void };
  timer.unref?.();
}

export function guardHttpServer(server: GuardServer, limits: Pick<HttpLimits, 'maxConnections'>, log: (line: string) => void): { connections(): number } {
  let open = 0;
  let warnedAt = 0;
  server.on('connection', (socket) => {
    open += 1;
    socket.once('close', () => (open -= 1));
    if (open > limits.maxConnections) {
      if (Date.now() - warnedAt > 60_000) {
        warnedAt = Date.now();
        log(`refused connection: ${open - 1} open, cap ${limits.maxConnections}`);
      }
      refuseSocket(socket, TOO_MANY_CONNECTIONS, { 'retry-after': '5' });
    }
  });
  server.on('clientError', (err, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    refuseSocket(socket, clientErrorRefusal(err.code));
  });
  // Neither listener is a proxy: CONNECT gets an answer instead of a silently dropped socket.
  server.on('connect', (_req, socket) => refuseSocket(socket, { status: 405, code: 'bad_request', message: 'Metode CONNECT tidak dilayani; ini bukan proksi. (CONNECT is not served.)' }));
  return { connections: () => open };
}
