/**
 * Child process of the hosting test: a Warta core that hosts the office server and then waits;
 * the test kills this process with SIGKILL and checks that the server process goes too.
 */
import { tsxSyncServerLaunch } from '../../electron/browser-host/sync-server-launch';
import { createCore } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hosting-parent <dataDir>');
const logger = createMemoryLogger();
const core = createCore({ dataDir: dir, logger, syncServerLaunch: tsxSyncServerLaunch() });
await core.invoke('sync.host.start', { host: '127.0.0.1', port: 0, allowInsecureHttp: false });
const started = logger.lines.find((l) => l.event === 'sync.host.started');
process.stdout.write(`server ${String(started?.data?.pid)}\n`);
setInterval(() => undefined, 60_000);
