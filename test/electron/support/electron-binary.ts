import fs from 'node:fs';
import path from 'node:path';

/**
 * The installed Electron executable, found the way node_modules/electron/index.js finds it,
 * without requiring that module (which downloads the binary when it is missing).
 */
export function installedElectronBinary(root: string): string | null {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let executable = '';
  try {
    executable = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    // No path.txt: never installed, unless an override folder says where it is.
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, executable || 'electron');
    return fs.existsSync(binary) ? binary : null;
  }
  if (!executable) return null;
  const binary = path.join(pkgDir, 'dist', executable);
  return fs.existsSync(binary) ? binary : null;
}

/** Node ABI of the compiled better-sqlite3 addon, from its exported register symbol. */
export function betterSqliteAbi(root: string): number | null {
  const file = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
  try {
    const match = /node_register_module_v(\d+)/.exec(fs.readFileSync(file).toString('latin1'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function electronAbi(root: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}
