import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { methods } from '../../shared/contract/methods';
import { median, percentile, round, type BenchmarkFigure } from '../results-format';
import type { SuiteContext } from './core';
import { makeOpdRows, type OpdRow } from '../../scripts/demo/opd-rows';

/** Writes then reads the same rows; a fresh core for the reads, so pages come from the file. */
function throughput(dir: string, rows: OpdRow[], passphrase: string | null): { writePerS: number; readPerS: number } {
  const databaseKey = passphrase ? ({ kind: 'passphrase', value: passphrase } as const) : null;
  let core = createCore({ dataDir: dir, logger: createMemoryLogger() });
  if (passphrase) core.context.encryption.enable(passphrase);
  const m = core.context.mutator;
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 1000) m.transaction(() => rows.slice(i, i + 1000).forEach((row) => m.insert('opd', { ...row })));
  const writeMs = performance.now() - t0;
  core.close();
  core = createCore({ dataDir: dir, logger: createMemoryLogger(), databaseKey });
  const db = core.context.db;
  const ids = (db.prepare('SELECT id FROM opd').all() as { id: string }[]).map((r) => r.id);
  const byId = db.prepare('SELECT * FROM opd WHERE id = ?');
  const page = db.prepare('SELECT * FROM opd WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE LIMIT 100 OFFSET ?');
  const t1 = performance.now();
  let reads = 0;
  for (let i = 0; i < 1000; i++) {
    byId.get(ids[(i * 7919) % ids.length]);
    page.all((i * 37) % 19_000);
    reads += 2;
  }
  const readMs = performance.now() - t1;
  core.close();
  return { writePerS: rows.length / (writeMs / 1000), readPerS: reads / (readMs / 1000) };
}

const ADMIN = { name: 'Bench Admin', login: 'bench', password: 'bench-password-1' };

export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const core = createCore({ dataDir: ctx.workDir('people'), logger: createMemoryLogger() });
  const c = core.context;

  // Sign-in: scrypt hashing plus the lookup, as a person experiences it.
  await core.invoke('accounts.setupAdministrator', ADMIN);
  const signins: number[] = [];
  for (let i = 0; i < 7; i++) {
    await core.invoke('session.signOut');
    const t0 = performance.now();
    await core.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password });
    signins.push(performance.now() - t0);
  }
  ctx.log(`  sign-in: ${signins.map((s) => s.toFixed(0)).join(', ')} ms`);

  // The permission check exactly as dispatch runs it for every call: who is calling, may they.
  const spec = methods['office.save'];
  const rounds: number[] = [];
  const N = 200_000;
  for (let r = 0; r < 5; r++) {
    let allowed = 0;
    const t0 = performance.now();
    for (let i = 0; i < N; i++) if (c.currentCaller().can(spec.permission)) allowed += 1;
    rounds.push((performance.now() - t0) / N);
    if (allowed !== N) throw new Error('the administrator was refused');
  }

  // Verifying an audit chain of 100,000 entries.
  c.mutator.transaction(() => {
    for (let i = 0; i < 100_000; i++) c.audit.record({ userId: 'bench', name: 'Bench' }, { action: 'bench.entry', targetType: 'release', targetId: String(i), details: { i } });
  });
  const verifies: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const result = c.audit.verify();
    verifies.push(performance.now() - t0);
    if (!result.ok) throw new Error('audit chain broken in the benchmark');
  }
  core.close();

  // Encryption at rest: the same writes and reads on a plain and on an encrypted workspace,
  // alternated so machine noise falls on both alike.
  const rows = makeOpdRows(20_000, 7);
  const writeRatios: number[] = [];
  const readRatios: number[] = [];
  for (let r = 0; r < 5; r++) {
    const plain = throughput(ctx.workDir(`plain-${r}`), rows, null);
    const encrypted = throughput(ctx.workDir(`enc-${r}`), rows, 'kata sandi benchmark humas');
    writeRatios.push(encrypted.writePerS / plain.writePerS);
    readRatios.push(encrypted.readPerS / plain.readPerS);
    ctx.log(`  encryption round ${r + 1}: write ${(encrypted.writePerS / plain.writePerS).toFixed(2)}, read ${(encrypted.readPerS / plain.readPerS).toFixed(2)}`);
  }

  return [
    { id: 'people.encryption.write_ratio', value: round(median(writeRatios)), unit: 'ratio', target: '>= 0.7', note: '20,000 OPD rows through the mutation path, in 20 transactions, encrypted (ChaCha20-Poly1305) vs plain; median of 5' },
    { id: 'people.encryption.read_ratio', value: round(median(readRatios)), unit: 'ratio', target: '>= 0.7', note: '2,000 opd.list-style scans and point reads on a fresh connection, encrypted vs plain; median of 5' },
    {
      id: 'people.permission_check_ms',
      value: round(median(rounds), 5),
      unit: 'ms',
      target: '<= 0.05',
      note: `per call: session caller + permission lookup, median of 5 rounds of ${N} checks`,
    },
    { id: 'people.audit_verify_100k_ms', value: Math.round(median(verifies)), unit: 'ms', target: '<= 2000', note: 'median of 3 verifications of a 100,000-entry chain' },
    { id: 'people.signin_median_ms', value: Math.round(median(signins)), unit: 'ms', target: '<= 1000', note: 'scrypt N=2^17, r=8 + lookup; 7 sign-ins' },
    { id: 'people.signin_min_ms', value: Math.round(Math.min(...signins)), unit: 'ms', target: '>= 100', note: 'the fastest of 7: guessing stays costly' },
    { id: 'people.signin_p95_ms', value: Math.round(percentile(signins, 95)), unit: 'ms', target: '<= 1000', note: 'slowest-but-one of 7' },
  ];
}
