/**
 * .ics files opened with Warta (the installers' file association, issue 17 item 7): from the
 * command line at start, from a second start while Warta runs (Windows, Linux), or from macOS's
 * open-file. Each is read here with the agenda import's limit and queued; the renderer takes the
 * queue (`desktop.openedFiles`) once the agenda can import — after sign-in — and opens the ICS
 * import preview with it. Nothing is imported without the person confirming the preview.
 */
import { ICS_MAX_CHARS } from '../../shared/contract/methods/agenda';
import type { OpenedFile } from '../../shared/contract/methods/desktop';

export interface OpenFilesDeps {
  stat(file: string): { size: number; isFile: boolean } | null;
  read(file: string): string;
  baseName(file: string): string;
  /** Tells the window that files wait (`desktop.openedFiles` event). */
  notify(): void;
  log(event: string, data?: Record<string, unknown>): void;
}

const QUEUE_LIMIT = 10;

/** The .ics paths among a command line's arguments (the program and its flags are skipped). */
export function icsPathsIn(argv: readonly string[]): string[] {
  return argv.slice(1).filter((a) => !a.startsWith('-') && /\.ics$/i.test(a));
}

export function createOpenFiles(deps: OpenFilesDeps) {
  let queue: OpenedFile[] = [];
  return {
    open(paths: readonly string[]): void {
      for (const file of paths) {
        const fileName = deps.baseName(file);
        const info = deps.stat(file);
        let entry: OpenedFile;
        if (!info || !info.isFile) entry = { fileName, error: `“${fileName}” tidak dapat dibaca atau bukan berkas. (It cannot be read or is not a file.)` };
        else if (info.size > ICS_MAX_CHARS) entry = { fileName, error: `“${fileName}” lebih dari 7 MB; pecah berkasnya lalu impor bertahap. (Larger than 7 MB.)` };
        else {
          try {
            entry = { fileName, text: deps.read(file) };
          } catch {
            entry = { fileName, error: `“${fileName}” tidak dapat dibaca. (It cannot be read.)` };
          }
        }
        deps.log('shell.open_file', { ok: 'text' in entry });
        queue = [...queue, entry].slice(-QUEUE_LIMIT);
      }
      if (paths.length) deps.notify();
    },
    take(): OpenedFile[] {
      const taken = queue;
      queue = [];
      return taken;
    },
  };
}
