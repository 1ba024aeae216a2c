/**
 * Printing, with a real core making the PDFs (real SQLite, the export the "Unduh" button uses) and
 * Electron as a stand-in: the preview window gets the PDF from app://warta/__print/…, in the paper
 * asked for; no printer, a bad request or a release that does not exist give a clear error and
 * open nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { releaseCore, writeBody } from '../../core/releases/helpers';
import { FakeWindow, resetFakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());
const electron = (await import('electron')) as unknown as FakeElectron;
const { startDesktop } = await import('../../../electron/shell/desktop');

const fixtures: { cleanup(): void }[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.cleanup();
  resetFakeElectron(electron);
});

async function setup() {
  const fx = await releaseCore(Date.UTC(2026, 5, 1, 2, 0));
  fixtures.push(fx);
  const release = await fx.core.invoke('releases.create', { title: 'Pembukaan Pasar Rakyat Sukamaju' });
  await writeBody(fx.core, release.id, 'Wali Kota membuka pasar rakyat yang menampung 300 pedagang.');
  const win = new FakeWindow();
  const desktop = startDesktop({ core: fx.core, logger: fx.logger, platform: 'win32', language: () => 'id', installMenu: () => undefined, window: () => win as never, openWindow: () => undefined });
  return { fx, desktop, win, releaseId: release.id };
}

const mediaBox = (pdf: Uint8Array) => /\/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(Buffer.from(pdf).toString('latin1'))?.slice(1).map(Number);

describe('print', () => {
  it('a release in F4 opens in a preview window, served once from app://warta/__print/ as the PDF', async () => {
    const { desktop, releaseId } = await setup();
    const result = await desktop.shellCalls('print.open', { kind: 'release', id: releaseId, paper: 'F4' });
    expect(result).toMatchObject({ ok: true, value: { opened: true, printers: 1 } });
    expect(electron.record.windows).toHaveLength(1);
    const preview = electron.record.windows[0]!;
    expect(preview.url).toMatch(/^app:\/\/warta\/__print\/[0-9a-f]{32}\.pdf$/);
    expect(preview.options.title).toMatch(/^Cetak — .*\.pdf$/);
    expect(preview.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true });
    expect(preview.options).not.toHaveProperty('webPreferences.preload');
    const pdf = desktop.print.document(preview.url!)!;
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // F4 is 215 × 330 mm.
    const [w, h] = mediaBox(pdf)!;
    expect(Math.round((w! / 72) * 25.4)).toBe(215);
    expect(Math.round((h! / 72) * 25.4)).toBe(330);
    // Closing the preview forgets the document; other addresses were never served.
    preview.emit('closed');
    expect(desktop.print.document(preview.url!)).toBeNull();
    expect(desktop.print.document('app://warta/__print/../index.html')).toBeNull();
  });

  it('the day sheet prints in A4 (landscape, as the core lays it out)', async () => {
    const { desktop } = await setup();
    const result = await desktop.shellCalls('print.open', { kind: 'daySheet', leaderId: null, date: '2026-06-01', days: 1, paper: 'A4' });
    expect(result).toMatchObject({ ok: true });
    const [w, h] = mediaBox(desktop.print.document(electron.record.windows[0]!.url!)!)!;
    expect([Math.round((w! / 72) * 25.4), Math.round((h! / 72) * 25.4)]).toEqual([297, 210]);
  });

  it('no printer installed: a clear message, nothing opened', async () => {
    const { desktop, win, releaseId } = await setup();
    win.webContents.printers = [];
    const result = await desktop.shellCalls('print.open', { kind: 'release', id: releaseId });
    expect(result).toMatchObject({ ok: false, error: { code: 'no_printer', message: expect.stringMatching(/Tidak ada printer terpasang/) } });
    expect(electron.record.windows).toHaveLength(0);
  });

  it('bad requests: wrong kind, a release that does not exist, a bad date; nothing opened, the core keeps serving', async () => {
    const { desktop, fx } = await setup();
    expect(await desktop.shellCalls('print.open', { kind: 'poster', id: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await desktop.shellCalls('print.open', { kind: 'release', id: '0190a6c2-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await desktop.shellCalls('print.open', { kind: 'daySheet', leaderId: null, date: '1 Juni', days: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(electron.record.windows).toHaveLength(0);
    expect(desktop.shellCalls('releases.list', {})).toBeNull();
    expect(await fx.core.call('print.open', { kind: 'release', id: '0190a6c2-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'desktop_only' } });
  });
  it('any exported PDF (a report, an attendance list) prints as it is; what is not a PDF is refused, nothing opened', async () => {
    const { fx, desktop } = await setup();
    const report = await fx.core.invoke('reports.export', { period: { kind: 'custom', from: '2026-05-01', to: '2026-05-31' }, format: 'pdf', signer: '' });
    const result = await desktop.shellCalls('print.open', { kind: 'pdf', fileName: report.fileName, base64: report.base64 });
    expect(result).toMatchObject({ ok: true, value: { opened: true } });
    const preview = electron.record.windows[0]!;
    expect(preview.options.title).toBe(`Cetak — ${report.fileName}`);
    expect(Buffer.from(desktop.print.document(preview.url!)!).equals(Buffer.from(report.base64, 'base64'))).toBe(true);
    for (const bad of [
      { kind: 'pdf', fileName: 'surat.docx', base64: Buffer.from('PK\u0003\u0004 bukan pdf').toString('base64') },
      { kind: 'pdf', fileName: '', base64: report.base64 },
      { kind: 'pdf', fileName: 'a.pdf', base64: report.base64, extra: 1 },
    ]) {
      const r = await desktop.shellCalls('print.open', bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Permintaan cetak tidak sah.' } });
    }
    expect(electron.record.windows).toHaveLength(1);
  });
});
