import type { UpdateStatus } from '../../../../shared/contract/methods/updates';
import type { HandlerGroup } from '../../rpc/handler-types';

/**
 * The core's answer to `updates.*`: only the desktop shell can install a new version, and it
 * answers these methods before they reach the core (electron/shell/updater.ts). What reaches the
 * core comes from browser mode or tests.
 */
function unsupported(version: string, mode: string): UpdateStatus {
  return {
    state: 'unsupported',
    currentVersion: version,
    availableVersion: null,
    progress: null,
    checkedAt: null,
    message:
      mode === 'browser'
        ? 'Mode peramban diperbarui bersama kode sumbernya; pembaruan otomatis dari server kantor hanya untuk aplikasi desktop yang terpasang. (Browser mode updates with its source; automatic updates are for the installed desktop app.)'
        : 'Pembaruan otomatis hanya untuk aplikasi desktop yang terpasang. (Automatic updates are for the installed desktop app only.)',
    problem: null,
  };
}

export const updatesHandlers: HandlerGroup<'updates.status' | 'updates.check' | 'updates.install'> = {
  'updates.status': (_input, ctx) => unsupported(ctx.info.version, ctx.info.mode),
  'updates.check': (_input, ctx) => unsupported(ctx.info.version, ctx.info.mode),
  'updates.install': () => ({ restarting: false }),
};
