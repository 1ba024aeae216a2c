/**
 * Updates from the office sync server (README, "Pembaruan aplikasi"): electron-updater with a
 * *generic* provider at `<server>/v1/updates/`, the device's sync token sent as
 * `Authorization: Bearer` through `requestHeaders` (the server gives installers only to enrolled,
 * non-revoked devices). Checked at start, every few hours and from the menu or Settings › Tentang;
 * a newer version downloads in the background, electron-updater verifies its sha512 against the
 * server's `latest*.yml`, and it is installed when Warta quits (or at once on request).
 *
 * This module does not import `electron`: main.ts hands it the updater and the feed, so the same
 * code runs in plain Node in the tests with electron-updater's own updater classes.
 */
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { UpdateStatus } from '../../shared/contract/methods/updates';
import type { CallResult } from '../../shared/contract/result';

export interface UpdateFeed {
  serverUrl: string;
  token: string;
}

export interface UpdateAgentOptions {
  updater: AppUpdater;
  currentVersion: string;
  /** The sync server and this device's token, or null when the device is not enrolled. */
  feed: () => Promise<UpdateFeed | null>;
  /** Null when updates can work here; otherwise why not (e.g. not an installed app). */
  unsupportedReason?: string | null;
  onStatus?: (status: UpdateStatus) => void;
  log?: (event: string, data?: Record<string, unknown>) => void;
  now?: () => number;
}

export interface UpdateAgent {
  status(): UpdateStatus;
  /** Asks the server now; resolves with the status once the check (not the download) is done. Never throws. */
  check(trigger: 'start' | 'timer' | 'menu' | 'settings'): Promise<UpdateStatus>;
  /** Quits and installs a downloaded update now; false when none is downloaded. */
  installNow(): boolean;
  /** Checks at start (after `firstDelayMs`) and then every `everyMs`; returns a function that stops. */
  schedule(firstDelayMs: number, everyMs: number): () => void;
}

