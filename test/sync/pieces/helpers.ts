/** What the piece tests share: a real server, enrolled devices, a device's own client. */
import { createSyncClient, type FetchLike, type SyncClient } from '../../../electron/core/sync/client';
import { SyncState } from '../../../electron/core/sync/local-tables';
import { insecureFileTokenVault } from '../../../electron/core/sync/token-vault';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from '../support';

export interface Office {
  server: TestServer;
  workspace: string;
  devices: TestDevice[];
  close(): Promise<void>;
}

/** A server on 127.0.0.1 and `n` enrolled administrator devices (no background loop). */
export async function office(n: number, options: Parameters<typeof openDevice>[1] = {}): Promise<Office> {
  const server = await startTestServer();
  const workspace = (await server.server.admin.createWorkspace('Humas')).id;
  const devices: TestDevice[] = [];
  for (let i = 0; i < n; i++) {
    const d = openDevice(undefined, options);
    devices.push(d);
    await enrol(d, server.server, workspace);
  }
  const o: Office = {
    server,
    workspace,
    devices,
    async close() {
      for (const d of o.devices) {
        await d.engine.idle();
        d.cleanup();
      }
      // The server of now: a test may have restarted it.
      await o.server.close();
    },
  };
  return o;
}

/** The device's own sync client (its enrolled token), optionally through a faulty network. */
export function clientOf(d: TestDevice, url: string, fetchImpl?: FetchLike): SyncClient {
  return createSyncClient(url, () => insecureFileTokenVault(d.dir).load(), fetchImpl);
}

export const stateOf = (d: TestDevice) => new SyncState(d.core.context.db);

export const localChangeCount = (d: TestDevice) =>
  (d.core.context.db.prepare("SELECT coalesce(sum(count), 0) AS n FROM change_log WHERE origin = 'local'").get() as { n: number }).n;

/** A fetch that fails (as a dropped network would) while `down()` says so for the request. */
export function faultyFetch(down: (url: string, method: string) => boolean): FetchLike {
  return (url, init) => (down(url, init.method) ? Promise.reject(new TypeError('fetch failed')) : fetch(url, init));
}
