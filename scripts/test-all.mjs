#!/usr/bin/env node
/**
 * `npm test`: every check and every test, in order, with one summary at the end.
 *   programs the tests need (scripts/test-deps.mjs: installs them or stops at once) → lint → type-check → unit + core tests (Vitest, real SQLite) → renderer build →
 *   end-to-end (Playwright + Chromium against browser mode) → Electron smoke test
 * Every step runs even when an earlier one failed, so one run shows everything that is wrong.
 * The last line is "tests: N passed, N failed, N skipped"; the exit code is 1 if anything failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// First, in seconds: the programs outside npm the tests use (Chromium, poppler, LibreOffice …).
// Installed here when possible; otherwise one sentence says what is missing and how to get it.
const deps = spawnSync(process.execPath, [path.join(root, 'scripts', 'test-deps.mjs')], { cwd: root, stdio: 'inherit' });
if (deps.status !== 0) {
  process.stdout.write('tests: 0 passed, 1 failed, 0 skipped\n');
  process.exit(1);
}
const tmp = path.join(root, '.tmp', 'test-all');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });

const env = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(root, '.tmp', 'xdg-config'),
  XDG_CACHE_HOME: path.join(root, '.tmp', 'xdg-cache'),
  FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR,
};
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = [];

function run(label, command, args, extraEnv = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  steps.push({ label, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

/** A check that is not a test runner (lint, types, build) counts as one test. */
function check(label, command, args) {
  const ok = run(label, command, args);
  if (ok) totals.passed += 1;
  else totals.failed += 1;
  return ok;
}

function countVitest(file, ranOk) {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if (!ranOk && !report.numFailedTests) totals.failed += 1; // the runner itself failed
  } catch {
    totals.failed += 1;
  }
}

// A test that failed once and passed on its retry is named in the summary, so it gets fixed
// rather than forgotten; a test that fails twice fails the run.
const flaky = [];
function flakyTitles(suites) {
  const out = [];
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      if ((spec.tests ?? []).some((t) => t.status === 'flaky')) out.push(`${spec.file}:${spec.line} › ${spec.title}`);
    }
    out.push(...flakyTitles(suite.suites ?? []));
  }
  return out;
}

function countPlaywright(file, ranOk) {
  try {
    const stats = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
    if (!ranOk && !stats.unexpected) totals.failed += 1;
    for (const title of flakyTitles(JSON.parse(fs.readFileSync(file, 'utf8')).suites ?? [])) flaky.push(title);
  } catch {
    totals.failed += 1;
  }
}

check('lint (eslint: code rules and the walls between folders)', bin('eslint'), ['.']);
check('type-check (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);

const vitestJson = path.join(tmp, 'vitest.json');
const vitestOk = run('unit and core tests (vitest, real SQLite files)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
countVitest(vitestJson, vitestOk);

const built = check('renderer build (vite)', 'npm', ['run', '--silent', 'build:renderer']);

for (const [label, config, name] of [
  ['end-to-end tests (playwright + chromium, browser mode)', 'test/e2e/playwright.config.ts', 'e2e'],
  ['electron smoke test (runs where the Electron binary is installed)', 'test/electron/playwright.config.ts', 'electron'],
]) {
  if (!built && name === 'e2e') {
    totals.failed += 1;
    steps.push({ label, ok: false, seconds: 0 });
    continue;
  }
  const json = path.join(tmp, `playwright-${name}.json`);
  const ok = run(label, bin('playwright'), ['test', '--config', config, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: json });
  countPlaywright(json, ok);
}

{
  // The README's commands on a fresh copy of the repository (scripts/check-fresh-clone.mjs).
  const json = path.join(tmp, 'fresh-clone.json');
  const ok = run('fresh clone: npm test without the Debian programs, npm start, demo, bench --help, server --help', process.execPath, [
    path.join(root, 'scripts', 'check-fresh-clone.mjs'),
    '--json',
    json,
  ]);
  try {
    const counts = JSON.parse(fs.readFileSync(json, 'utf8'));
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    if (!ok && !counts.failed) totals.failed += 1;
  } catch {
    totals.failed += 1;
  }
}

process.stdout.write('\n=== summary\n');
for (const s of steps) process.stdout.write(`${s.ok ? 'ok  ' : 'FAIL'} ${s.label} (${s.seconds} s)\n`);
for (const title of flaky) process.stdout.write(`flaky (failed once, passed on retry): ${title}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed > 0 || steps.some((s) => !s.ok) ? 1 : 0);
