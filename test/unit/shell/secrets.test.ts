/**
 * The desktop app's secret store (issue 19): where Electron's safeStorage falls back to Linux's
 * `basic_text` backend, Warta says so and protects the database key, sync token and SMTP
 * password with a secrets passphrase instead. Electron's safeStorage is replaced by a fake of
 * its API (not a mock of our code): `basic_text` "encrypts" with a fixed, public key, which is
 * exactly why it protects nothing; the fake does the same with a fixed XOR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/create-core';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { cipherTokenVault, SMTP_PASSWORD_FILES, SYNC_TOKEN_FILES } from '../../../electron/core/sync/token-vault';
import { createKeyVault, KEY_FILE } from '../../../electron/shell/key-vault';
import { passphrasePage } from '../../../electron/shell/policy/passphrase-page';
import { assessSecretStore, openShellSecrets, WrongSecretsPassphrase, type PassphraseRequest, type SafeStorageLike } from '../../../electron/shell/secrets';
import { translate } from '../../../renderer/i18n/use-t';
import { removeDir, tempDir } from '../../support/temp-dir';

/** A stand-in for Electron's safeStorage with a chosen backend. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(plain, 'utf8'))]),
    decryptString: (data) => xor(data.subarray(3)).toString('utf8'),
  };
}

/** The passphrase window's answers, in order; records what it was shown. */
function scriptedAsk(answers: (string | null)[]) {
  const shown: PassphraseRequest[] = [];
  return {
    shown,
    ask: async (request: PassphraseRequest) => {
      shown.push(request);
      return answers.shift() ?? null;
    },
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});
const folder = () => {
  const d = tempDir('secrets');
  dirs.push(d);
  return d;
};

describe('the secret store is assessed from safeStorage', () => {
  it('basic_text on Linux is weak, a keyring is a keychain, no encryption is none; other systems use their keychain', () => {
    expect(assessSecretStore(fakeSafeStorage('basic_text'), 'linux')).toEqual({ strength: 'weak', backend: 'basic_text' });
    expect(assessSecretStore(fakeSafeStorage('gnome_libsecret'), 'linux')).toEqual({ strength: 'keychain', backend: 'gnome_libsecret' });
    expect(assessSecretStore(fakeSafeStorage('kwallet5'), 'linux').strength).toBe('keychain');
    expect(assessSecretStore(fakeSafeStorage('basic_text', false), 'linux').strength).toBe('none');
    expect(assessSecretStore(fakeSafeStorage('unknown'), 'linux').strength).toBe('weak');
    expect(assessSecretStore({ ...fakeSafeStorage('x'), getSelectedStorageBackend: undefined }, 'darwin')).toEqual({ strength: 'keychain', backend: null });
  });
});

