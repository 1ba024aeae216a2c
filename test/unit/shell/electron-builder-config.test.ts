/**
 * Packaging cannot run here (no Electron download), so the configuration is checked the way
 * electron-builder itself reads it: its own config loader and its own JSON-schema validation,
 * reached through electron-builder's dependencies (no extra packages). Then the settings that
 * carry security or native-module weight are asserted one by one.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: (string | { filter?: string[] })[];
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  win?: { target?: string[] };
  mac?: { target?: string[] };
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
