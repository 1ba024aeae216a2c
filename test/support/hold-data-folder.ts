/** A process that opens a core on a data folder and keeps it open until killed (the lock tests). */
import { createCore } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';

const dataDir = process.argv[2] as string;
createCore({ dataDir, logger: createMemoryLogger(), mode: 'browser' });
process.stdout.write(`HELD ${process.pid}\n`);
setInterval(() => undefined, 60_000);
