import { create } from 'zustand';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { AppInfo } from '../../../shared/contract/methods';
import { call } from '../../api/client';

export const useAppInfo = create<{ info: AppInfo | null; error: ErrorPayload | null; load(): Promise<void> }>()((set) => ({
  info: null,
  error: null,
  async load() {
    const result = await call('app.info', {});
    if (result.ok) set({ info: result.value, error: null });
    else set({ error: result.error });
  },
}));
