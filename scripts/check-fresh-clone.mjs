#!/usr/bin/env node
/**
 * The commands the README tells a newcomer to run, tried on a fresh copy of the repository
 * (the files git tracks or would track, nothing ignored: no .tmp/, no dist/), with the
 * installed node_modules linked in as `npm install` would have left them:
 *
 *   npm test   with the Debian programs absent from PATH (only node, npm, git and sh on it):
 *              stops within seconds with the one sentence naming what is missing and how to install it
 *   npm start  reaches its browser-mode address line (building the renderer first); the JavaScript
 *              that build loads before the first screen stays small and free of the sections' libraries
 *   npm run demo, npm run bench -- --help, npm run server -- --help
 *
 * `npm test` runs this as one of its steps; on its own: `node scripts/check-fresh-clone.mjs [--json FILE]`.
 * Nothing is installed: the apt-get path of scripts/test-deps.mjs is not taken (no apt-get on that PATH).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? process.argv[jsonAt + 1] : null;

/** Runs a command in its own process group; resolves when it exits, or when `until` matches its output (then stops it). */
function runCommand(command, args, { cwd, env, timeoutMs, until }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      resolve({ ...result, out, seconds: (Date.now() - started) / 1000 });
    };
    const timer = setTimeout(() => finish({ code: null, timedOut: true }), timeoutMs);
    const onData = (chunk) => {
      out += chunk.toString();
      if (until?.test(out)) finish({ code: null, matched: true });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => finish({ code: null, error: err.message }));
    child.on('exit', (code) => setTimeout(() => finish({ code }), 50));
  });
}

/** A copy of what a clone would hold: tracked files plus new files not ignored. */
function copyWorkingTree(dest) {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  for (const rel of listed) {
    const from = path.join(root, rel);
    let stat;
    try {
      stat = fs.lstatSync(from);
    } catch {
      continue; // deleted in the working tree, not yet committed
    }
    if (!stat.isFile() && !stat.isSymbolicLink()) continue;
    const to = path.join(dest, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.cpSync(from, to, { verbatimSymlinks: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  return listed.length;
}

/** A folder holding only node, npm, git and sh: a PATH without any Debian program the tests use. */
function barePath(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const name of ['node', 'npm', 'git', 'sh']) {
    const found = name === 'node' ? process.execPath : execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    fs.symlinkSync(found, path.join(dir, name));
  }
  return dir;
}

const results = [];
function record(label, ok, detail) {
  results.push({ label, ok });
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${label}${detail ? ` — ${detail}` : ''}\n`);
}
const tail = (text) => text.trim().split('\n').slice(-8).join('\n');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-fresh-clone-'));
try {
  const clone = path.join(work, 'warta');
  const files = copyWorkingTree(clone);
  process.stdout.write(`fresh copy: ${files} files in a temporary folder, node_modules linked\n`);
  // The child npm must not think it runs inside this repository's `npm test`.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD'));

  {
    const bin = barePath(path.join(work, 'bare-bin'));
    const r = await runCommand('npm', ['test'], { cwd: clone, env: { ...env, PATH: bin }, timeoutMs: 60_000 });
    const sentence = /Tes Warta memerlukan program yang belum terpasang \(([^)]*chromium[^\n]*)\); pasang dengan `sudo apt-get update && sudo apt-get install -y --no-install-recommends [^`]*chromium[^`]*`/.exec(r.out);
    const ok = r.code !== 0 && !r.timedOut && sentence !== null && r.seconds < 30;
    record('npm test without the Debian programs on PATH: one sentence naming them and the install command, in seconds', ok, ok ? `${r.seconds.toFixed(1)} s` : tail(r.out));
  }
  {
    const dataDir = path.join(work, 'data-start');
    const r = await runCommand('npm', ['start', '--', '--port', '0', '--data-dir', dataDir], {
      cwd: clone,
      env,
      timeoutMs: 300_000,
      until: /Buka alamat ini di peramban:\s*\n\s*http:\/\/127\.0\.0\.1:\d+\//,
    });
    record('npm start reaches its browser-mode address line', r.matched === true, r.matched ? `${r.seconds.toFixed(0)} s, renderer built from scratch` : tail(r.out));
  }
  {
    // What that build loads before the first screen: the entry and its modulepreloads. The heavy
    // libraries of single sections must stay in those sections' chunks (renderer/app/lazy-page.tsx).
    const dist = path.join(clone, 'dist', 'renderer');
    let detail = '';
    let ok = false;
    try {
      const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
      const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
      const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dist, f)).size, 0);
      const heavy = files.flatMap((f) => {
        const map = JSON.parse(fs.readFileSync(path.join(dist, `${f}.map`), 'utf8'));
        return map.sources.filter((src) => /node_modules\/(@tiptap|@fullcalendar|exceljs|yjs|y-prosemirror|prosemirror-|@tanstack)/.test(src));
      });
      ok = files.length > 0 && bytes <= 600_000 && heavy.length === 0;
      detail = `${files.length} files, ${Math.round(bytes / 1000)} kB${heavy.length ? `; holds ${[...new Set(heavy.map((h) => h.replace(/.*node_modules\//, '').split('/')[0]))].join(', ')}` : ''}`;
    } catch (err) {
      detail = err.message;
    }
    record('the first screen loads at most 600 kB of JavaScript, without tiptap, FullCalendar, exceljs or Yjs', ok, detail);
  }
  {
    const r = await runCommand('npm', ['run', 'demo'], { cwd: clone, env, timeoutMs: 300_000 });
    const ok = r.code === 0 && /Ruang kerja demo dibuat/.test(r.out) && fs.existsSync(path.join(clone, '.tmp', 'demo-workspace', 'warta.sqlite'));
    record('npm run demo makes its workspace in .tmp/demo-workspace', ok, ok ? `${r.seconds.toFixed(0)} s` : tail(r.out));
  }
  {
    const r = await runCommand('npm', ['run', 'bench', '--', '--help'], { cwd: clone, env, timeoutMs: 120_000 });
    const ok = r.code === 0 && /Suites: .*releases/.test(r.out);
    record('npm run bench -- --help loads every suite', ok, ok ? '' : tail(r.out));
  }
  {
    const r = await runCommand('npm', ['run', 'server', '--', '--help'], { cwd: clone, env, timeoutMs: 120_000 });
    const ok = r.code === 0 && /Usage: npm run server/.test(r.out) && /publish-update/.test(r.out);
    record('npm run server -- --help', ok, ok ? '' : tail(r.out));
  }
} catch (err) {
  record('fresh copy of the repository', false, err.message);
} finally {
  // The link first, so nothing could ever follow it into the real node_modules.
  fs.rmSync(path.join(work, 'warta', 'node_modules'), { force: true });
  fs.rmSync(work, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify({ passed, failed }));
process.stdout.write(`fresh clone: ${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