describe('with basic_text, a secrets passphrase protects the key, the token and the SMTP password', () => {
  it('says so, asks for a passphrase, moves the secrets safeStorage kept under it, and asks for it at the next start', async () => {
    const dir = folder();
    const weak = fakeSafeStorage('basic_text');
    // Secrets a previous version kept with basic_text: readable by anyone with the fixed key.
    const token = 'token-perangkat-rahasia-0123456789';
    cipherTokenVault(dir, weak).save(token);
    cipherTokenVault(dir, weak, SMTP_PASSWORD_FILES).save('sandi-email-kantor');
    createKeyVault(dir, weak).vault?.save({ kind: 'hex', value: 'ab'.repeat(32) });

    const first = scriptedAsk(['kata sandi rahasia kantor']);
    const opened = await openShellSecrets(dir, weak, 'linux', first.ask);
    expect(opened.protection).toBe('passphrase');
    expect(first.shown).toHaveLength(1);
    expect(first.shown[0]?.kind).toBe('create');
    // The message the person reads: named backend, what is at stake, in Indonesian then English.
    expect(first.shown[0]?.message).toMatch(/^Penyimpanan rahasia sistem ini lemah \(basic_text\): .*token sinkronisasi.*kata sandi email kantor.*\(This system's secret store is weak/);
    expect(passphrasePage(first.shown[0] as PassphraseRequest)).toContain('Penyimpanan rahasia sistem ini lemah (basic_text)');

    const cipher = opened.cipher!;
    expect(cipherTokenVault(dir, cipher).load()).toBe(token);
    expect(cipherTokenVault(dir, cipher, SMTP_PASSWORD_FILES).load()).toBe('sandi-email-kantor');
    expect(createKeyVault(dir, cipher).key).toEqual({ kind: 'hex', value: 'ab'.repeat(32) });
    // basic_text's fixed key no longer opens them.
    const secretsOnDisk: [string, string][] = [
      [SYNC_TOKEN_FILES.encrypted, token],
      [SMTP_PASSWORD_FILES.encrypted, 'sandi-email-kantor'],
      [KEY_FILE, 'ab'.repeat(32)],
    ];
    for (const [f, secret] of secretsOnDisk) {
      const bytes = fs.readFileSync(path.join(dir, f));
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
      expect(weak.decryptString(bytes)).not.toContain(secret);
    }

    // The next start asks to unlock; a wrong passphrase is told, the right one opens.
    const next = scriptedAsk(['salah sekali', 'kata sandi rahasia kantor']);
    const again = await openShellSecrets(dir, weak, 'linux', next.ask);
    expect(next.shown.map((r) => r.kind)).toEqual(['unlock', 'unlock']);
    expect(next.shown[1]?.error).toMatch(/Kata sandi rahasia salah/);
    expect(cipherTokenVault(dir, again.cipher!).load()).toBe(token);
    // Even once a keyring appears, the passphrase still guards what it encrypted.
    const later = scriptedAsk(['kata sandi rahasia kantor']);
    expect((await openShellSecrets(dir, fakeSafeStorage('gnome_libsecret'), 'linux', later.ask)).protection).toBe('passphrase');
    // Declining to unlock is "locked", and five wrong tries stop.
    expect((await openShellSecrets(dir, weak, 'linux', scriptedAsk([null]).ask)).protection).toBe('locked');
    await expect(openShellSecrets(dir, weak, 'linux', scriptedAsk(['a', 'b', 'c', 'd', 'e']).ask)).rejects.toBeInstanceOf(WrongSecretsPassphrase);
  });

  it('declined: nothing pretends to be protected, and the settings say so', async () => {
    const dir = folder();
    const declined = await openShellSecrets(dir, fakeSafeStorage('basic_text'), 'linux', scriptedAsk([null]).ask);
    expect(declined).toMatchObject({ cipher: null, protection: 'none', report: { strength: 'weak', backend: 'basic_text' } });
    expect(createKeyVault(dir, declined.cipher).vault).toBeNull();
    const core = createCore({ dataDir: dir, logger: createMemoryLogger(), secretStore: { protection: declined.protection, backend: declined.report.backend } });
    try {
      const state = await core.invoke('workspace.getEncryption');
      expect(state).toMatchObject({ vault: false, secrets: { protection: 'none', backend: 'basic_text' } });
      // What the encryption settings show, in both languages.
      expect(translate('id', 'encryption.secrets.none', { backend: 'basic_text' })).toMatch(/^Penyimpanan rahasia sistem ini lemah \(basic_text\) .*tersimpan tanpa enkripsi/);
      expect(translate('en', 'encryption.secrets.none', { backend: 'basic_text' })).toMatch(/weak \(basic_text\).*unencrypted/);
      // Turning encryption on then needs a database passphrase, as in browser mode.
      expect(await core.call('workspace.setEncryption', { enabled: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    } finally {
      core.close();
    }
  });

  it('with a real keyring nothing is asked and safeStorage keeps the secrets', async () => {
    const dir = folder();
    const keyring = fakeSafeStorage('gnome_libsecret');
    const asked = scriptedAsk([]);
    const opened = await openShellSecrets(dir, keyring, 'linux', asked.ask);
    expect(asked.shown).toEqual([]);
    expect(opened).toMatchObject({ protection: 'keychain', cipher: keyring });
  });
});
