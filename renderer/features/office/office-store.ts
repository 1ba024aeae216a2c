import { create } from 'zustand';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { CallResult } from '../../../shared/contract/result';
import type { OfficeProfile, OfficeProfileInput } from '../../../shared/office/profile';
import { call } from '../../api/client';

interface OfficeStore {
  /** `loading` only before the first answer; reloads keep showing the last profile. */
  status: 'loading' | 'ready' | 'failed';
  /** null: first run (no profile saved yet). */
  profile: OfficeProfile | null;
  error: ErrorPayload | null;
  /**
   * True while first run joins an existing office (sync.join): the office's profile may arrive
   * before its accounts, and first run must stay until the join has them all.
   */
  joining: boolean;
  setJoining(joining: boolean): void;
  load(): Promise<void>;
  save(input: OfficeProfileInput): Promise<CallResult<OfficeProfile>>;
}

export const useOfficeStore = create<OfficeStore>()((set) => ({
  status: 'loading',
  profile: null,
  error: null,
  joining: false,
  setJoining(joining) {
    set({ joining });
  },
  async load() {
    const result = await call('office.get', {});
    if (result.ok) set({ status: 'ready', profile: result.value, error: null });
    else set((s) => ({ status: s.status === 'ready' ? 'ready' : 'failed', error: result.error }));
  },
  async save(input) {
    const result = await call('office.save', input);
    if (result.ok) set({ status: 'ready', profile: result.value, error: null });
    return result;
  },
}));
