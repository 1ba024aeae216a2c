import { create } from 'zustand';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { ReleaseStatus, ReleaseSummary } from '../../../shared/releases/model';
import { call } from '../../api/client';

export interface ReleaseFilters {
  query: string;
  status: ReleaseStatus | '';
  from: string;
  to: string;
  opdId: string;
  tag: string;
  writer: string;
}

export const EMPTY_FILTERS: ReleaseFilters = { query: '', status: '', from: '', to: '', opdId: '', tag: '', writer: '' };
const PAGE = 50;

interface ReleasesStore {
  filters: ReleaseFilters;
  /** Loaded rows, in order; the list virtualizes `total` rows and asks for pages as they come into view. */
  items: ReleaseSummary[];
  total: number;
  /** The search matched more than the core counts; pages keep coming while they are full. */
  capped: boolean;
  status: 'loading' | 'ready' | 'failed';
  error: ErrorPayload | null;
  /** The release open in the editor, or null for the list. */
  openId: string | null;
  setFilters(patch: Partial<ReleaseFilters>): void;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  open(id: string | null): void;
  create(): Promise<ErrorPayload | null>;
}

let generation = 0;
let loadingMore = false;

function listInput(f: ReleaseFilters, offset: number) {
  return {
    query: f.query,
    statuses: f.status ? [f.status] : [],
    from: f.from || null,
    to: f.to || null,
    opdId: f.opdId || null,
    tag: f.tag.trim() || null,
    writer: f.writer.trim() || null,
    offset,
    limit: PAGE,
  };
}

export const useReleasesStore = create<ReleasesStore>()((set, get) => ({
  filters: EMPTY_FILTERS,
  items: [],
  total: 0,
  capped: false,
  status: 'loading',
  error: null,
  openId: null,
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
    void get().load();
  },
  async load() {
    const mine = ++generation;
    const result = await call('releases.list', listInput(get().filters, 0));
    if (mine !== generation) return; // a newer search already answered
    if (result.ok) set({ items: result.value.items, total: result.value.total, capped: result.value.capped, status: 'ready', error: null });
    else set({ status: 'failed', error: result.error });
  },
  async loadMore() {
    const { items, total, capped } = get();
    if (loadingMore || (items.length >= total && !capped)) return;
    loadingMore = true;
    const mine = generation;
    const result = await call('releases.list', listInput(get().filters, items.length));
    loadingMore = false;
    if (mine !== generation || !result.ok) return;
    const all = [...get().items, ...result.value.items];
    // Past the counted matches: grow the list while pages come back full.
    const more = result.value.items.length === PAGE;
    set({ items: all, total: Math.max(result.value.total, all.length), capped: result.value.capped && more });
  },
  open(id) {
    set({ openId: id });
    if (id === null) void get().load();
  },
  async create() {
    const result = await call('releases.create', {});
    if (!result.ok) return result.error;
    set({ openId: result.value.id });
    return null;
  },
}));
