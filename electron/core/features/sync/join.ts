/**
 * "Gabung ke kantor yang sudah ada" (issue 19 item 12): a computer on its first run joins an
 * office instead of founding one. It enrols, pulls the office's profile, accounts and data, and
 * writes nothing of its own meanwhile (no first-run profile, no local administrator): the window
 * then shows the sign-in with the office's accounts. A join that fails after enrolling leaves the
 * data folder as a fresh first run (SyncEngine.abandonJoin).
 */
import { WartaError } from '../../../../shared/contract/errors';
import type { SyncStatus } from '../../../../shared/contract/methods/sync';
import type { Caller } from '../../caller';
import { runAsSync } from '../../data/actor-scope';
import { countLocalChanges } from '../../data/change-log';
import type { CoreContext } from '../../rpc/handler-types';
import { syncEngineOf } from '../../sync/engine';
import { readOfficeProfile } from '../office/handlers';

export interface JoinInput {
  serverUrl: string;
  workspace: string;
  code: string;
  deviceName: string;
}

/** Only a computer with nothing of its own may join: anything else enrols from Settings › Sinkronisasi. */
function requireFresh(ctx: CoreContext): void {
  const accounts = ctx.db.prepare('SELECT 1 FROM staff_accounts LIMIT 1').get() !== undefined;
  if (syncEngineOf(ctx).configured || readOfficeProfile(ctx) !== null || accounts || countLocalChanges(ctx.db).count > 0)
    throw new WartaError(
      'conflict',
      'Komputer ini sudah berisi data; bergabung hanya bisa dari awal pemasangan. Daftarkan komputer ini di Pengaturan › Sinkronisasi. ' +
        '(This computer already holds data; joining is only possible on first run. Enrol it in Settings › Sync.)',
    );
}

export async function joinOffice(ctx: CoreContext, input: JoinInput, caller: Caller): Promise<SyncStatus> {
  requireFresh(ctx);
  const engine = syncEngineOf(ctx);
  // Enrolment refusals (wrong code, unreachable server, an answer that is no sync server's) leave nothing written.
  await engine.configure(input);
  let problem: string | null = null;
  try {
    const status = await runAsSync(() => engine.syncNow());
    if (status.state !== 'up_to_date')
      problem = `Data kantor belum bisa diambil: ${status.message ?? 'sinkronisasi terhenti'}. (The office's data could not be fetched.)`;
    else if (readOfficeProfile(ctx) === null)
      problem =
        'Kantor ini belum punya profil kantor. Minta administrator mengisi profil kantor di komputernya dan menyinkronkannya, lalu coba lagi. ' +
        '(This office has no office profile yet; ask the administrator to set it up and sync, then try again.)';
    else if (ctx.db.prepare('SELECT 1 FROM staff_accounts WHERE deleted_at IS NULL LIMIT 1').get() === undefined)
      problem =
        'Kantor ini belum punya akun staf yang boleh masuk di komputer ini. Minta administrator membuat akun, lalu coba lagi. ' +
        '(The office has no staff account that may sign in on this computer yet.)';
  } catch (err) {
    problem = `Data kantor belum bisa diambil: ${(err as Error).message}. (The office's data could not be fetched.)`;
  }
  if (problem) {
    await engine.abandonJoin();
    throw new WartaError('conflict', problem);
  }
  const status = engine.status();
  ctx.audit.record(caller, { action: 'sync.join', details: { serverUrl: status.serverUrl, workspace: input.workspace } });
  return status;
}