/** Where electron-updater's generic provider looks: `latest.yml` and the installers are under it. */
export function updateFeedUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/v1/updates/`;
}

type Problem = NonNullable<UpdateStatus['problem']>;

/** What went wrong, in words a person can act on. electron-updater's errors carry codes and HTTP status codes. */
export function describeUpdateError(err: unknown): { problem: Problem; message: string } {
  const e = (err ?? {}) as { code?: unknown; statusCode?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const status = typeof e.statusCode === 'number' ? e.statusCode : null;
  const text = typeof e.message === 'string' ? e.message : String(err);
  if (/sha512 checksum mismatch|sha2 checksum mismatch|checksum mismatch/i.test(text))
    return {
      problem: 'checksum',
      message:
        'Berkas pembaruan yang diunduh tidak cocok dengan sidik sha512 dari server, jadi tidak dipasang. Minta administrator menerbitkan ulang pemasangnya. (The downloaded update does not match its checksum and was not installed.)',
    };
  if (status === 401 || status === 403)
    return {
      problem: 'refused',
      message:
        'Server kantor menolak perangkat ini (belum terdaftar atau aksesnya dicabut), jadi pembaruan tidak dapat diambil. Hubungi administrator. (The office server refused this device.)',
    };
  if (status === 404 && /latest[^\s]*\.yml/.test(text))
    return { problem: 'none_published', message: 'Belum ada pembaruan yang diterbitkan di server kantor untuk sistem ini. (No update is published for this system.)' };
  if (
    /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|EPIPE)$/.test(code) ||
    /net::ERR_(CONNECTION|NAME_NOT_RESOLVED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|NETWORK|TIMED_OUT)/.test(text) ||
    /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|socket hang up|timeout/i.test(text)
  )
    return { problem: 'unreachable', message: 'Server kantor tidak dapat dihubungi; pembaruan diperiksa lagi nanti. (The office server cannot be reached; will try again later.)' };
  if (code.startsWith('ERR_UPDATER_INVALID_UPDATE_INFO') || code === 'ERR_UPDATER_NO_FILES_PROVIDED' || code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND' || /Cannot parse update info|YAMLException|No files provided|valid semver version/i.test(text) || (status !== null && status >= 300))
    return {
      problem: 'bad_feed',
      message:
        'Alamat pembaruan tidak menjawab dengan data pembaruan Warta (mungkin halaman web atau proksi). Periksa alamat server sinkronisasi. (The update address did not answer with Warta update data.)',
    };
  return { problem: 'other', message: `Pembaruan gagal: ${text.split('\n')[0]?.slice(0, 200)} (Update failed.)` };
}

export function createUpdateAgent(options: UpdateAgentOptions): UpdateAgent {
  const { updater } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  let status: UpdateStatus = {
    state: options.unsupportedReason ? 'unsupported' : 'idle',
    currentVersion: options.currentVersion,
    availableVersion: null,
    progress: null,
    checkedAt: null,
    message: options.unsupportedReason ?? null,
    problem: null,
  };
  const set = (patch: Partial<UpdateStatus>) => {
    status = { ...status, ...patch };
    options.onStatus?.(status);
  };
  const fail = (err: unknown) => {
    const { problem, message } = describeUpdateError(err);
    log('updates.error', { problem, error: String((err as Error)?.message ?? err).slice(0, 300) });
    if (problem === 'none_published') set({ state: 'up_to_date', availableVersion: null, progress: null, message, problem });
    else set({ state: 'error', progress: null, message, problem });
  };

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  // Installers served by the office server; the multi-range requests of a differential download are answered by it.
  updater.on('update-available', (info: UpdateInfo) => set({ state: 'downloading', availableVersion: info.version, progress: null, message: null, problem: null }));
  updater.on('update-not-available', () => set({ state: 'up_to_date', availableVersion: null, progress: null, message: null, problem: null }));
  updater.on('download-progress', (p: ProgressInfo) => set({ state: 'downloading', progress: { percent: Math.round(p.percent * 10) / 10, transferred: p.transferred, total: p.total } }));
  updater.on('update-downloaded', (info: UpdateInfo) => {
    log('updates.downloaded', { version: info.version });
    set({ state: 'downloaded', availableVersion: info.version, progress: null, message: null, problem: null });
  });
  updater.on('error', (err: Error) => fail(err));

  let running: Promise<UpdateStatus> | null = null;
  async function checkOnce(trigger: string): Promise<UpdateStatus> {
    if (options.unsupportedReason) return status;
    let feed: UpdateFeed | null;
    try {
      feed = await options.feed();
    } catch (err) {
      fail(err);
      return status;
    }
    if (!feed) {
      set({
        state: 'not_configured',
        message:
          'Pembaruan datang dari server sinkronisasi kantor; perangkat ini belum terdaftar di server itu (Pengaturan › Sinkronisasi). (Updates come from the office sync server; this device is not enrolled.)',
        problem: null,
      });
      return status;
    }
    if (status.state === 'downloading') return status; // the download in progress carries on
    updater.setFeedURL({ provider: 'generic', url: updateFeedUrl(feed.serverUrl), useMultipleRangeRequest: true });
    updater.requestHeaders = { authorization: `Bearer ${feed.token}` };
    const downloaded = status.state === 'downloaded' ? status.availableVersion : null;
    set({ state: 'checking', checkedAt: new Date(now()).toISOString(), message: null, problem: null });
    log('updates.check', { trigger });
    try {
      const result = await updater.checkForUpdates();
      // The background download reports through events; its failure too ('error'), so no unhandled rejection here.
      result?.downloadPromise?.catch(() => undefined);
      if (!result) set({ state: 'unsupported', message: 'Pembaruan otomatis tidak aktif di sini. (Automatic updates are off here.)' });
      else if (!result.isUpdateAvailable) set({ state: 'up_to_date', availableVersion: null, progress: null });
      else if (downloaded && downloaded === result.updateInfo.version && status.state === 'checking') set({ state: 'downloaded', availableVersion: downloaded });
    } catch (err) {
      fail(err);
    }
    return status;
  }

  return {
    status: () => status,
    check(trigger) {
      // One check at a time: the menu and the timer may ask together.
      running ??= checkOnce(trigger).finally(() => {
        running = null;
      });
      return running;
    },
    installNow() {
      if (status.state !== 'downloaded') return false;
      log('updates.install_now', { version: status.availableVersion });
      updater.quitAndInstall(false, true);
      return true;
    },
    schedule(firstDelayMs, everyMs) {
      const first = setTimeout(() => void this.check('start'), firstDelayMs);
      const every = setInterval(() => void this.check('timer'), everyMs);
      first.unref?.();
      every.unref?.();
      return () => {
        clearTimeout(first);
        clearInterval(every);
      };
    },
  };
}

/** The `updates.*` methods as the main process answers them (connectCoreToIpc's `shellCalls`). */
export function updateShellCalls(agent: UpdateAgent): (method: string) => Promise<CallResult<unknown>> | null {
  return (method) => {
    if (method === 'updates.status') return Promise.resolve({ ok: true, value: agent.status() });
    if (method === 'updates.check') return agent.check('settings').then((value) => ({ ok: true, value }));
    if (method === 'updates.install') return Promise.resolve({ ok: true, value: { restarting: agent.installNow() } });
    return null;
  };
}
