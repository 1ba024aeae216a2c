import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';

export interface Column<T> {
  key: string;
  label: string;
  /** Set when the column sorts; the header becomes a button. */
  sortKey?: string;
  width?: string;
  render: (row: T) => ReactNode;
}

interface VirtualTableProps<T> {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  rowLabel: (row: T) => string;
  onOpen: (row: T) => void;
  sort?: string;
  dir?: 'asc' | 'desc';
  onSort?: (key: string) => void;
  testId?: string;
}

const ROW_HEIGHT = 40;

/**
 * A long list drawn a screenful at a time: only the visible rows are in the DOM, so 5,000
 * people scroll as smoothly as 50. The table keeps its semantics (aria-rowcount, aria-rowindex,
 * aria-sort) and each row opens with Enter or a click; arrow keys move between rows.
 */
export function VirtualTable<T>({ label, rows, columns, rowKey, rowLabel, onOpen, sort, dir, onSort, testId }: VirtualTableProps<T>) {
  const { t } = useT();
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const template = columns.map((c) => c.width ?? 'minmax(0, 1fr)').join(' ');

  function onKey(event: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(row);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() => parentRef.current?.querySelector<HTMLElement>(`[aria-rowindex="${next + 2}"]`)?.focus());
    }
  }

  return (
    <div className="vtable" ref={parentRef} data-testid={testId}>
      <table className="vtable__table" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1} style={{ gridTemplateColumns: template }}>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={c.sortKey && sort === c.sortKey ? (dir === 'desc' ? 'descending' : 'ascending') : undefined}>
                {c.sortKey && onSort ? (
                  <button type="button" className="vtable__sort" onClick={() => onSort(c.sortKey as string)} aria-label={t('media.sortBy', { column: c.label })}>
                    {c.label}
                    <span aria-hidden="true">{sort === c.sortKey ? (dir === 'desc' ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
          {items.map((item) => {
            const row = rows[item.index] as T;
            return (
              <tr
                key={rowKey(row)}
                aria-rowindex={item.index + 2}
                tabIndex={0}
                className="vtable__row"
                style={{ gridTemplateColumns: template, height: ROW_HEIGHT }}
                aria-label={rowLabel(row)}
                onClick={() => onOpen(row)}
                onKeyDown={(e) => onKey(e, item.index, row)}
              >
                {columns.map((c, i) =>
                  i === 0 ? (
                    <th key={c.key} scope="row">
                      {c.render(row)}
                    </th>
                  ) : (
                    <td key={c.key}>{c.render(row)}</td>
                  ),
                )}
              </tr>
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
