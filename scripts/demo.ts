/**
 * `npm run demo [-- --data-dir DIR] [--size N]`: creates a workspace with an invented office,
 * then prints how to open it. Refuses to fill a workspace that already has an office profile,
 * so a real workspace is never mixed with demo data.
 */
import path from 'node:path';
import { createCore } from '../electron/core/create-core';
import { WartaError } from '../shared/contract/errors';
import { generateWorkspace } from './demo/generate';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const dataDir = path.resolve(flag('data-dir', path.join('.tmp', 'demo-workspace')));
const size = Number(flag('size', '1'));

try {
  const core = createCore({ dataDir });
  if (await core.invoke('office.get')) {
    core.close();
    process.stderr.write(`Folder ${dataDir} sudah berisi ruang kerja dengan profil kantor; data demo tidak ditambahkan.\n`);
    process.exit(1);
  }
  const counts = await generateWorkspace(core, {
    size,
    onProgress: (label, done, total) => process.stdout.write(`\r${label}: ${done}/${total}`),
  });
  core.close();
  const summary = Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ');
  process.stdout.write(`\nRuang kerja demo dibuat di ${dataDir} (${summary}).\nBuka dengan: npm run start:browser -- --data-dir ${path.relative(process.cwd(), dataDir) || '.'}\n`);
} catch (err) {
  process.stderr.write(`Data demo tidak dapat dibuat: ${err instanceof WartaError ? err.message : (err as Error).message}\n`);
  process.exit(1);
}
