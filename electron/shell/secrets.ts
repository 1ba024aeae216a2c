/**
 * Where the desktop app keeps its secrets (the database key, the sync token, the office's SMTP
 * password), and what it tells the person about it.
 *
 * Electron's safeStorage encrypts with the operating system's keychain. On Linux without a
 * keyring (no GNOME Keyring or KWallet running) it falls back to the `basic_text` backend: the
 * "encryption" then uses a fixed, public password and protects nothing. Warta does not pretend:
 * it says so and asks for a secrets passphrase, from which it derives the key (scrypt) that
 * encrypts those three secrets instead (AES-256-GCM). A person who declines keeps the plainly
 * marked unencrypted files of browser mode, and the settings say so. Once a passphrase protects
 * the secrets, it is asked at every start, even if a keyring appears later.
 *
 * No `electron` import here: the shell passes safeStorage in, and tests pass a fake of it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretProtection } from '../../shared/contract/methods/people';
import { SMTP_PASSWORD_FILES, SYNC_TOKEN_FILES, type StringCipher } from '../core/sync/token-vault';
import { KEY_FILE } from './key-vault';

/** The part of Electron's safeStorage used here (`getSelectedStorageBackend` exists on Linux only). */
export interface SafeStorageLike extends StringCipher {
  getSelectedStorageBackend?: () => string;
}

export interface SecretStoreReport {
  /** `keychain`: real protection; `weak`: Linux basic_text (a fixed password); `none`: no encryption at all. */
  strength: 'keychain' | 'weak' | 'none';
  backend: string | null;
}

export function assessSecretStore(storage: SafeStorageLike, platform: NodeJS.Platform): SecretStoreReport {
  const backend = platform === 'linux' ? (storage.getSelectedStorageBackend?.() ?? null) : null;
  if (!storage.isEncryptionAvailable()) return { strength: 'none', backend };
  // 'unknown' is what Electron answers before it could pick a backend: not a keychain either.
  if (platform === 'linux' && (backend === 'basic_text' || backend === 'unknown' || backend === null)) return { strength: 'weak', backend };
  return { strength: 'keychain', backend };
}

/** What the person reads in the passphrase window (Indonesian, then English). */
export function weakStoreMessage(report: SecretStoreReport): string {
  const what = report.strength === 'weak' ? `Penyimpanan rahasia sistem ini lemah (${report.backend ?? 'tidak diketahui'})` : 'Sistem ini tidak menyediakan penyimpanan rahasia';
  return (
    `${what}: tanpa keyring (mis. GNOME Keyring atau KWallet), kunci basis data, token sinkronisasi, dan kata sandi email kantor tidak benar-benar terlindungi. ` +
    `Buat kata sandi rahasia untuk melindunginya; Warta akan menanyakannya setiap kali dibuka. ` +
    `(This system's secret store is weak or missing: without a keyring the database key, sync token and mail password are not really protected. Choose a secrets passphrase; Warta asks for it at every start.)`
  );
}

export const SECRETS_PASSPHRASE_FILE = 'secrets.passphrase.json';
export const MIN_SECRETS_PASSPHRASE = 10;
const CHECK_TEXT = 'warta-secrets-v1';
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export class WrongSecretsPassphrase extends Error {
  constructor() {
    super('Kata sandi rahasia salah. (Wrong secrets passphrase.)');
  }
}

/** A StringCipher (like safeStorage) keyed by a passphrase: AES-256-GCM, key from scrypt. */
function cipherFromKey(key: Buffer): StringCipher {
  return {
    isEncryptionAvailable: () => true,
    encryptString(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([Buffer.from([1]), iv, c.getAuthTag(), body]);
    },
    decryptString(data) {
      if (data[0] !== 1 || data.length < 29) throw new WrongSecretsPassphrase();
      const d = crypto.createDecipheriv('aes-256-gcm', key, data.subarray(1, 13));
      d.setAuthTag(data.subarray(13, 29));
      try {
        return Buffer.concat([d.update(data.subarray(29)), d.final()]).toString('utf8');
      } catch {
        throw new WrongSecretsPassphrase();
      }
    },
  };
}

interface PassphraseFile {
  v: 1;
  salt: string;
  check: string;
}

export const hasSecretsPassphrase = (dataDir: string) => fs.existsSync(path.join(dataDir, SECRETS_PASSPHRASE_FILE));

