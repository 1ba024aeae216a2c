import fs from 'node:fs';
import path from 'node:path';

/**
 * Where this device keeps a secret: the sync token, the SMTP password. The desktop shell
 * passes vaults backed by Electron's safeStorage (the OS keychain); the core never imports
 * electron. Browser mode and tests use the file fallback below, which is plainly marked as
 * not encrypted.
 */
export interface TokenVault {
  readonly kind: 'safe-storage' | 'insecure-file';
  load(): string | null;
  /** Keeps the secret, or forgets it with null. */
  save(token: string | null): void;
}

/** The files of one kind of secret, and the warning written into the unencrypted one. */
export interface SecretFiles {
  insecure: string;
  encrypted: string;
  warning: string;
}

export const SYNC_TOKEN_FILES: SecretFiles = {
  insecure: 'sync-token.TIDAK-TERENKRIPSI.json',
  encrypted: 'sync-token.bin',
  warning:
    'TIDAK TERENKRIPSI: token sinkronisasi mode peramban. Siapa pun yang dapat membaca folder ini dapat memakai token ini; cabut perangkat di server bila folder bocor. (NOT ENCRYPTED: browser-mode fallback.)',
};

export const SMTP_PASSWORD_FILES: SecretFiles = {
  insecure: 'smtp-password.TIDAK-TERENKRIPSI.json',
  encrypted: 'smtp-password.bin',
  warning:
    'TIDAK TERENKRIPSI: kata sandi akun email kantor, mode peramban. Siapa pun yang dapat membaca folder ini dapat memakainya; ganti kata sandi bila folder bocor. (NOT ENCRYPTED: browser-mode fallback.)',
};

export const INSECURE_TOKEN_FILE = SYNC_TOKEN_FILES.insecure;
export const ENCRYPTED_TOKEN_FILE = SYNC_TOKEN_FILES.encrypted;

function writeAtomically(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Browser mode: a file in the data folder, readable by anyone who can read that folder. */
export function insecureFileTokenVault(dataDir: string, files: SecretFiles = SYNC_TOKEN_FILES): TokenVault {
  const file = path.join(dataDir, files.insecure);
  return {
    kind: 'insecure-file',
    load() {
      try {
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { token?: unknown };
        return typeof parsed.token === 'string' ? parsed.token : null;
      } catch {
        return null;
      }
    },
    save(token) {
      if (token === null) fs.rmSync(file, { force: true });
      else writeAtomically(file, JSON.stringify({ warning: files.warning, token }, null, 2));
    },
  };
}

/** The part of Electron's safeStorage the vault needs (the shell passes safeStorage itself). */
export interface StringCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Desktop: the secret encrypted with the OS keychain (safeStorage) in the data folder. Where
 * the OS offers no encryption, the plainly marked file fallback is used instead.
 */
export function cipherTokenVault(dataDir: string, cipher: StringCipher, files: SecretFiles = SYNC_TOKEN_FILES): TokenVault {
  if (!cipher.isEncryptionAvailable()) return insecureFileTokenVault(dataDir, files);
  const file = path.join(dataDir, files.encrypted);
  return {
    kind: 'safe-storage',
    load() {
      try {
        return cipher.decryptString(fs.readFileSync(file));
      } catch {
        return null;
      }
    },
    save(token) {
      if (token === null) fs.rmSync(file, { force: true });
      else writeAtomically(file, cipher.encryptString(token));
    },
  };
}
