import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { rowKey, type StoredChange } from '../../server/store';
import { openSqliteStore, SERVER_DB_FILE } from '../../server/store-sqlite';
import { removeDir, tempDir } from '../support/temp-dir';
import { storeContract } from './store-contract';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
function dir(): string {
  const d = tempDir('store-sqlite');
  dirs.push(d);
  return d;
}
storeContract('SQLite', async () => openSqliteStore(dir()));

const hlc = (ms: number) => `${String(ms).padStart(15, '0')}-000000-aaaaaaaaaaaaaaaa`;
const put = (ms: number, rowId: string, fields: Record<string, unknown>): StoredChange => ({
  hlc: hlc(ms),
  table: 'media_journalist',
  rowId,
  body: JSON.stringify({ hlc: hlc(ms), table: 'media_journalist', rowId, fields }),
});
const fileBytes = (d: string) =>
  ['', '-wal', '-shm']
    .map((s) => path.join(d, SERVER_DB_FILE + s))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');

describe('SQLite storage specifics', () => {
  it('after an erasure the old values are in neither the database file nor its WAL', async () => {
    const d = dir();
    const store = openSqliteStore(d);
    await store.createWorkspace('w', 'W');
    // Several versions of the person's data, many rows around them, as a real log holds.
    await store.append('w', [put(1, 'j', { name: 'Rina Wulandari', phone: '+6281200000001', email: 'rina.lama@contoh.example', notes: 'x'.repeat(3000) })]);
    for (let i = 0; i < 50; i++) await store.append('w', [put(10 + i, `other-${i}`, { name: `Orang ${i}`, notes: 'y'.repeat(500) })]);
    await store.append('w', [put(100, 'j', { phone: '+6281200000009', email: 'rina@contoh.example' })]);
    expect(fileBytes(d)).toContain('+6281200000001');
    await store.append('w', [put(200, 'j', { name: 'Dihapus atas permintaan', phone: null, email: null, notes: null, erased_at: '2026-12-03T00:00:00.000Z' })]);
    const bytes = fileBytes(d);
    for (const old of ['Rina Wulandari', '+6281200000001', '+6281200000009', 'rina.lama@contoh.example', 'rina@contoh.example']) expect(bytes, old).not.toContain(old);
    expect(bytes).toContain('Orang 49');
    await store.close();
  });

  it("folds an older server's log into current rows when it opens it", async () => {
    const d = dir();
    const store = openSqliteStore(d);
    await store.createWorkspace('w', 'W');
    await store.append('w', [put(1, 'j', { name: 'Rina', phone: '+62812' }), put(2, 'j', { name: 'Rina W.' }), put(3, 'k', { name: 'Budi' })]);
    await store.close();
    // As a server from before current rows left it.
    const db = new Database(path.join(d, SERVER_DB_FILE));
    db.exec('DELETE FROM current_rows; UPDATE workspaces SET materialized = 0;');
    db.close();
    const again = openSqliteStore(d);
    const rows = await again.currentRows('w', [{ table: 'media_journalist', rowId: 'j' }, { table: 'media_journalist', rowId: 'k' }]);
    expect(rows.get(rowKey('media_journalist', 'j'))?.values).toEqual({ name: 'Rina W.', phone: '+62812' });
    expect(rows.get(rowKey('media_journalist', 'k'))?.values).toEqual({ name: 'Budi' });
    await again.close();
  });
  it("adds the device report's columns to an older server's file, its devices kept", async () => {
    const d = dir();
    const store = openSqliteStore(d);
    await store.createWorkspace('w', 'W');
    await store.addEnrolmentCode('w', 'c', 'editor', Date.now() + 60_000);
    await store.redeemEnrolmentCode('w', 'c', { deviceId: '0123456789abcdef', name: 'Lama', tokenHash: 't-old', proofTokenHash: null }, 1_000);
    await store.close();
    // As a server from before the report: the devices table without its columns.
    const db = new Database(path.join(d, SERVER_DB_FILE));
    for (const col of ['last_seen_at', 'last_push_at', 'last_push_accepted', 'last_push_refused', 'refused_total', 'pulled_to']) db.exec(`ALTER TABLE devices DROP COLUMN ${col}`);
    db.close();
    const again = openSqliteStore(d);
    expect(await again.deviceActivity('w')).toMatchObject([{ deviceId: '0123456789abcdef', name: 'Lama', role: 'editor', lastSeenAt: null, refusedTotal: 0, pulledTo: null }]);
    await again.noteDevice('w', '0123456789abcdef', { at: 2_000, pulledTo: 5 });
    expect((await again.deviceActivity('w'))[0]).toMatchObject({ lastSeenAt: 2_000, pulledTo: 5 });
    expect((await again.deviceByToken('t-old'))?.name).toBe('Lama');
    await again.close();
  });
});
