import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../test/e2e/support/paths';

/** Where benchmarks keep folders of their own, inside the repo's ignored `.tmp/`. */
export const BENCH_TMP = path.join(REPO_ROOT, '.tmp', 'bench');

/**
 * A fresh folder for one benchmark that outlives `bench/workspace` (which each suite's start
 * empties). Makes its parents, so it works on a fresh clone where no test has made `.tmp/` yet.
 * The caller removes it.
 */
export function benchTempDir(label: string): string {
  fs.mkdirSync(BENCH_TMP, { recursive: true });
  return fs.mkdtempSync(path.join(BENCH_TMP, `${label}-`));
}
