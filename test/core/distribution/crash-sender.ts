/**
 * Child process for the "app dies while sending" test: opens the core on the given folder
 * and drains the outbox once. The parent kills it with SIGKILL while the SMTP server holds the
 * last message without answering: the moment between "handed over" and "recorded".
 */
import { createCore } from '../../../electron/core/create-core';
import { outboxOf } from '../../../electron/core/features/distribution/outbox';
import { createMemoryLogger } from '../../../electron/core/log/logger';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-sender <dataDir>');
const core = createCore({ dataDir: dir, logger: createMemoryLogger() });
process.stdout.write('ready\n');
await outboxOf(core.context).drain();
process.stdout.write('drained\n');
