import { create } from 'zustand';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { CallResult } from '../../../shared/contract/result';
import type { Opd, OpdInput } from '../../../shared/office/opd';
import { call } from '../../api/client';

export type OpdNotice = { kind: 'deleted' | 'restored'; opd: Opd };

interface OpdStore {
  items: Opd[];
  status: 'loading' | 'ready' | 'failed';
  error: ErrorPayload | null;
  /** The last delete or restore, with the undo offered for a delete. */
  notice: OpdNotice | null;
  load(): Promise<void>;
  save(input: OpdInput): Promise<CallResult<Opd>>;
  remove(opd: Opd): Promise<ErrorPayload | null>;
  restore(opd: Opd): Promise<ErrorPayload | null>;
  dismissNotice(): void;
}

export const useOpdStore = create<OpdStore>()((set, get) => ({
  items: [],
  status: 'loading',
  error: null,
  notice: null,
  async load() {
    const result = await call('opd.list', { includeDeleted: false });
    if (result.ok) set({ items: result.value, status: 'ready', error: null });
    else set({ status: get().status === 'ready' ? 'ready' : 'failed', error: result.error });
  },
  async save(input) {
    const result = await call('opd.save', input);
    if (result.ok) await get().load();
    return result;
  },
  async remove(opd) {
    const result = await call('opd.delete', { id: opd.id });
    if (!result.ok) return result.error;
    set({ notice: { kind: 'deleted', opd: result.value } });
    await get().load();
    return null;
  },
  async restore(opd) {
    const result = await call('opd.restore', { id: opd.id });
    if (!result.ok) return result.error;
    set({ notice: { kind: 'restored', opd: result.value } });
    await get().load();
    return null;
  },
  dismissNotice: () => set({ notice: null }),
}));
