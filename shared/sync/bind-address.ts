/**
 * Where a sync server may listen over plain HTTP. The server refuses a non-loopback address
 * without an HTTPS proxy in front, and the desktop's "host the office server" checks the same
 * rule before it starts one, so the person sees the reason at once.
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** Loopback addresses: only this computer can reach a server bound there, so plain HTTP is safe. */
export const isLoopback = (host: string) => LOOPBACK.has(host) || host.startsWith('127.');

export function insecureBindMessage(host: string): string {
  return (
    `Menolak mendengarkan di ${host} lewat HTTP biasa: token perangkat akan terkirim tanpa enkripsi. ` +
    `Pasang HTTPS di depannya (mis. Caddy atau nginx, lihat README) dan jalankan dengan --allow-insecure-http ` +
    `hanya bila proksi itu ada di mesin yang sama atau jaringan tepercaya. ` +
    `(Refusing plain HTTP on a non-loopback address; put an HTTPS reverse proxy in front and pass --allow-insecure-http.)`
  );
}
