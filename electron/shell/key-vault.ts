import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseKey, KeyVault } from '../core/db/encryption';
import type { StringCipher } from '../core/sync/token-vault';

export const KEY_FILE = 'warta.key';

/**
 * The workspace's database key, encrypted in `<userData>/warta.key` with the cipher the shell
 * chose (secrets.ts): Electron's safeStorage where the OS keychain protects it (Keychain on
 * macOS, DPAPI on Windows, libsecret/kwallet on Linux), else the secrets passphrase. Without a
 * cipher there is no vault: encryption then needs a database passphrase, as in browser mode.
 */
export function createKeyVault(dataDir: string, cipher: StringCipher | null): { vault: KeyVault | null; key: DatabaseKey | null } {
  if (!cipher || !cipher.isEncryptionAvailable()) return { vault: null, key: null };
  const file = path.join(dataDir, KEY_FILE);
  let key: DatabaseKey | null = null;
  if (fs.existsSync(file)) {
    const value = cipher.decryptString(fs.readFileSync(file));
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
      fs.writeFileSync(tmp, cipher.encryptString(next.value), { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
  };
  return { vault, key };
}
