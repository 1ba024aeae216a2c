import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
  error(event: string, data?: Record<string, unknown>): void;
}

const MAX_LOG_BYTES = 5 * 1024 * 1024;

/**
 * JSON lines in `<dataDir>/logs/core.log`, rotated once at 5 MB. Written synchronously: log
 * lines are rare (errors, start and stop), and a line lost in a crash is the one we need.
 */
export function createFileLogger(dataDir: string, echo = false): Logger {
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, 'core.log');
  fs.mkdirSync(dir, { recursive: true });
  const write = (level: string, event: string, data?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...data }) + '\n';
    try {
      if (fs.existsSync(file) && fs.statSync(file).size > MAX_LOG_BYTES) fs.renameSync(file, `${file}.1`);
      fs.appendFileSync(file, line);
    } catch {
      // A full disk must not take the app down with it; the line is lost, the work is not.
    }
    if (echo) process.stderr.write(line);
  };
  return {
    info: (e, d) => write('info', e, d),
    warn: (e, d) => write('warn', e, d),
    error: (e, d) => write('error', e, d),
  };
}

export function createMemoryLogger(): Logger & { lines: { level: string; event: string; data?: Record<string, unknown> }[] } {
  const lines: { level: string; event: string; data?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (event, data) => lines.push({ level: 'info', event, data }),
    warn: (event, data) => lines.push({ level: 'warn', event, data }),
    error: (event, data) => lines.push({ level: 'error', event, data }),
  };
}
