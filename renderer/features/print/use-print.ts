import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { PrintRequest } from '../../../shared/contract/methods';
import { call } from '../../api/client';
import { useAppInfo } from '../settings/app-info-store';

/**
 * Printing a release or a day sheet (issue 17 item 4). In the desktop app the shell opens a print
 * preview of the core's PDF whose print button opens the OS print dialog (`print.open`); in browser
 * mode the same PDF opens in a new tab, where the browser's own print button does the same.
 */
export function usePrint() {
  const mode = useAppInfo((s) => s.info?.mode);
  const [printing, setPrinting] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    if (!useAppInfo.getState().info) void useAppInfo.getState().load();
  }, []);

  async function print(request: PrintRequest): Promise<void> {
    setError(null);
    // Browser mode: the tab is opened inside the click (a popup blocker lets that through), filled once the PDF is made.
    const tab = mode === 'electron' ? null : window.open('', '_blank');
    setPrinting(true);
    try {
      if (mode === 'electron') {
        const r = await call('print.open', request);
        if (!r.ok) setError(r.error);
        return;
      }
      const r =
        request.kind === 'release'
          ? await call('releases.export', { id: request.id, format: 'pdf', paper: request.paper ?? 'A4' })
          : await call('agenda.daySheet', { leaderId: request.leaderId, date: request.date, days: request.days ?? 1, format: 'pdf', paper: request.paper ?? 'A4' });
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
    } finally {
      setPrinting(false);
    }
  }

  return { print, printing, error };
}
