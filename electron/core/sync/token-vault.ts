import fs from 'node:fs';
import path from 'node:path';

/**
 * Where this device keeps its sync token. The desktop shell passes a vault backed by
 * Electron's safeStorage (the OS keychain); the core never imports electron. Browser mode
 * and tests use the file fallback below, which is plainly marked as not encrypted.
 */
export interface TokenVault {
  readonly kind: 'safe-storage' | 'insecure-file';
  load(): string | null;
  /** Keeps the token, or forgets it with null. */
  save(token: string | null): void;
}

export const INSECURE_TOKEN_FILE = 'sync-token.TIDAK-TERENKRIPSI.json';

/** Browser mode: a file in the data folder, readable by anyone who can read that folder. */
export function insecureFileTokenVault(dataDir: string): TokenVault {
  const file = path.join(dataDir, INSECURE_TOKEN_FILE);
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
      if (token === null) {
        fs.rmSync(file, { force: true });
        return;
      }
      const body = {
        warning:
          'TIDAK TERENKRIPSI: token sinkronisasi mode peramban. Siapa pun yang dapat membaca folder ini dapat memakai token ini; cabut perangkat di server bila folder bocor. (NOT ENCRYPTED: browser-mode fallback.)',
        token,
      };
      const tmp = `${file}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(body, null, 2), { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
  };
}

/** The part of Electron's safeStorage the vault needs (the shell passes safeStorage itself). */
export interface StringCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const ENCRYPTED_TOKEN_FILE = 'sync-token.bin';

/**
 * Desktop: the token encrypted with the OS keychain (safeStorage) in the data folder. Where
 * the OS offers no encryption, the plainly marked file fallback is used instead.
 */
export function cipherTokenVault(dataDir: string, cipher: StringCipher): TokenVault {
  if (!cipher.isEncryptionAvailable()) return insecureFileTokenVault(dataDir);
  const file = path.join(dataDir, ENCRYPTED_TOKEN_FILE);
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
      if (token === null) {
        fs.rmSync(file, { force: true });
        return;
      }
      const tmp = `${file}.tmp`;
      fs.writeFileSync(tmp, cipher.encryptString(token), { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
  };
}
