/**
 * `npm run start:browser` (via scripts/start.mjs): Warta in a normal browser, for machines
 * without the Electron binary, for demos and for the end-to-end tests.
 * Flags: --data-dir DIR, --port N, --renderer DIR, --token T (tests only).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WartaError } from '../../shared/contract/errors';
import { DATABASE_FILE } from '../core/create-core';
import { readMarker, type DatabaseKey } from '../core/db/encryption';
import { defaultDataDir } from '../core/default-data-dir';
import { readPassphrase } from './read-passphrase';
import { startBrowserHost } from './start-browser-host';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * An encrypted workspace in browser mode opens with its passphrase: from WARTA_DB_PASSPHRASE,
 * or typed at the terminal (not echoed). There is no keychain to keep it.
 */
async function passphraseIfEncrypted(dbFile: string): Promise<DatabaseKey | null> {
  if (!readMarker(dbFile)) return null;
  const fromEnv = process.env.WARTA_DB_PASSPHRASE;
  if (fromEnv) return { kind: 'passphrase', value: fromEnv };
  if (!process.stdin.isTTY) return null; // createCore then says plainly that the passphrase is needed
  return { kind: 'passphrase', value: await readPassphrase('Kata sandi basis data Warta: ') };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = flag('renderer') ?? path.resolve(here, '../../dist/renderer');
const dataDir = flag('data-dir') ?? defaultDataDir();

// The last line of defence: an error that escapes a handler is logged and the host keeps
// serving the open tab, rather than exiting under the person's work.
process.on('uncaughtException', (err) => process.stderr.write(`Warta: kesalahan tak tertangani (uncaught): ${err.stack ?? String(err)}\n`));
process.on('unhandledRejection', (err) => process.stderr.write(`Warta: kesalahan tak tertangani (unhandled rejection): ${(err as Error)?.stack ?? String(err)}\n`));

try {
  const databaseKey = await passphraseIfEncrypted(path.join(dataDir, DATABASE_FILE));
  const host = await startBrowserHost({ dataDir, rendererDir, port: Number(flag('port') ?? 0), token: flag('token'), databaseKey });
  process.stdout.write(`Warta (mode peramban) berjalan. Buka alamat ini di peramban:\n  ${host.url}\nData: ${dataDir}\n`);
  process.stdout.write(`WARTA_URL=${host.url}\n`);
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  const message = err instanceof WartaError ? err.message : (err as Error).message;
  process.stderr.write(`Warta tidak dapat dimulai: ${message}\n`);
  process.exit(1);
}
