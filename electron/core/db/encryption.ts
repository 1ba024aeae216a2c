import crypto from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Encryption at rest, through SQLite3 Multiple Ciphers (better-sqlite3-multiple-ciphers).
 * New workspaces use ChaCha20-Poly1305: authenticated like SQLCipher's AES-CBC + HMAC-SHA512,
 * but made for software, and the npm build of the library has no hardware AES
 * (SQLITE3MC_OMIT_AES_HARDWARE_SUPPORT): measured on the same writes, SQLCipher kept 0.58 of
 * plain throughput and ChaCha20 0.68 (bench people.encryption.*). The SQLCipher format is still
 * opened, because the marker names the cipher a workspace was encrypted with.
 * A workspace is either plain or encrypted with one key:
 * - in the desktop app, a random 256-bit key kept with Electron's safeStorage (the OS keychain),
 *   handed to the core by the shell through a `KeyVault`;
 * - in browser mode, a passphrase the administrator chooses and types at start.
 *
 * Beside the database a marker file says the workspace is (or is being) encrypted and how.
 * It is written BEFORE the database is rekeyed and removed AFTER it is decrypted, so a crash
 * half-way always leaves a state the next start understands (see `openState`).
 */
/** A key, and the cipher it opens (from the workspace's marker; new encryption uses DEFAULT_CIPHER). */
export type DatabaseKey = ({ kind: 'hex'; value: string } | { kind: 'passphrase'; value: string }) & { cipher?: Cipher };

export interface KeyVault {
  /** Keeps the key (or forgets it with null). Must succeed before the database is rekeyed. */
  save(key: DatabaseKey | null): void;
}

export type Cipher = 'chacha20' | 'sqlcipher';
export const DEFAULT_CIPHER: Cipher = 'chacha20';

export interface EncryptionMarker {
  cipher: Cipher;
  kind: DatabaseKey['kind'];
}

export const markerPath = (dbFile: string) => `${dbFile}.encrypted.json`;

export function readMarker(dbFile: string): EncryptionMarker | null {
  try {
    const m = JSON.parse(fs.readFileSync(markerPath(dbFile), 'utf8')) as EncryptionMarker;
    return (m.cipher === 'chacha20' || m.cipher === 'sqlcipher') && (m.kind === 'hex' || m.kind === 'passphrase') ? m : null;
  } catch {
    return null;
  }
}

export function writeMarker(dbFile: string, marker: EncryptionMarker | null): void {
  const file = markerPath(dbFile);
  if (!marker) {
    fs.rmSync(file, { force: true });
    return;
  }
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(marker));
  fs.renameSync(tmp, file);
}

export function randomHexKey(): DatabaseKey {
  return { kind: 'hex', value: crypto.randomBytes(32).toString('hex') };
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

function selectCipher(db: Database.Database, cipher: Cipher): void {
  db.pragma(`cipher = '${cipher}'`);
  if (cipher === 'sqlcipher') db.pragma('legacy = 4');
}

/** Opens an encrypted database with its key (first statement on a fresh connection). */
export function applyKey(db: Database.Database, key: DatabaseKey): void {
  selectCipher(db, key.cipher ?? DEFAULT_CIPHER);
  if (key.kind === 'hex') {
    if (!/^[0-9a-f]{64}$/.test(key.value)) throw new RangeError('a hex key is 64 hex characters');
    db.pragma(`hexkey = ${quote(key.value)}`);
  } else {
    db.pragma(`key = ${quote(key.value)}`);
  }
}

/**
 * Re-encrypts an open database with a new key, or decrypts it with null. SQLite3 Multiple
 * Ciphers cannot rekey in WAL mode, so the journal is checkpointed and switched for the
 * duration, then WAL is restored.
 */
export function rekey(db: Database.Database, key: DatabaseKey | null, cipher: Cipher = key?.cipher ?? DEFAULT_CIPHER): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    selectCipher(db, cipher);
    if (!key) db.pragma(`rekey = ''`);
    else if (key.kind === 'hex') db.pragma(`hexrekey = ${quote(key.value)}`);
    else db.pragma(`rekey = ${quote(key.value)}`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}
