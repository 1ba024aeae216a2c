import { WartaError } from '../../../shared/contract/errors';

/**
 * A write that failed because the disk (or the user's quota) is full: SQLite's SQLITE_FULL, or
 * a file write's ENOSPC/EDQUOT. SQLite rolls the transaction back, so nothing half-written stays
 * and what was saved before is untouched; the next try after space is freed works.
 */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

export const DISK_FULL_SAVE =
  'Disk penuh: perubahan ini tidak tersimpan. Data yang sudah tersimpan aman; kosongkan ruang disk, lalu ulangi. (Disk full: this change was not saved; what was saved before is safe.)';

export const DISK_FULL_SYNC =
  'Disk penuh: data dari server belum dapat disimpan di komputer ini. Data yang sudah ada aman; kosongkan ruang disk, sinkronisasi akan mencoba lagi. (Disk full: data from the server could not be stored; it will be retried.)';

export const diskFullError = () => new WartaError('disk_full', DISK_FULL_SAVE);