/** Makes the passphrase file (salt and a check value) and returns the cipher. */
export function createPassphraseCipher(dataDir: string, passphrase: string): StringCipher {
  const salt = crypto.randomBytes(16);
  const cipher = cipherFromKey(crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT));
  const file: PassphraseFile = { v: 1, salt: salt.toString('base64'), check: cipher.encryptString(CHECK_TEXT).toString('base64') };
  const target = path.join(dataDir, SECRETS_PASSPHRASE_FILE);
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(file), { mode: 0o600 });
  fs.renameSync(`${target}.tmp`, target);
  return cipher;
}

/** The cipher for an existing passphrase file; throws WrongSecretsPassphrase on a wrong passphrase. */
export function openPassphraseCipher(dataDir: string, passphrase: string): StringCipher {
  const file = JSON.parse(fs.readFileSync(path.join(dataDir, SECRETS_PASSPHRASE_FILE), 'utf8')) as PassphraseFile;
  const cipher = cipherFromKey(crypto.scryptSync(passphrase.normalize('NFC'), Buffer.from(file.salt, 'base64'), 32, SCRYPT));
  if (cipher.decryptString(Buffer.from(file.check, 'base64')) !== CHECK_TEXT) throw new WrongSecretsPassphrase();
  return cipher;
}

/** The files safeStorage encrypted: re-encrypted with the passphrase cipher when one is made. */
const ENCRYPTED_FILES = [KEY_FILE, SYNC_TOKEN_FILES.encrypted, SMTP_PASSWORD_FILES.encrypted];

function moveSecrets(dataDir: string, from: StringCipher, to: StringCipher): void {
  for (const name of ENCRYPTED_FILES) {
    const file = path.join(dataDir, name);
    if (!fs.existsSync(file)) continue;
    let plain: string;
    try {
      plain = from.decryptString(fs.readFileSync(file));
    } catch {
      continue; // unreadable before too: left as it is (the vault reads it as absent)
    }
    fs.writeFileSync(`${file}.tmp`, to.encryptString(plain), { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  }
}

export interface PassphraseRequest {
  /** `create`: choose a new passphrase (typed twice); `unlock`: type the existing one. */
  kind: 'create' | 'unlock';
  message: string;
  /** Set after a wrong try. */
  error: string | null;
}

export interface ShellSecrets {
  /** What encrypts the secrets; null: nothing does (plainly marked files, as in browser mode). */
  cipher: StringCipher | null;
  protection: SecretProtection;
  report: SecretStoreReport;
}

/**
 * Decides how this machine's secrets are kept, asking through `ask` (the shell's passphrase
 * window) where a passphrase is needed. `ask` answers null when the person declines. Throws
 * WrongSecretsPassphrase after five wrong tries at an existing passphrase.
 */
export async function openShellSecrets(
  dataDir: string,
  storage: SafeStorageLike,
  platform: NodeJS.Platform,
  ask: (request: PassphraseRequest) => Promise<string | null>,
): Promise<ShellSecrets> {
  const report = assessSecretStore(storage, platform);
  if (hasSecretsPassphrase(dataDir)) {
    let error: string | null = null;
    for (let tries = 0; tries < 5; tries++) {
      const given = await ask({ kind: 'unlock', message: 'Masukkan kata sandi rahasia Warta di komputer ini. (Enter Warta\'s secrets passphrase on this computer.)', error });
      if (given === null) return { cipher: null, protection: 'locked', report };
      try {
        return { cipher: openPassphraseCipher(dataDir, given), protection: 'passphrase', report };
      } catch (err) {
        if (!(err instanceof WrongSecretsPassphrase)) throw err;
        error = err.message;
      }
    }
    throw new WrongSecretsPassphrase();
  }
  if (report.strength === 'keychain') return { cipher: storage, protection: 'keychain', report };
  const given = await ask({ kind: 'create', message: weakStoreMessage(report), error: null });
  if (given === null || given.length < MIN_SECRETS_PASSPHRASE) return { cipher: null, protection: 'none', report };
  const cipher = createPassphraseCipher(dataDir, given);
  // Secrets safeStorage kept before (with the weak backend, still readable) move under the passphrase.
  if (storage.isEncryptionAvailable()) moveSecrets(dataDir, storage, cipher);
  return { cipher, protection: 'passphrase', report };
}
