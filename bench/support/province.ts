/**
 * A province server: many devices enrolled and connected for notices, pushing at once. Every
 * answer is checked (HTTP 200, every change accepted); every device's notice socket must stay
 * open. Latency is per push, from request to answer.
 */
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { percentile } from '../results-format';
import { enrolDevice, pushChecked, writerChanges, type BenchDevice, type ServerProcess } from './sync-server-process';

export interface ProvinceOptions {
  devices: number;
  changesPerPush: number;
  concurrency: number;
  rounds: number;
}

export interface ProvinceFigures {
  p50: number;
  p99: number;
  rssMb: number;
  pushes: number;
  fanoutMs: number;
  fullPullMs: number;
  fullPullChanges: number;
}

export async function provinceRun(server: ServerProcess, o: ProvinceOptions): Promise<ProvinceFigures> {
  const ws = (await server.admin('/v1/admin/workspaces', { name: 'Provinsi' })).id as string;
  const devices: BenchDevice[] = [];
  for (let i = 0; i < o.devices; i++) devices.push(await enrolDevice(server.url, server.admin, ws, 'writer', `perangkat ${i}`));
  const sockets: WebSocket[] = [];
  const heads = new Map<WebSocket, number>();
  try {
    for (const d of devices) {
      const s = new WebSocket(`${server.url.replace('http', 'ws')}/v1/notices`, [`warta.${d.token}`]);
      await new Promise((resolve, reject) => {
        s.once('open', resolve);
        s.once('error', reject);
      });
      s.on('message', (data) => heads.set(s, (JSON.parse(String(data)) as { head: number }).head));
      sockets.push(s);
    }
    const latencies: number[] = [];
    // Round 0 warms up (connections opened, code compiled), as a province server that has been
    // running does; the figures come from the rounds after it.
    for (let round = 0; round <= o.rounds; round++) {
      let next = 0;
      const worker = async () => {
        for (;;) {
          const i = next++;
          if (i >= devices.length) return;
          const d = devices[i] as BenchDevice;
          const changes = writerChanges(d, o.changesPerPush);
          const t0 = performance.now();
          await pushChecked(server.url, d, changes);
          if (round > 0) latencies.push(performance.now() - t0);
        }
      };
      await Promise.all(Array.from({ length: o.concurrency }, worker));
    }
    // One more push: how long until every other device has heard of it.
    const last = devices[0] as BenchDevice;
    const t0 = performance.now();
    const { head } = await pushChecked(server.url, last, writerChanges(last, o.changesPerPush));
    while (sockets.some((s) => (heads.get(s) ?? 0) < head)) {
      if (performance.now() - t0 > 30_000) throw new Error('notices did not reach every device within 30 s');
      await new Promise((r) => setTimeout(r, 2));
    }
    const fanoutMs = performance.now() - t0;
    if (sockets.some((s) => s.readyState !== s.OPEN)) throw new Error('a notice socket closed during the run');
    // A fresh device's full pull of everything pushed.
    const fresh = devices[1] as BenchDevice;
    const p0 = performance.now();
    let after = 0;
    let got = 0;
    for (;;) {
      const r = await fetch(`${server.url}/v1/pull?after=${after}&maxBytes=2097152`, { headers: { authorization: `Bearer ${fresh.token}` } });
      if (r.status !== 200) throw new Error(`pull: HTTP ${r.status}`);
      const page = (await r.json()) as { changes: unknown[]; cursor: number; more: boolean };
      got += page.changes.length;
      after = page.cursor;
      if (!page.more) break;
    }
    const fullPullMs = performance.now() - p0;
    const expected = (o.devices * (o.rounds + 1) + 1) * o.changesPerPush;
    if (got !== expected) throw new Error(`full pull: ${got} changes, expected ${expected}`);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rssMb: server.rssMb(), pushes: latencies.length, fanoutMs, fullPullMs, fullPullChanges: got };
  } finally {
    for (const s of sockets) s.terminate();
  }
}
