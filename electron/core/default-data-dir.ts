import os from 'node:os';
import path from 'node:path';

/**
 * The same folder Electron's `app.getPath('userData')` gives for an app named Warta, so that
 * browser mode and the desktop app open the same workspace on one machine.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.WARTA_DATA_DIR) return path.resolve(env.WARTA_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Warta');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Warta');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Warta');
}
