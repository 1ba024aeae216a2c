import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { PrintRequest } from '../../../shared/contract/methods';
import type { CallResult } from '../../../shared/contract/result';
import { call } from '../../api/client';
import { useAppInfo } from '../settings/app-info-store';

/** What every export call answers with (releases, day sheets, reports, attendance lists). */
export type ExportedPdf = { fileName: string; base64: string };
type Made = CallResult<ExportedPdf | object>;

/**
 * Printing (issue 17 item 4). In the desktop app the shell opens a print preview whose print
 * button opens the OS print dialog (`print.open`); in browser mode the same PDF opens in a new
 * tab, where the browser's own print button does the same.
 *
 * `print` takes a release or a day sheet, which the shell makes itself. `printExport` prints any
 * exported PDF — pass the export call, e.g. `() => call('reports.export', { …, format: 'pdf' })`:
 * the window makes it and hands it to the shell (`kind: 'pdf'`).
 */
export function usePrint() {
  const mode = useAppInfo((s) => s.info?.mode);
  const [printing, setPrinting] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    if (!useAppInfo.getState().info) void useAppInfo.getState().load();
  }, []);

  /** Browser mode: the tab is opened inside the click (a popup blocker lets that through), filled once the PDF is made. */
  async function inTab(make: () => Promise<Made>): Promise<void> {
    const tab = window.open('', '_blank');
    const r = await make();
    if (!r.ok || !('base64' in r.value)) {
      tab?.close();
      if (!r.ok) setError(r.error);
      return;
    }
    if (!tab) {
      setError({ code: 'forbidden', message: 'Peramban menolak membuka tab baru. Izinkan jendela pop-up untuk Warta, lalu coba lagi.' });
      return;
    }
    const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    tab.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async function run(desktop: () => Promise<CallResult<unknown>>, browser: () => Promise<Made>): Promise<void> {
    setError(null);
    setPrinting(true);
    try {
      if (mode === 'electron') {
        const r = await desktop();
        if (!r.ok) setError(r.error);
      } else await inTab(browser);
    } finally {
      setPrinting(false);
    }
  }

  function print(request: Exclude<PrintRequest, { kind: 'pdf' }>): Promise<void> {
    return run(
      () => call('print.open', request),
      () =>
        request.kind === 'release'
          ? call('releases.export', { id: request.id, format: 'pdf', paper: request.paper ?? 'A4' })
          : call('agenda.daySheet', { leaderId: request.leaderId, date: request.date, days: request.days ?? 1, format: 'pdf', paper: request.paper ?? 'A4' }),
    );
  }

  function printExport(make: () => Promise<CallResult<ExportedPdf>>): Promise<void> {
    return run(async () => {
      const r = await make();
      return r.ok ? call('print.open', { kind: 'pdf', fileName: r.value.fileName, base64: r.value.base64 }) : r;
    }, make);
  }

  return { print, printExport, printing, error };
}
