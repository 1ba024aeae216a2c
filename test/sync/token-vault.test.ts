import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { cipherTokenVault, ENCRYPTED_TOKEN_FILE, INSECURE_TOKEN_FILE, insecureFileTokenVault } from '../../electron/core/sync/token-vault';
import { removeDir, tempDir } from '../support/temp-dir';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

// Stands in for Electron's safeStorage (not our code): a reversible transform, so the test can
// see that the file never holds the token in clear.
const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
const cipher = (available: boolean) => ({
  isEncryptionAvailable: () => available,
  encryptString: (s: string) => xor(Buffer.from(s)),
  decryptString: (b: Buffer) => xor(b).toString(),
});

it('keeps the token encrypted with the OS cipher, never in clear', () => {
  const dir = tempDir('vault');
  dirs.push(dir);
  const vault = cipherTokenVault(dir, cipher(true));
  expect(vault.kind).toBe('safe-storage');
  vault.save('rahasia-token-123');
  expect(fs.readFileSync(path.join(dir, ENCRYPTED_TOKEN_FILE)).includes(Buffer.from('rahasia'))).toBe(false);
  expect(cipherTokenVault(dir, cipher(true)).load()).toBe('rahasia-token-123');
  vault.save(null);
  expect(vault.load()).toBeNull();
});

it('falls back to the plainly marked file when the OS has no encryption (and in browser mode)', () => {
  const dir = tempDir('vault');
  dirs.push(dir);
  const vault = cipherTokenVault(dir, cipher(false));
  expect(vault.kind).toBe('insecure-file');
  vault.save('tok');
  const text = fs.readFileSync(path.join(dir, INSECURE_TOKEN_FILE), 'utf8');
  expect(text).toMatch(/TIDAK TERENKRIPSI/);
  expect(insecureFileTokenVault(dir).load()).toBe('tok');
});
