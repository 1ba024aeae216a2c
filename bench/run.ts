/**
 * `npm run bench`: runs every suite in bench/suites and writes bench/results.json.
 * Figures are medians or percentiles of repeated runs; ratios compare two things measured
 * in the same run, because these machines are noisy. Exit code 1 when a figure misses its target.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { meetsTarget, type BenchResults, type BenchmarkFigure } from './results-format';
import * as core from './suites/core';
import * as agenda from './suites/agenda';
import * as people from './suites/people';
import * as media from './suites/media';
import * as releases from './suites/releases';
import * as sync from './suites/sync';
import * as distribution from './suites/distribution';
import * as shell from './suites/shell';
import * as reports from './suites/reports';
import * as social from './suites/social';
import * as opd from './suites/opd';
import * as desk from './suites/desk';

const here = path.dirname(fileURLToPath(import.meta.url));
/** One suite per area (bench/suites/<area>.ts); a feature adds its suite here. */
const SUITES: Record<string, { run: typeof core.run }> = { core, agenda, people, media, releases, sync, distribution, shell, reports, social, opd, desk };

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(
    `Usage: npm run bench [-- SUITE ...]\n` +
      `Runs the benchmark suites (all, or the ones named) and writes bench/results.json; exit code 1 when a figure misses its target.\n` +
      `Suites: ${Object.keys(SUITES).join(', ')}\n` +
      `One suite: npx tsx bench/run.ts SUITE. Figures on a busy machine are noisy: see README, "Benchmarks".\n`,
  );
  process.exit(0);
}
const only = argv.filter((a) => !a.startsWith('-'));
const unknown = only.filter((name) => !(name in SUITES));
if (unknown.length) {
  // Refuse rather than run nothing and overwrite bench/results.json with an empty list.
  process.stderr.write(`Suite tidak dikenal (unknown suite): ${unknown.join(', ')}. Pilih (choose): ${Object.keys(SUITES).join(', ')}\n`);
  process.exit(2);
}
const workRoot = path.join(here, 'workspace');
fs.rmSync(workRoot, { recursive: true, force: true });
fs.mkdirSync(workRoot, { recursive: true });

const results: BenchResults = {
  machine: {
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  startedAt: new Date().toISOString(),
  benchmarks: [],
};

for (const [name, suite] of Object.entries(SUITES)) {
  if (only.length && !only.includes(name)) continue;
  process.stdout.write(`suite ${name}\n`);
  let n = 0;
  const figures: BenchmarkFigure[] = await suite.run({
    workDir: (label) => {
      const dir = path.join(workRoot, `${name}-${label}-${n++}`);
      fs.mkdirSync(dir, { recursive: true });
      return dir;
    },
    log: (line) => process.stdout.write(`${line}\n`),
  });
  results.benchmarks.push(...figures);
}

fs.writeFileSync(path.join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
fs.rmSync(workRoot, { recursive: true, force: true });

let missed = 0;
for (const f of results.benchmarks) {
  const ok = meetsTarget(f);
  if (ok === false) missed += 1;
  process.stdout.write(`${ok === null ? 'fig ' : ok ? 'ok  ' : 'MISS'} ${f.id.padEnd(36)} ${String(f.value).padStart(10)} ${f.unit.padEnd(8)} target ${f.target || '(none)'}\n`);
}
process.stdout.write(`bench: ${results.benchmarks.length - missed} met, ${missed} missed; written to bench/results.json\n`);
process.exitCode = missed ? 1 : 0;
