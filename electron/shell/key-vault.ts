import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { DatabaseKey, KeyVault } from '../core/db/encryption';

/**
 * The workspace's database key, encrypted with the operating system's keychain through
 * Electron's safeStorage (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux)
 * in `<userData>/warta.key`. Without a keychain there is no vault: encryption then needs
 * a passphrase, as in browser mode.
 */
export function createKeyVault(dataDir: string): { vault: KeyVault | null; key: DatabaseKey | null } {
  if (!safeStorage.isEncryptionAvailable()) return { vault: null, key: null };
  const file = path.join(dataDir, 'warta.key');
  let key: DatabaseKey | null = null;
  if (fs.existsSync(file)) {
    const value = safeStorage.decryptString(fs.readFileSync(file));
    if (/^[0-9a-f]{64}$/.test(value)) key = { kind: 'hex', value };
  }
  const vault: KeyVault = {
    save(next) {
      if (!next) {
        fs.rmSync(file, { force: true });
        return;
      }
      if (next.kind !== 'hex') return; // passphrases are typed, never stored
      // Only the key: which cipher it opens is in the workspace's marker file.
      const tmp = `${file}.tmp`;
      fs.writeFileSync(tmp, safeStorage.encryptString(next.value), { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
  };
  return { vault, key };
}
