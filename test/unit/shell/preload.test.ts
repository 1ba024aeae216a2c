/**
 * The preload with stand-ins for contextBridge and ipcRenderer: the page gets exactly
 * { invoke, on }, and never the IPC event object.
 */
import { describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, ...args: unknown[]) => void;
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, Set<Listener>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.invoked.push(args);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
    on: (channel: string, l: Listener) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)?.add(l);
    },
    removeListener: (channel: string, l: Listener) => fake.listeners.get(channel)?.delete(l),
  },
}));

await import('../../../electron/shell/preload');
const { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT } = await import('../../../shared/contract/wire');

interface Bridge {
  invoke(method: unknown, input: unknown): Promise<unknown>;
  on(listener: (...args: unknown[]) => void): () => void;
}

describe('preload', () => {
  const bridge = fake.exposed.get('wartaBridge') as Bridge;

  it('exposes exactly wartaBridge with invoke and on', () => {
    expect([...fake.exposed.keys()]).toEqual(['wartaBridge']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke sends method and input on the call channel only', async () => {
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({ ok: true, value: 'answer' });
    expect(fake.invoked).toEqual([[IPC_CHANNEL_CALL, 'app.info', {}]]);
    await expect(bridge.invoke(42, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(fake.invoked).toHaveLength(1);
  });

  it('on delivers (name, payload) without the IPC event, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = bridge.on((...args) => seen.push(args));
    const emit = (...args: unknown[]) => fake.listeners.get(IPC_CHANNEL_EVENT)?.forEach((l) => l({ sender: 'ipcRenderer!' }, ...args));
    emit('data.changed', { tables: ['opd'] });
    emit('not.an.event', { x: 1 });
    expect(seen).toEqual([['data.changed', { tables: ['opd'] }]]);
    off();
    emit('data.changed', { tables: ['opd'] });
    expect(seen).toHaveLength(1);
    expect(fake.listeners.get(IPC_CHANNEL_EVENT)?.size).toBe(0);
  });
});
