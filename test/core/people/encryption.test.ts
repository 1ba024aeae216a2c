import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../../electron/core/create-core';
import { markerPath, rekey, type DatabaseKey, type KeyVault } from '../../../electron/core/db/encryption';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { generateWorkspace } from '../../../scripts/demo/generate';
import { canonicalDump } from '../../support/canonical-dump';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

const open = (options: { databaseKey?: DatabaseKey | null; keyVault?: KeyVault | null } = {}) =>
  createCore({ dataDir: dir, logger: createMemoryLogger(), ...options });
const header = () => fs.readFileSync(path.join(dir, DATABASE_FILE)).subarray(0, 15).toString('latin1');
const PASSPHRASE = 'kata sandi basis data humas';

describe('encryption at rest', () => {
  it('on → off → on keeps every record, and an encrypted file opens only with its key', async () => {
    dir = tempDir('enc');
    let core = open();
    await generateWorkspace(core, { size: 3 });
    await core.invoke('guestbook.signIn', { name: 'Tamu Uji', outlet: 'Media Uji', purpose: 'uji', consent: true });
    const before = canonicalDump(core.context.db);
    expect(await core.invoke('workspace.setEncryption', { enabled: true, passphrase: PASSPHRASE })).toEqual({ enabled: true, kind: 'passphrase', vault: false });
    core.close();
    expect(header()).not.toBe('SQLite format 3');
    expect(fs.readFileSync(path.join(dir, DATABASE_FILE)).includes(Buffer.from('Tamu Uji'))).toBe(false);

    expect(() => open()).toThrow(expect.objectContaining({ code: 'db_key_required' }));
    expect(() => open({ databaseKey: { kind: 'passphrase', value: 'salah sekali kata sandinya' } })).toThrow(expect.objectContaining({ code: 'db_key_invalid' }));
    core = open({ databaseKey: { kind: 'passphrase', value: PASSPHRASE } });
    expect(canonicalDump(core.context.db)).toEqual(before);
    expect(core.context.db.pragma('integrity_check', { simple: true })).toBe('ok');

    await core.invoke('workspace.setEncryption', { enabled: false });
    core.close();
    expect(header()).toBe('SQLite format 3');
    expect(fs.existsSync(markerPath(path.join(dir, DATABASE_FILE)))).toBe(false);

    // The desktop app: a generated key kept by the vault (safeStorage there).
    let kept: DatabaseKey | null = null;
    const vault: KeyVault = { save: (key) => (kept = key) };
    core = open({ keyVault: vault });
    expect(canonicalDump(core.context.db)).toEqual(before);
    expect(await core.invoke('workspace.setEncryption', { enabled: true })).toMatchObject({ enabled: true, kind: 'hex' });
    core.close();
    expect(kept).toMatchObject({ kind: 'hex', value: expect.stringMatching(/^[0-9a-f]{64}$/) });
    core = open({ databaseKey: kept, keyVault: vault });
    expect(canonicalDump(core.context.db)).toEqual(before);
    core.close();
  }, 60_000);

  it('still opens a workspace encrypted in the SQLCipher format, as its marker says', async () => {
    dir = tempDir('enc-sqlcipher');
    let core = open();
    await core.invoke('opd.save', { name: 'Dinas Lama' });
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(markerPath(file), JSON.stringify({ cipher: 'sqlcipher', kind: 'passphrase' }));
    rekey(core.context.db, { kind: 'passphrase', value: PASSPHRASE, cipher: 'sqlcipher' });
    core.close();
    expect(header()).not.toBe('SQLite format 3');
    core = open({ databaseKey: { kind: 'passphrase', value: PASSPHRASE } });
    expect((await core.invoke('opd.list')).map((o) => o.name)).toEqual(['Dinas Lama']);
    expect(await core.invoke('workspace.setEncryption', { enabled: false })).toMatchObject({ enabled: false });
    core.close();
    expect(header()).toBe('SQLite format 3');
  });

  it('asks for a passphrase where no key vault exists (browser mode)', async () => {
    dir = tempDir('enc-nopass');
    const core = open();
    expect(await core.call('workspace.setEncryption', { enabled: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.call('workspace.setEncryption', { enabled: true, passphrase: 'pendek' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.invoke('workspace.getEncryption')).toEqual({ enabled: false, kind: null, vault: false });
    core.close();
  });

  it('a crash between writing the marker and the rekey leaves a workspace that opens plainly', async () => {
    dir = tempDir('enc-crash');
    const core = open();
    await core.invoke('opd.save', { name: 'Dinas Arsip' });
    core.close();
    fs.writeFileSync(markerPath(path.join(dir, DATABASE_FILE)), JSON.stringify({ cipher: 'sqlcipher', kind: 'passphrase' }));
    const again = open();
    expect((await again.invoke('opd.list')).map((o) => o.name)).toEqual(['Dinas Arsip']);
    expect(fs.existsSync(markerPath(path.join(dir, DATABASE_FILE)))).toBe(false);
    again.close();
  });
});
