import { formatDateTime } from '../format/dates';
import type { ZoneLabel } from '../office/time-zones';

/** "EMBARGO: Tidak untuk disiarkan sebelum Senin, 7 Desember 2026 pukul 10.00 WIB" */
export function embargoLine(embargoAt: string, zone: ZoneLabel): string {
  return `EMBARGO: Tidak untuk disiarkan sebelum ${formatDateTime(Date.parse(embargoAt), zone)}`;
}

/** The usual urgency line of an Indonesian release that may go out at once. */
export const IMMEDIATE_LINE = 'UNTUK SEGERA DISIARKAN';

/** The embargo is still running at `now` (an instant is the same everywhere; the zone only words it). */
export function isEmbargoed(r: { urgency: string | null; embargoAt: string | null }, now: number): boolean {
  return r.urgency === 'embargo' && r.embargoAt !== null && Date.parse(r.embargoAt) > now;
}

/** What journalists and guests may see: published, and any embargo passed. */
export function isPublic(r: { status: string | null; urgency: string | null; embargoAt: string | null }, now: number): boolean {
  return r.status === 'published' && !isEmbargoed(r, now);
}
