import fs from 'node:fs';
import { WartaError } from '../../../shared/contract/errors';
import type { EncryptionState } from '../../../shared/contract/methods/people';
import { applyKey, DEFAULT_CIPHER, randomHexKey, readMarker, rekey, writeMarker, type DatabaseKey, type KeyVault } from './encryption';
import type { Db } from './open-database';
import Database from 'better-sqlite3-multiple-ciphers';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export function hasPlainHeader(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const header = Buffer.alloc(16);
      return fs.readSync(fd, header, 0, 16, 0) === 16 && header.equals(SQLITE_MAGIC);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Decides which key opens the workspace file, before anything is opened. A marker without an
 * encrypted file means a crash before the rekey (or after a decryption): the file is plain.
 */
export function keyForOpening(file: string, given: DatabaseKey | null): DatabaseKey | null {
  const marker = readMarker(file);
  if (!marker) return null;
  if (!fs.existsSync(file) || hasPlainHeader(file)) {
    writeMarker(file, null);
    return null;
  }
  if (!given) {
    throw new WartaError(
      'db_key_required',
      marker.kind === 'passphrase'
        ? 'Basis data ini terenkripsi. Jalankan Warta dengan kata sandi basis datanya (mode peramban: variabel WARTA_DB_PASSPHRASE atau isian saat mulai).'
        : 'Basis data ini terenkripsi, tetapi kuncinya tidak tersedia di komputer ini.',
      { kind: marker.kind },
    );
  }
  return { ...given, cipher: marker.cipher };
}

/** Turns encryption on and off for the open workspace without losing data. */
export class WorkspaceEncryption {
  constructor(
    private readonly db: Db,
    private readonly file: string,
    private key: DatabaseKey | null,
    private readonly vault: KeyVault | null,
    /** How the desktop shell keeps secrets (shown in the settings); null in browser mode. */
    private readonly secrets: EncryptionState['secrets'] = null,
  ) {}

  state(): EncryptionState {
    const base = { enabled: this.key !== null, kind: this.key?.kind ?? null, vault: this.vault !== null };
    return this.secrets ? { ...base, secrets: this.secrets } : base;
  }

  enable(passphrase: string | undefined): void {
    if (this.key) throw new WartaError('conflict', 'Basis data ini sudah terenkripsi.');
    let key: DatabaseKey;
    if (passphrase) key = { kind: 'passphrase', value: passphrase, cipher: DEFAULT_CIPHER };
    else if (this.vault) key = { ...randomHexKey(), cipher: DEFAULT_CIPHER };
    else throw new WartaError('invalid_input', 'Tanpa brankas kunci (mode peramban, atau penyimpanan rahasia sistem yang lemah tanpa kata sandi rahasia), enkripsi memerlukan kata sandi basis data.', { issues: [{ path: 'passphrase', code: 'too_small', minimum: 12, message: 'Wajib diisi' }] });
    // The key must be safe before the data depends on it; the marker before the rekey.
    if (key.kind === 'hex') this.vault?.save(key);
    writeMarker(this.file, { cipher: key.cipher ?? DEFAULT_CIPHER, kind: key.kind });
    try {
      rekey(this.db, key);
    } catch (err) {
      writeMarker(this.file, null);
      throw err;
    }
    this.verifyReadable(key);
    this.key = key;
  }

  disable(): void {
    if (!this.key) throw new WartaError('conflict', 'Basis data ini tidak terenkripsi.');
    rekey(this.db, null, this.key.cipher);
    writeMarker(this.file, null);
    this.vault?.save(null);
    this.key = null;
  }

  /** A second connection must read the file with the new key before we call it done. */
  private verifyReadable(key: DatabaseKey): void {
    const check = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      applyKey(check, key);
      check.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      check.close();
    }
  }
}
