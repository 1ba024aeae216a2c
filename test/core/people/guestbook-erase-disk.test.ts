/**
 * A guest-book erasure leaves the visitor's name and details nowhere on this machine's disk:
 * not in the database file and not in its WAL (issue 19: the name stayed in the WAL). Checked
 * on the raw bytes of both files, for an erasure on request and for the retention purge.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/create-core';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { fakeClock } from '../../support/fake-clock';
import { ADMIN, seedAccounts } from './people-fixture';

let fx: CoreFixture;
afterEach(() => fx?.cleanup());

/** Every byte Warta keeps of the workspace: the database file and its WAL. */
function diskBytes(dir: string): Buffer {
  const parts = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((f) => path.join(dir, f)).filter((f) => fs.existsSync(f));
  return Buffer.concat(parts.map((f) => fs.readFileSync(f)));
}
const onDisk = (dir: string, text: string) => diskBytes(dir).includes(Buffer.from(text, 'utf8'));

describe('guest-book erasure on disk', () => {
  it('an erased visitor is in neither the database file nor the WAL; another visitor stays', async () => {
    fx = openTestCore();
    await seedAccounts(fx.core, []);
    const gone = await fx.core.invoke('guestbook.signIn', { name: 'Sekar Ayuningtyas Hapusaku', outlet: 'Harian Rahasia Lestari', purpose: 'wawancara tertutup', consent: true });
    await fx.core.invoke('guestbook.signIn', { name: 'Bayu Tetapada', outlet: 'Media Tetap', purpose: 'liputan', consent: true });
    expect(onDisk(fx.dir, 'Sekar Ayuningtyas Hapusaku')).toBe(true);
    await fx.core.invoke('guestbook.erase', { id: gone.id });
    for (const text of ['Sekar Ayuningtyas Hapusaku', 'Harian Rahasia Lestari', 'wawancara tertutup']) expect(onDisk(fx.dir, text), text).toBe(false);
    expect(onDisk(fx.dir, 'Bayu Tetapada')).toBe(true);
    expect((await fx.core.invoke('guestbook.list', {})).map((e) => e.name)).toEqual(['Bayu Tetapada']);
  });

  it('the retention purge at start scrubs the same way', async () => {
    const clock = fakeClock();
    fx = openTestCore({ clock: clock.now });
    await seedAccounts(fx.core, []);
    await fx.core.invoke('guestbook.signIn', { name: 'Tamu Kedaluwarsa Sekali', outlet: 'Media Lama Sekali', purpose: 'liputan', consent: true });
    clock.advance(400 * 86_400_000);
    fx.core.close();
    fx = openTestCore({ clock: clock.now }, fx.dir);
    await fx.core.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password });
    expect(await fx.core.invoke('guestbook.list', {})).toEqual([]);
    expect(onDisk(fx.dir, 'Tamu Kedaluwarsa Sekali')).toBe(false);
    expect(onDisk(fx.dir, 'Media Lama Sekali')).toBe(false);
  });
});
