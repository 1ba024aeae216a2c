/**
 * Notices: a WebSocket to the server's `/v1/notices` on which it announces a new head of the
 * workspace's log, so a device pulls within moments of another device's push instead of
 * waiting for its next round. The device token goes in the subprotocol (`warta.<token>`), never
 * in the URL. A dropped socket is opened again after a few seconds.
 */
import { WebSocket } from 'ws';

export interface NoticeOptions {
  /** The server's base URL and this device's token, read at each (re)connect; null: not configured. */
  serverUrl: () => string | null;
  token: () => string | null;
  /** A notice that the log's head is now `head`. */
  onHead: (head: number) => void;
  /** Delay before reconnecting, in ms (tests pass a short one). */
  retryMs?: () => number;
}

export class NoticeChannel {
  private socket: WebSocket | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: NoticeOptions) {}

  /** Opens the socket unless it is open (or the device is not configured). */
  open(): void {
    this.closed = false;
    if (this.socket) return;
    const url = this.options.serverUrl();
    const token = this.options.token();
    if (!url || !token) return;
    const ws = new WebSocket(`${url.replace(/^http/, 'ws').replace(/\/+$/, '')}/v1/notices`, [`warta.${token}`]);
    this.socket = ws;
    ws.on('message', (data) => {
      try {
        const msg = JSON.parse(String(data)) as { type?: string; head?: number };
        if (msg.type === 'new' && typeof msg.head === 'number') this.options.onHead(msg.head);
      } catch {
        // ignore a malformed notice
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
      if (this.closed) return;
      this.retry = setTimeout(() => {
        this.retry = null;
        this.open();
      }, this.options.retryMs?.() ?? 5000 + Math.random() * 5000);
      this.retry.unref?.();
    });
  }

  /** Drops the socket and stops reconnecting until the next `open`. */
  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.socket?.terminate();
    this.socket = null;
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }
}
