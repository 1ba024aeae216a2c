/**
 * Where a worker thread's code is: the built `<name>.js` beside the bundle the caller is part of
 * (the desktop app bundles every worker entry into dist/electron, electron/vite.config.main.ts),
 * or the TypeScript source `<name>.ts` beside the caller, loaded through tsx (browser mode and
 * tests run from source). A worker does not inherit tsx's loader, so an eval'd stub registers it first.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function workerEntry(callerUrl: string, name: string): { entry: string | URL; eval: boolean } {
  const here = fileURLToPath(callerUrl);
  if (!here.endsWith('.ts')) return { entry: new URL(`./${name}.js`, callerUrl), eval: false };
  const api = createRequire(callerUrl).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs');
  const source = pathToFileURL(path.join(path.dirname(here), `${name}.ts`)).href;
  const stub = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); })`;
  return { entry: stub, eval: true };
}
