import { dialog } from 'electron';
import { WartaError } from '../../shared/contract/errors';

/**
 * When the workspace cannot be opened (not a SQLite file, damaged, from a newer Warta, folder
 * not writable) the person gets the core's own Indonesian explanation and the app quits.
 * The core refused before writing anything; the shell does not retry, repair or move the file.
 */
export function showStartupError(err: unknown, dataDir: string): void {
  const message =
    err instanceof WartaError
      ? err.message
      : `Terjadi kesalahan tak terduga saat membuka data Warta: ${err instanceof Error ? err.message : String(err)}`;
  const code = err instanceof WartaError ? ` (kode: ${err.code})` : '';
  process.stderr.write(`Warta tidak dapat dibuka${code}: ${message}\n`);
  dialog.showMessageBoxSync({
    type: 'error',
    title: 'Warta tidak dapat dibuka',
    message,
    detail: `Berkas data tidak diubah. Folder data: ${dataDir}${code}\nHubungi admin TI kantor Anda bila masalah ini berlanjut.`,
    buttons: ['Tutup'],
    noLink: true,
  });
}
