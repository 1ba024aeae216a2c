// The SQLCipher-capable build of better-sqlite3 (same API): plain workspaces open as usual,
// encrypted ones with their key.
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { WartaError } from '../../../shared/contract/errors';
import { applyKey, type DatabaseKey } from './encryption';

export type Db = Database.Database;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Makes sure the data folder exists and that we can write to it, by writing a probe file.
 * (Permission bits are not enough: root ignores them, and read-only mounts do not show in them.)
 */
export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (err) {
    throw new WartaError(
      'data_dir_unwritable',
      `Folder data Warta tidak dapat ditulisi: ${dir}. Pilih folder lain atau periksa izin aksesnya.`,
      { dir, cause: (err as NodeJS.ErrnoException).code ?? String(err) },
    );
  }
}

/**
 * Checks an existing file before SQLite touches it: SQLite would happily treat some garbage
 * as an empty database after we write to it, and we must never overwrite a user's file.
 */
export function checkDatabaseFile(file: string, encrypted = false): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new WartaError('data_dir_unwritable', `Berkas data tidak dapat dibuka: ${file}`, { file });
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return; // an empty file is what SQLite itself leaves after a crash on create
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    // An encrypted workspace has no readable header: its key decides (wrong key: db_key_invalid).
    if (encrypted && !header.subarray(0, 16).equals(SQLITE_MAGIC)) return;
    if (read < 16 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
      throw new WartaError(
        'db_not_sqlite',
        `Berkas ${path.basename(file)} bukan basis data Warta (bukan berkas SQLite). Berkas itu dibiarkan apa adanya; pindahkan atau pulihkan dari cadangan.`,
        { file },
      );
    }
    if (read < 100) throw truncated(file);
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pageCount = header.readUInt32BE(28);
    const counterMatches = header.readUInt32BE(24) === header.readUInt32BE(92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw truncated(file);
    if (counterMatches && pageCount > 0 && size < pageSize * pageCount) throw truncated(file);
  } finally {
    fs.closeSync(fd);
  }
}

function truncated(file: string): WartaError {
  return new WartaError(
    'db_corrupt',
    `Berkas data ${path.basename(file)} rusak atau terpotong. Berkas itu dibiarkan apa adanya; pulihkan dari cadangan atau sinkronkan ulang.`,
    { file },
  );
}

/** Reads the schema version without writing anything (not even a WAL or journal mode switch). */
export function readSchemaVersion(file: string, key: DatabaseKey | null = null): number | null {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return null;
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (key) applyKey(db, key);
    return db.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    throw asOpenError(err, file, key);
  } finally {
    db?.close();
  }
}

export function openDatabase(file: string, key: DatabaseKey | null = null): Db {
  let db: Db | undefined;
  try {
    db = new Database(file);
    if (key) applyKey(db, key);
    db.pragma('journal_mode = WAL');
    // FULL: a save the user saw confirmed survives a power cut, not only an app crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 32 MB of page cache: large imports and sync pulls stay in memory until commit.
    db.pragma('cache_size = -32000');
    // Touch the schema so that a damaged file fails here, not at the first query.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (err) {
    db?.close();
    throw asOpenError(err, file, key);
  }
}

export function asOpenError(err: unknown, file: string, key: DatabaseKey | null = null): WartaError {
  if (err instanceof WartaError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' && key) {
    return new WartaError(
      'db_key_invalid',
      key.kind === 'passphrase' ? 'Kata sandi basis data salah.' : 'Kunci enkripsi basis data tidak cocok dengan berkasnya.',
      { file },
    );
  }
  if (code === 'SQLITE_NOTADB') {
    return new WartaError('db_not_sqlite', `Berkas ${path.basename(file)} bukan basis data Warta. Berkas itu dibiarkan apa adanya.`, { file });
  }
  if (code.startsWith('SQLITE_CORRUPT')) return truncated(file);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR')) {
    return new WartaError('data_dir_unwritable', `Basis data tidak dapat dibuka untuk ditulisi: ${file}`, { file, cause: code });
  }
  return new WartaError('internal', `Basis data tidak dapat dibuka: ${(err as Error).message}`, { file, cause: code });
}
