/**
 * What an installer would hold, listed without building one (no Electron download here):
 * the app's own files picked by `files`, and every installed production dependency (npm's
 * hoisted node_modules, optional packages such as sharp's per-platform binaries included when
 * present, as electron-builder adds them). For each file: would it stay inside app.asar or be
 * unpacked next to it? Decided with electron-builder's own pieces: its `asarUnpack` matcher
 * (app-builder-lib FileMatcher) and its automatic rule (a module holding a .node/.so/.dll/.dylib/.exe
 * file is unpacked whole — note it misses versioned names like libvips-cpp.so.8, which is why
 * sharp's libvips needs an explicit pattern).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
type Filter = (file: string, stat: FakeStat) => boolean;
interface FakeStat {
  isDirectory(): boolean;
  moduleFullFilePath?: string;
}
const fileMatcher = fromBuilder('app-builder-lib/out/fileMatcher.js') as {
  getFileMatchers(config: object, name: string, destination: string, options: object): { createFilter(): Filter }[] | null;
};
const { isLibOrExe } = fromBuilder('app-builder-lib/out/asar/unpackDetector.js') as { isLibOrExe(file: string): boolean };

export interface InstallerFile {
  /** Path inside the app (as in app.asar), with forward slashes. */
  appPath: string;
  unpacked: boolean;
}

/** Native code and the shared libraries it loads, versioned names included (libvips-cpp.so.8.18.7). */
export const NATIVE_FILE = /\.(node|dll|dylib|exe)$|\.so(\.\d+)*$/;

function walk(dir: string, skip: (name: string) => boolean, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, skip, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** The production dependency closure, as folders under node_modules (npm's lookup: nearest node_modules upward). */
function productionModules(projectDir: string): Map<string, string> {
  const found = new Map<string, string>(); // appPath "node_modules/x" → folder
  const visit = (fromDir: string, pkgJson: { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }) => {
    const names = [...Object.keys(pkgJson.dependencies ?? {}), ...Object.keys(pkgJson.optionalDependencies ?? {})];
    for (const name of names) {
      let dir = fromDir;
      let moduleDir: string | null = null;
      for (;;) {
        const candidate = path.join(dir, 'node_modules', name);
        if (fs.existsSync(path.join(candidate, 'package.json'))) {
          moduleDir = candidate;
          break;
        }
        if (dir === projectDir) break;
        dir = path.dirname(dir);
      }
      if (!moduleDir) continue; // an optional package for another platform
      const appPath = path.relative(projectDir, moduleDir).split(path.sep).join('/');
      if (found.has(appPath)) continue;
      found.set(appPath, moduleDir);
      visit(moduleDir, JSON.parse(fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8')));
    }
  };
  visit(projectDir, JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')));
  return found;
}

/**
 * Every file the installer would hold and whether it lands outside the asar. `config` is the
 * loaded electron-builder configuration (its own loader, so defaults and normalisation match).
 */
export function installerFiles(projectDir: string, config: object): InstallerFile[] {
  const options = { macroExpander: (s: string) => s, customBuildOptions: {}, globalOutDir: path.join(projectDir, 'release'), defaultSrc: projectDir };
  const unpack = fileMatcher.getFileMatchers(config, 'asarUnpack', projectDir, options)?.[0]?.createFilter() ?? null;
  const appMatchers = fileMatcher.getFileMatchers(config, 'files', projectDir, options);
  const appFilter = appMatchers?.[0]?.createFilter() ?? (() => true);
  const fileStat = (appPath?: string): FakeStat => ({ isDirectory: () => false, ...(appPath ? { moduleFullFilePath: appPath } : {}) });

  const files: InstallerFile[] = [];
  // The app's own files (dist/…, package.json): never node_modules or the project's tooling folders.
  const ownSkip = (name: string) => ['node_modules', '.git', '.tmp', 'release'].includes(name);
  for (const full of walk(projectDir, ownSkip)) {
    if (!appFilter(full, fileStat())) continue;
    const appPath = path.relative(projectDir, full).split(path.sep).join('/');
    files.push({ appPath, unpacked: !!unpack?.(full, fileStat()) });
  }
  for (const [moduleRoot, moduleDir] of productionModules(projectDir)) {
    const moduleFiles = walk(moduleDir, (name) => name === 'node_modules').map((full) => ({
      full,
      appPath: `${moduleRoot}/${path.relative(moduleDir, full).split(path.sep).join('/')}`,
    }));
    const autoUnpacked = moduleFiles.some((f) => isLibOrExe(f.full));
    for (const f of moduleFiles) files.push({ appPath: f.appPath, unpacked: autoUnpacked || !!unpack?.(f.full, fileStat(f.appPath)) });
  }
  return files;
}

/** Native modules and shared libraries that would stay inside app.asar, where they cannot load. */
export function nativeFilesInsideAsar(files: InstallerFile[]): string[] {
  return files.filter((f) => !f.unpacked && NATIVE_FILE.test(f.appPath)).map((f) => f.appPath);
}
