/**
 * Child process for the crash test: opens the core on the given folder and saves OPD rows
 * as fast as it can, printing "ack <id>" only after each save call returned ok, i.e. after
 * the transaction committed. The parent kills it with SIGKILL at a random moment.
 */
import { createCore } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-writer <dataDir>');
const core = createCore({ dataDir: dir, logger: createMemoryLogger() });
let i = 0;
for (;;) {
  const result = await core.call('opd.save', { name: `Dinas uji ${i} ${'data '.repeat(30)}`, abbreviation: `D${i}` });
  if (!result.ok) {
    process.stderr.write(JSON.stringify(result.error) + '\n');
    process.exit(2);
  }
  process.stdout.write(`ack ${(result.value as { id: string }).id}\n`);
  i += 1;
}
