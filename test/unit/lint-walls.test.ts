/**
 * The folder walls hold: ESLint (with the project's own config) refuses each import that would
 * break one, and accepts the allowed ones. Linted as text under real paths of the repository.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/temp-dir';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/code-layering').map((m) => m.message);
}

describe('the walls between folders', { timeout: 60_000 }, () => {
  it.each([
    ['server/x.ts', "import { createCore } from '../electron/core/create-core';\nexport const x = createCore;", /server layer may not import the core composition root/],
    ['server/x.ts', "import type { Caller } from '../electron/core/caller';\nexport type X = Caller;", /server layer may not import the core infrastructure/],
    ['electron/core/sync/x.ts', "import { startSyncServer } from '../../../server/app';\nexport const x = startSyncServer;", /core infrastructure layer may not import the server layer/],
    ['electron/shell/x.ts', "export const x = () => import('../../server/main');", /electron shell layer may not import the server layer/],
    ['electron/core/rpc/x.ts', "import type { SessionManager } from '../features/people/session';\nexport type X = SessionManager;", /core infrastructure layer may not import the core features layer/],
    ['electron/core/sync/x.ts', "export { releasePhotoHashes } from '../features/releases/photo-refs';", /core infrastructure layer may not import the core features layer/],
    ['electron/core/data/x.ts', "import { createCore } from '../create-core';\nexport const x = createCore;", /core infrastructure layer may not import the core composition root/],
    ['shared/x.ts', "import type { Caller } from '../electron/core/caller';\nexport type X = Caller;", /shared layer may not import/],
    ['shared/x.ts', "import { tempDir } from '../test/support/temp-dir';\nexport const x = tempDir;", /files outside every layer/],
    ['renderer/x.ts', "import { createCore } from '../electron/core/create-core';\nexport const x = createCore;", /renderer layer may not import/],
  ])('%s: refuses %s', async (file, code, message) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['server/x.ts', "import { toSql } from '../shared/sync/row-codec';\nexport const x = toSql;"],
    ['electron/core/features/releases/x.ts', "import { Mutator } from '../../data/mutator';\nexport const x = Mutator;"],
    ['electron/core/sync/x.ts', "import type { Session } from '../rpc/session';\nexport type X = Session;"],
    ['electron/core/create-core.ts', "import { releasesHandlers } from './features/releases/handlers';\nexport const x = releasesHandlers;"],
    ['electron/shell/x.ts', "import { createCore } from '../core/create-core';\nexport const x = createCore;"],
  ])('%s: allows %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
