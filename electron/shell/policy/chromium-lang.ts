import fs from 'node:fs';
import path from 'node:path';

/**
 * The locale Chromium is started with (`--lang`), from the language saved in this machine's
 * preferences (`machine.json`, electron-store). Chromium draws the native date, time and file
 * inputs in its own locale, not the page's: with `id-ID` they read 25/12/2026, 08.00 and "Pilih
 * File" on the Indonesian app. It must be set before the app is ready, so the file is read
 * directly; a missing or damaged file means the default language, Indonesian. A change of
 * language reaches these inputs at the next start.
 */
export function chromiumLocale(userDataDir: string): 'id-ID' | 'en-GB' {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(userDataDir, 'machine.json'), 'utf8')) as { language?: unknown };
    return saved.language === 'en' ? 'en-GB' : 'id-ID';
  } catch {
    return 'id-ID';
  }
}
