#!/usr/bin/env node
/**
 * `npm start`: opens Warta as a desktop app when the Electron binary is installed, otherwise
 * (or with --browser) in browser mode. Never downloads anything: the Electron package's own
 * entry (`require('electron')`) would fetch the binary, so its files are only looked at.
 *
 * Flags: --browser, --data-dir DIR, --port N (browser mode).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IS_WINDOWS = process.platform === 'win32';
const args = process.argv.slice(2);

function flag(name) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const say = (line) => process.stdout.write(`${line}\n`);

/**
 * Where the Electron binary would be, the way node_modules/electron/index.js computes it
 * (path.txt names the executable inside dist/, ELECTRON_OVERRIDE_DIST_PATH replaces dist/),
 * or null when it is not there.
 */
function findElectronBinary() {
  const pkgDir = path.join(ROOT, 'node_modules', 'electron');
  let executable = '';
  try {
    executable = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    // No path.txt: the binary was never installed (ELECTRON_SKIP_BINARY_DOWNLOAD, offline).
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, executable || (IS_WINDOWS ? 'electron.exe' : 'electron'));
    return fs.existsSync(candidate) ? candidate : null;
  }
  if (!executable) return null;
  const candidate = path.join(pkgDir, 'dist', executable);
  return fs.existsSync(candidate) ? candidate : null;
}

/**
 * The Node ABI better-sqlite3 was compiled for, read from the symbol every non-N-API addon
 * exports (`node_register_module_v<ABI>`). Null when it cannot be told.
 */
function betterSqliteAbi() {
  const file = path.join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
  try {
    const match = /node_register_module_v(\d+)/.exec(fs.readFileSync(file).toString('latin1'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function electronAbi() {
  try {
    return Number(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

/** Newest modification time under the given paths (files or folders), skipping node_modules. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(path.join(p, entry));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach((p) => visit(path.join(ROOT, p)));
  return newest;
}

/** True when an output is missing or older than any of its sources. */
function isStale(outputs, sources) {
  const built = outputs.map((o) => {
    try {
      return fs.statSync(path.join(ROOT, o)).mtimeMs;
    } catch {
      return -1;
    }
  });
  if (built.some((t) => t < 0)) return true;
  return Math.min(...built) < newestMtime(sources);
}

function runNpmScript(script) {
  say(`> npm run ${script}`);
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', script], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync(IS_WINDOWS ? 'npm.cmd' : 'npm', ['run', script], { cwd: ROOT, stdio: 'inherit', shell: IS_WINDOWS });
  return result.status === 0;
}

const RENDERER_OUTPUT = ['dist/renderer/index.html'];
const RENDERER_SOURCES = ['renderer', 'shared', 'package.json'];
const ELECTRON_OUTPUT = ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/server/main.js'];
const ELECTRON_SOURCES = ['electron', 'server', 'shared', 'package.json'];

/** Builds what is stale. A failed rebuild over an existing build warns and goes on with the old one. */
function ensureBuilt(outputs, sources, script) {
  if (!isStale(outputs, sources)) return true;
  if (runNpmScript(script)) return true;
  const stillThere = outputs.every((o) => fs.existsSync(path.join(ROOT, o)));
  if (stillThere) {
    say(`Peringatan: "npm run ${script}" gagal; Warta memakai hasil bangun sebelumnya. (Build failed; using the previous build.)`);
    return true;
  }
  return false;
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

function startBrowserMode() {
  const nodeAbi = Number(process.versions.modules);
  const sqliteAbi = betterSqliteAbi();
  if (sqliteAbi !== null && sqliteAbi !== nodeAbi) {
    say(
      `better-sqlite3 sedang dibangun untuk Electron (ABI ${sqliteAbi}), bukan untuk Node ini (ABI ${nodeAbi}): jalankan \`npm rebuild better-sqlite3-multiple-ciphers\` lalu \`npm run start:browser\` lagi.`,
    );
    say(`(better-sqlite3 is built for Electron, not for this Node: run \`npm rebuild better-sqlite3-multiple-ciphers\` first.)`);
    process.exit(1);
  }
  if (!ensureBuilt(RENDERER_OUTPUT, RENDERER_SOURCES, 'build:renderer')) {
    say('Tampilan Warta tidak dapat dibangun ("npm run build:renderer" gagal). (The renderer could not be built.)');
    process.exit(1);
  }
  const hostArgs = ['electron/browser-host/main.ts'];
  for (const name of ['data-dir', 'port']) {
    const value = flag(name);
    if (value !== undefined) hostArgs.push(`--${name}`, value);
  }
  const tsx = path.join(ROOT, 'node_modules', '.bin', IS_WINDOWS ? 'tsx.cmd' : 'tsx');
  forwardSignals(spawn(tsx, hostArgs, { cwd: ROOT, stdio: 'inherit', shell: IS_WINDOWS }));
}

function startElectron(binary) {
  const needed = electronAbi();
  const have = betterSqliteAbi();
  if (needed !== null && have !== null && needed !== have) {
    say(
      `Electron ada, tetapi better-sqlite3 masih dibangun untuk Node (ABI ${have}), bukan untuk Electron (ABI ${needed}): jalankan \`npx electron-builder install-app-deps\` (perlu internet untuk header Electron) lalu \`npm start\` lagi, dan \`npm rebuild better-sqlite3-multiple-ciphers\` untuk kembali ke Node sebelum menjalankan tes; untuk sekarang Warta dibuka dalam mode peramban.`,
    );
    say(
      `(Electron is installed but better-sqlite3 is built for Node: run \`npx electron-builder install-app-deps\`, then \`npm start\`; \`npm rebuild better-sqlite3-multiple-ciphers\` switches back for the tests. Opening browser mode for now.)`,
    );
    startBrowserMode();
    return;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    say('Tidak ada layar grafis (DISPLAY kosong), jadi Warta dibuka dalam mode peramban; pakai `xvfb-run npm start` untuk jendela Electron tanpa layar.');
    say('(No graphical display (DISPLAY is empty), so Warta opens in browser mode.)');
    startBrowserMode();
    return;
  }
  if (!ensureBuilt(RENDERER_OUTPUT, RENDERER_SOURCES, 'build:renderer') || !ensureBuilt(ELECTRON_OUTPUT, ELECTRON_SOURCES, 'build:electron')) {
    say('Warta tidak dapat dibangun ("npm run build" gagal). (The app could not be built.)');
    process.exit(1);
  }
  const env = { ...process.env };
  const dataDir = flag('data-dir');
  // The main process honours the same variable as browser mode (electron/shell/main.ts).
  if (dataDir) env.WARTA_DATA_DIR = path.resolve(dataDir);
  // Left over from a parent shell, this would make Electron run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  forwardSignals(spawn(binary, ['.'], { cwd: ROOT, stdio: 'inherit', env }));
}

const binary = args.includes('--browser') ? null : findElectronBinary();
if (binary) {
  startElectron(binary);
} else {
  if (!args.includes('--browser')) {
    say(
      'Electron belum terpasang di komputer ini (berkasnya tidak dapat diunduh di sini; jalankan `npx install-electron` di komputer yang tersambung ke internet), jadi Warta dibuka dalam mode peramban.',
    );
    say('(Electron is not installed on this machine — run `npx install-electron` where there is internet access — so Warta opens in browser mode.)');
  }
  startBrowserMode();
}
