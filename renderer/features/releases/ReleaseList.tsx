import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatDate, instantFromZoned } from '../../../shared/format/dates';
import { RELEASE_STATUSES, type ReleaseStatus, type ReleaseSummary } from '../../../shared/releases/model';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { DateTimeInput } from '../../components/DateTimeInput';
import { useT } from '../../i18n/use-t';
import { useOpdStore } from '../settings/opd-store';
import { useCan } from '../people/session-store';
import { EMPTY_FILTERS, useReleasesStore } from './releases-store';

const ROW_HEIGHT = 64;
const ROW_HEIGHT_SNIPPET = 84;

export function StatusBadge({ status }: { status: ReleaseStatus }) {
  const { t } = useT();
  return <span className={`rel-badge rel-badge--${status}`}>{t(`releases.status.${status}`)}</span>;
}

export function shortDate(iso: string, language: 'id' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (!y) return iso;
  return formatDate(instantFromZoned({ year: y, month: m, day: d, hour: 12, minute: 0 }, 'WIB'), 'WIB', language);
}

export function ReleaseList() {
  const { t, language } = useT();
  const { filters, items, total, capped, status, error, setFilters, load, loadMore, open, create } = useReleasesStore();
  const count = capped ? Math.max(total, items.length) + 1 : total;
  const opds = useOpdStore((s) => s.items);
  const [query, setQuery] = useState(filters.query);
  const [createError, setCreateError] = useState<Awaited<ReturnType<typeof create>>>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchId = useId();
  const statusId = useId();
  const opdId = useId();
  // Only roles the core lets write get the button (the core refuses releases.create otherwise).
  const canWrite = useCan('releases.write');

  useEffect(() => {
    void load();
  }, [load]);

  // Search as the user types, a moment after the last key.
  useEffect(() => {
    if (query === filters.query) return;
    const timer = setTimeout(() => setFilters({ query }), 150);
    return () => clearTimeout(timer);
  }, [query, filters.query, setFilters]);

  const rowHeight = filters.query.trim() ? ROW_HEIGHT_SNIPPET : ROW_HEIGHT;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 8 });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows[virtualRows.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= items.length - 20 && (items.length < total || capped)) void loadMore();
  }, [lastIndex, items.length, total, capped, loadMore]);

  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, index: number, item: ReleaseSummary | undefined) => {
    if ((event.key === 'Enter' || event.key === ' ') && item) {
      event.preventDefault();
      open(item.id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(count - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() => (scrollRef.current?.querySelector(`[data-index="${next}"]`) as HTMLElement | null)?.focus());
    }
  };

  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);
  return (
    <section className="page rel-page" aria-labelledby="page-title">
      <div className="rel-head">
        <PageHeading>{t('releases.title')}</PageHeading>
        {canWrite ? (
          <button type="button" className="button button--primary" onClick={async () => setCreateError(await create())}>
            {t('releases.new')}
          </button>
        ) : null}
      </div>
      {createError ? <ErrorMessage error={createError} /> : null}
      <div className="rel-filters" role="search">
        <div className="field rel-filters__search">
          <label className="field__label" htmlFor={searchId}>
            {t('releases.search')}
          </label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${searchId}-hint`} />
          <p id={`${searchId}-hint`} className="field__hint">
            {t('releases.search.hint')}
          </p>
        </div>
        <div className="rel-filter">
          <label htmlFor={statusId}>{t('releases.filter.status')}</label>
          <select id={statusId} value={filters.status} onChange={(e) => setFilters({ status: e.target.value as ReleaseStatus | '' })}>
            <option value="">{t('releases.filter.allStatuses')}</option>
            {RELEASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`releases.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="rel-filter">
          <span>{t('releases.filter.from')}</span>
          <DateTimeInput kind="date" quiet value={filters.from} onChange={(from) => isFilterDate(from) && setFilters({ from })} />
        </label>
        <label className="rel-filter">
          <span>{t('releases.filter.to')}</span>
          <DateTimeInput kind="date" quiet value={filters.to} onChange={(to) => isFilterDate(to) && setFilters({ to })} />
        </label>
        <div className="rel-filter">
          <label htmlFor={opdId}>{t('releases.filter.opd')}</label>
          <select id={opdId} value={filters.opdId} onChange={(e) => setFilters({ opdId: e.target.value })}>
            <option value="">{t('releases.filter.allOpd')}</option>
            {opds.map((o) => (
              <option key={o.id} value={o.id}>
                {o.abbreviation || o.name}
              </option>
            ))}
          </select>
        </div>
        <label className="rel-filter">
          <span>{t('releases.filter.tag')}</span>
          <input type="text" value={filters.tag} onChange={(e) => setFilters({ tag: e.target.value })} />
        </label>
        <label className="rel-filter">
          <span>{t('releases.filter.writer')}</span>
          <input type="text" value={filters.writer} onChange={(e) => setFilters({ writer: e.target.value })} />
        </label>
        {filtered ? (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              setQuery('');
              setFilters(EMPTY_FILTERS);
            }}
          >
            {t('releases.filter.clear')}
          </button>
        ) : null}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <p className="rel-count" aria-live="polite">
        {status === 'loading' ? t('releases.loading') : t(capped ? 'releases.countMore' : 'releases.count', { count: total.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB') })}
      </p>
      {status === 'ready' && total === 0 ? <p className="rel-empty">{filtered ? t('releases.noMatch') : t('releases.empty')}</p> : null}
      <div className="rel-list" ref={scrollRef} role="list" aria-label={t('releases.title')}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((row) => {
            const item = items[row.index];
            return (
              <div
                key={row.key}
                role="listitem"
                data-index={row.index}
                tabIndex={0}
                className="rel-row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${row.start}px)` }}
                onClick={() => item && open(item.id)}
                onKeyDown={(e) => onRowKey(e, row.index, item)}
                aria-label={item ? `${item.title || '—'}, ${t(`releases.status.${item.status}`)}` : t('releases.loading')}
              >
                {item ? <Row item={item} /> : <span className="rel-row__loading">{t('releases.loading')}</span>}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

function Row({ item }: { item: ReleaseSummary }) {
  const { t, language } = useT();
  return (
    <>
      <div className="rel-row__main">
        <StatusBadge status={item.status} />
        {item.embargoed ? <span className="rel-badge rel-badge--embargo">{t('releases.embargoMark')}</span> : null}
        {item.numberConflict ? <span className="rel-badge rel-badge--conflict">{t('releases.conflictMark')}</span> : null}
        <span className="rel-row__title">{item.title || '—'}</span>
      </div>
      <div className="rel-row__meta">
        <span className="rel-row__number">{item.number ?? t('releases.noNumber')}</span>
        <span>{shortDate(item.releaseDate, language)}</span>
        <span>{item.writer}</span>
        {item.opdName ? <span>{item.opdName}</span> : null}
        {item.tags.length ? <span className="rel-row__tags">{item.tags.map((tag) => `#${tag}`).join(' ')}</span> : null}
      </div>
      {item.snippet ? <div className="rel-row__snippet">{item.snippet}</div> : null}
    </>
  );
}

/** The list keeps its filter while the text is not a date yet; the field says so itself. */
const isFilterDate = (v: string) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v);
