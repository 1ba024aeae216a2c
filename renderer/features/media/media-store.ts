import { create } from 'zustand';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { OutletFilter } from '../../../shared/media/filters';
import type { Journalist, OutletRow, SearchHit } from '../../../shared/media/types';
import { call } from '../../api/client';

export type MediaTab = 'outlets' | 'journalists' | 'contracts' | 'lists' | 'imports';
export type OutletSort = 'name' | 'kind' | 'region' | 'pressCouncilStatus' | 'journalistCount' | 'updatedAt';
export type JournalistSort = 'name' | 'outletName' | 'beat' | 'ukwLevel' | 'ukwValidUntil';
export type Selection = { kind: 'outlet' | 'journalist' | 'contract'; id: string } | { kind: 'newOutlet' | 'newJournalist' | 'newContract' | 'import' } | null;

export const EMPTY_FILTER: OutletFilter = { kinds: [], pressCouncil: [], region: '', contract: 'any' };

interface MediaStore {
  tab: MediaTab;
  filter: OutletFilter;
  query: string;
  sort: OutletSort;
  dir: 'asc' | 'desc';
  outlets: OutletRow[];
  total: number;
  regions: string[];
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: ErrorPayload | null;
  journalists: Journalist[];
  jSort: JournalistSort;
  jDir: 'asc' | 'desc';
  ukwDays: number | null;
  hits: SearchHit[];
  selection: Selection;
  /** Bumped when media data changed, so open panels reload what they show. */
  version: number;
  /** The last deleted outlet, with undo offered. */
  lastDeleted: { id: string; name: string } | null;
  deleted(outlet: { id: string; name: string } | null): void;
  restore(): Promise<void>;
  setTab(tab: MediaTab): void;
  setFilter(patch: Partial<OutletFilter>): void;
  setQuery(query: string): void;
  setSort(sort: OutletSort): void;
  setJSort(sort: JournalistSort): void;
  setUkwDays(days: number | null): void;
  select(selection: Selection): void;
  load(): Promise<void>;
  loadJournalists(): Promise<void>;
  search(): Promise<void>;
  changed(): void;
}

export const useMediaStore = create<MediaStore>()((set, get) => ({
  tab: 'outlets',
  filter: EMPTY_FILTER,
  query: '',
  sort: 'name',
  dir: 'asc',
  outlets: [],
  total: 0,
  regions: [],
  status: 'idle',
  error: null,
  journalists: [],
  jSort: 'name',
  jDir: 'asc',
  ukwDays: null,
  hits: [],
  selection: null,
  version: 0,
  lastDeleted: null,
  deleted: (lastDeleted) => set({ lastDeleted }),
  async restore() {
    const last = get().lastDeleted;
    if (!last) return;
    const r = await call('media.outlets.restore', { id: last.id });
    if (r.ok) set({ lastDeleted: null, selection: { kind: 'outlet', id: last.id } });
  },
  setTab: (tab) => {
    set({ tab });
    if (tab === 'journalists') void get().loadJournalists();
  },
  setFilter: (patch) => {
    set({ filter: { ...get().filter, ...patch } });
    void get().load();
  },
  setQuery: (query) => set({ query }),
  setSort: (sort) => {
    set({ sort, dir: get().sort === sort && get().dir === 'asc' ? 'desc' : 'asc' });
    void get().load();
  },
  setJSort: (jSort) => {
    set({ jSort, jDir: get().jSort === jSort && get().jDir === 'asc' ? 'desc' : 'asc' });
    void get().loadJournalists();
  },
  setUkwDays: (ukwDays) => {
    set({ ukwDays });
    void get().loadJournalists();
  },
  select: (selection) => set({ selection }),
  async load() {
    if (get().status === 'idle') set({ status: 'loading' });
    const { filter, query, sort, dir } = get();
    const [list, all, regions] = await Promise.all([
      call('media.outlets.list', { filter, query, sort, dir }),
      call('media.outlets.list', { query: '' }),
      call('media.outlets.regions', {}),
    ]);
    if (!list.ok) {
      set({ status: 'failed', error: list.error });
      return;
    }
    set({ outlets: list.value, total: all.ok ? all.value.length : list.value.length, regions: regions.ok ? regions.value : [], status: 'ready', error: null });
  },
  async loadJournalists() {
    const { query, jSort, jDir, ukwDays } = get();
    const r = await call('media.journalists.list', { query, sort: jSort, dir: jDir, ukwExpiringWithinDays: ukwDays });
    if (r.ok) set({ journalists: r.value });
    else set({ error: r.error });
  },
  async search() {
    const q = get().query.trim();
    if (!q) {
      set({ hits: [] });
    } else {
      const r = await call('media.search', { query: q, limit: 12 });
      set({ hits: r.ok ? r.value : [] });
    }
    void get().load();
    if (get().tab === 'journalists') void get().loadJournalists();
  },
  changed() {
    set({ version: get().version + 1 });
    void get().load();
    if (get().tab === 'journalists') void get().loadJournalists();
  },
}));
