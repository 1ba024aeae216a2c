import { afterAll } from 'vitest';
import { openSqliteStore } from '../../server/store-sqlite';
import { removeDir, tempDir } from '../support/temp-dir';
import { storeContract } from './store-contract';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
storeContract('SQLite', async () => {
  const dir = tempDir('store-sqlite');
  dirs.push(dir);
  return openSqliteStore(dir);
});
