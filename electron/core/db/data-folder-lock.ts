/**
 * One data folder, one process. Two Warta processes on one folder would both write with the
 * same device id and separate clocks; the second is refused with a sentence naming the first.
 *
 * The lock is an exclusive SQLite lock on a small file of its own (`warta.lock`), held by a
 * connection for as long as the core is open. Why SQLite's lock and not a PID file: the
 * operating system releases it when the holding process ends in any way (crash, kill -9, power
 * cut), so there is never a stale lock to detect or a reused PID to be fooled by; taking it is
 * atomic, so two processes starting at once cannot both win; and it works the same on Windows,
 * macOS and Linux, in the main thread or a worker, because SQLite's own file locking does it.
 * A second core in the same process is refused too (SQLite tracks its locks per file there).
 *
 * Who holds the lock is written beside it (`warta.lock.json`: PID, start time, host, mode),
 * for the sentence only; the lock itself decides.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WartaError } from '../../../shared/contract/errors';

export const LOCK_FILE = 'warta.lock';
export const LOCK_HOLDER_FILE = 'warta.lock.json';

export interface LockHolder {
  pid: number;
  /** When the holding process started (ISO). */
  startedAt: string;
  host: string;
  mode: string;
}

export interface DataFolderLock {
  release(): void;
}

const MODE_NAMES: Record<string, string> = { browser: 'mode peramban', electron: 'aplikasi desktop', test: 'uji', worker: 'inti' };

function readHolder(dataDir: string): LockHolder | null {
  try {
    const h = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_HOLDER_FILE), 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.startedAt === 'string' && typeof h.host === 'string' ? (h as LockHolder) : null;
  } catch {
    return null;
  }
}

/** The sentence a person reads when the folder is taken. */
export function inUseMessage(dataDir: string, holder: LockHolder | null): string {
  if (!holder)
    return (
      `Folder data ini sedang dipakai oleh proses Warta lain: ${dataDir}. Tutup Warta yang lain itu dulu, lalu buka lagi. ` +
      `(This data folder is in use by another Warta process; close it first.)`
    );
  const since = new Date(holder.startedAt);
  const when = Number.isNaN(since.getTime())
    ? holder.startedAt
    : new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeStyle: 'short' }).format(since);
  const where = holder.host === os.hostname() ? 'di komputer ini' : `di komputer ${holder.host}`;
  return (
    `Folder data ini sedang dipakai oleh Warta lain: proses ${holder.pid} (${MODE_NAMES[holder.mode] ?? holder.mode}) ${where}, berjalan sejak ${when}. ` +
    `Tutup Warta itu dulu (atau pakai jendelanya), lalu buka lagi. Folder: ${dataDir}. ` +
    `(This data folder is in use by another Warta: process ${holder.pid} on ${holder.host}, started ${holder.startedAt}; close it first.)`
  );
}

/** Takes the folder's lock, or throws `data_dir_in_use` naming who holds it. */
export function lockDataFolder(dataDir: string, mode: string): DataFolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 0 });
  } catch (err) {
    throw new WartaError('data_dir_unwritable', `Berkas kunci folder data tidak dapat dibuat: ${file}`, { file, cause: (err as { code?: string }).code ?? String(err) });
  }
  try {
    // EXCLUSIVE locking mode keeps the lock of the first write until the connection closes.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); COMMIT;');
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      const holder = readHolder(dataDir);
      throw new WartaError('data_dir_in_use', inUseMessage(dataDir, holder), { dataDir, holder });
    }
    throw new WartaError('data_dir_unwritable', `Berkas kunci folder data tidak dapat dipakai: ${file}`, { file, cause: code });
  }
  const holder: LockHolder = {
    pid: process.pid,
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    host: os.hostname(),
    mode,
  };
  const holderFile = path.join(dataDir, LOCK_HOLDER_FILE);
  try {
    fs.writeFileSync(`${holderFile}.tmp`, JSON.stringify(holder));
    fs.renameSync(`${holderFile}.tmp`, holderFile);
  } catch {
    // Only the sentence for a second process depends on it; the lock is held.
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      if (readHolder(dataDir)?.pid === process.pid) fs.rmSync(holderFile, { force: true });
      db.close();
    },
  };
}
