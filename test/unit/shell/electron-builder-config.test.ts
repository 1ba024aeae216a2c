/**
 * Packaging cannot run here (no Electron download), so the configuration is checked the way
 * electron-builder itself reads it: its own config loader and its own JSON-schema validation,
 * reached through electron-builder's dependencies (no extra packages). Then the settings that
 * carry security or native-module weight are asserted one by one.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installerFiles, nativeFilesInsideAsar } from '../../support/installer-files';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: (string | { filter?: string[] })[];
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  fileAssociations?: { ext?: string; mimeType?: string }[];
  nsis?: { oneClick?: boolean; perMachine?: boolean; installerIcon?: string };
  linux?: { target?: string[]; icon?: string };
  electronFuses?: Record<string, boolean>;
  win?: { target?: string[]; icon?: string };
  mac?: { target?: string[]; icon?: string };
  publish?: unknown;
}

const projectDir = path.resolve(import.meta.dirname, '../../..');
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const configModule = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  getConfig(dir: string, file: string, options: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const load = () => configModule.getConfig(projectDir, 'electron-builder.yml', null);

describe('electron-builder.yml', () => {
  it('parses and passes electron-builder’s own schema', async () => {
    const config = await load();
    await expect(configModule.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check is real: a wrong fuse name is rejected', async () => {
    const config = await load();
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } };
    await expect(configModule.validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('names the app and ships only the built files', async () => {
    const config = await load();
    expect(config.appId).toBe('id.go.warta.desktop');
    expect(config.productName).toBe('Warta');
    // The loader normalises `files` into file sets ({ filter: [...] }).
    const patterns = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(patterns).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
    expect(patterns.some((f) => /^(electron|renderer|shared|test)\//.test(f))).toBe(false);
  });

  it('unpacks native modules and rebuilds them for Electron', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
  });

  it('no native module or shared library an installer would hold stays inside app.asar', async () => {
    const config = await load();
    const files = installerFiles(projectDir, config);
    // The listing is real: production modules with their native parts, never dev tools.
    const paths = new Set(files.map((f) => f.appPath));
    expect(paths.has('node_modules/sharp/package.json')).toBe(true);
    expect(paths.has('package.json')).toBe(true);
    expect([...paths].some((p) => p.startsWith('node_modules/electron/') || p.startsWith('node_modules/vite/'))).toBe(false);
    const natives = files.filter((f) => /\.(node|so(\.\d+)*|dll|dylib)$/.test(f.appPath));
    expect(natives.map((f) => f.appPath)).toEqual(expect.arrayContaining([expect.stringMatching(/better_sqlite3\.node$/)]));
    if (process.platform === 'linux') expect(natives.some((f) => /libvips-cpp\.so\.\d/.test(f.appPath))).toBe(true);
    expect(nativeFilesInsideAsar(files)).toEqual([]);
  });

  it('the asar check is real: with only "**/*.node" unpacked, sharp’s libvips would stay inside', async () => {
    const config = await load();
    const files = installerFiles(projectDir, { ...config, asarUnpack: ['**/*.node'] });
    const leaks = nativeFilesInsideAsar(files);
    if (process.platform === 'linux') expect(leaks).toEqual(expect.arrayContaining([expect.stringMatching(/^node_modules\/@img\/sharp-libvips-linux-[^/]+\/lib\/libvips-cpp\.so\.\d/)]));
    else expect(leaks.length).toBeGreaterThan(0);
  });

  it('uses the Warta icons, offers a per-machine install and opens .ics files', async () => {
    const config = await load();
    expect(config.win?.icon).toBe('assets/icons/icon.ico');
    expect(config.mac?.icon).toBe('assets/icons/icon.icns');
    expect(config.linux?.icon).toBe('assets/icons/png');
    for (const p of [config.win?.icon, config.mac?.icon, config.nsis?.installerIcon, 'assets/icons/png/256x256.png']) expect(fs.existsSync(path.join(projectDir, p ?? 'missing'))).toBe(true);
    // Assisted installer with the "for all users" choice (and /allusers for silent installs).
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'ics', mimeType: 'text/calendar' })]);
  });

  it('sets the security fuses', async () => {
    const config = await load();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds the installers people use, and publishes nothing by itself', async () => {
    const config = await load();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.publish).toBeNull();
  });
});
