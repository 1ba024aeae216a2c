/**
 * Child process of the crash test: opens an enrolled device and pulls in small pages, printing
 * a line per applied page; the parent kills it with SIGKILL at a random page.
 */
import { createCore } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { syncEngineOf } from '../../electron/core/sync/engine';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-puller <dataDir>');
const core = createCore({ dataDir: dir, logger: createMemoryLogger(), sync: { auto: false, pullPageBytes: 2048 } });
core.on('progress', (p) => process.stdout.write(`page ${p.done}\n`));
const st = await syncEngineOf(core.context).syncNow();
process.stdout.write(`done ${st.state} ${st.message ?? ''}\n`);
core.close();
