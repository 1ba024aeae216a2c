/**
 * Long jobs in the window's title and the taskbar/dock (issue 17 item 5): an export, an import, a
 * large pull report `progress` events; the window shows the oldest running job — "Warta — Mengimpor
 * 40%" and the taskbar bar — and clears both when none is left. Jobs of unknown length show an
 * indeterminate bar. Electron's window comes in as a small interface (tested with stand-ins).
 */
import type { EventMap } from '../../shared/contract/events';

export interface ProgressWindow {
  isDestroyed(): boolean;
  setTitle(title: string): void;
  setProgressBar(progress: number, options?: { mode: 'normal' | 'indeterminate' | 'none' }): void;
}

type Progress = EventMap['progress'];
const BASE_TITLE = 'Warta';

export function createProgressDisplay(window: () => ProgressWindow | null) {
  const running = new Map<string, Progress>();
  const show = () => {
    const win = window();
    if (!win || win.isDestroyed()) return;
    const job = running.values().next().value as Progress | undefined;
    if (!job) {
      win.setTitle(BASE_TITLE);
      win.setProgressBar(-1, { mode: 'none' });
      return;
    }
    if (job.total && job.total > 0) {
      const fraction = Math.min(1, Math.max(0, job.done / job.total));
      win.setTitle(`${BASE_TITLE} — ${job.label} ${Math.floor(fraction * 100)}%`);
      win.setProgressBar(fraction, { mode: 'normal' });
    } else {
      win.setTitle(`${BASE_TITLE} — ${job.label}`);
      // Electron: a value above 1 with mode indeterminate shows a moving bar where the OS has one.
      win.setProgressBar(2, { mode: 'indeterminate' });
    }
  };
  return {
    update(p: Progress) {
      if (p.finished) running.delete(p.jobId);
      else running.set(p.jobId, p);
      show();
    },
    /** A new window (reopened from the tray) shows the state at once. */
    refresh: show,
  };
}
