// The grid's heading row: each column's name (click to sort, again to reverse, a third time back to time
// order), its filter button, and a handle to widen it. One Tab stop for the whole row; the arrow keys move
// between its buttons.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { GridFilter, GridSort } from '../../../../shared/eventGrid';
import { columnLabel, columnSpec, MIN_WIDTH } from './gridColumns';

interface GridHeadProps {
  columns: readonly string[];
  widths: readonly number[];
  sort: GridSort | undefined;
  filters: readonly GridFilter[];
  onSort: (column: string) => void;
  onFilter: (column: string) => void;
  onResize: (column: string, width: number) => void;
  height: number;
  /** Width of the leading column of Raw buttons. */
  rawWidth: number;
}

export function GridHead(props: GridHeadProps) {
  const { columns, widths, sort, filters, onSort, onFilter, onResize, height, rawWidth } = props;
  const row = useRef<HTMLDivElement>(null);
  const buttons = () => [...(row.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = all[Math.max(0, Math.min(all.length - 1, at + (e.key === 'ArrowRight' ? 1 : -1)))];
    if (!next) return;
    e.preventDefault();
    for (const b of all) b.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  };
  const resize = (column: string, start: number) => (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    const x0 = e.clientX;
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) =>
      onResize(column, Math.max(MIN_WIDTH, start + ev.clientX - x0));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const firstButton = columns.findIndex((c) => !columnSpec(c).derived);
  return (
    <div
      className="egrid-head"
      role="row"
      aria-rowindex={1}
      ref={row}
      onKeyDown={onKeyDown}
      style={{ height }}
    >
      <div className="egrid-th" role="columnheader" style={{ width: rawWidth }} aria-label="Open raw" />
      {columns.map((id, i) => {
        const spec = columnSpec(id);
        const sorted = sort?.column === id || (!sort && id === 'time');
        const desc = sorted && sort?.desc === true;
        const filtered = filters.some((f) => f.column === id);
        return (
          <div
            key={id}
            className={`egrid-th${spec.kind === 'number' ? ' num' : ''}`}
            role="columnheader"
            aria-sort={sorted ? (desc ? 'descending' : 'ascending') : 'none'}
            style={{ width: widths[i] }}
            data-column={id}
          >
            {spec.derived ? (
              <span className="egrid-th-label" title="Made from the event's fields: not sortable">
                {spec.label}
              </span>
            ) : (
              <button
                type="button"
                className="egrid-th-label"
                tabIndex={i === firstButton ? 0 : -1}
                onClick={() => onSort(id)}
                title={`Sort by ${spec.label}${spec.hint ? ` (${spec.hint})` : ''}`}
                data-testid="grid-sort"
              >
                {columnLabel(id)}
                {sorted && <span aria-hidden="true">{desc ? ' ▼' : ' ▲'}</span>}
              </button>
            )}
            {!spec.derived && (
              <button
                type="button"
                className={filtered ? 'egrid-th-filter on' : 'egrid-th-filter'}
                tabIndex={-1}
                onClick={() => onFilter(id)}
                aria-label={`Filter ${spec.label}${filtered ? ' (filtered)' : ''}`}
                title={`Filter ${spec.label}`}
                data-testid="grid-filter-open"
              >
                <svg viewBox="0 0 12 12" width="11" height="11" aria-hidden="true">
                  <path d="M1 2h10L7.2 6.6V10L4.8 11V6.6z" fill="currentColor" />
                </svg>
              </button>
            )}
            <span
              className="egrid-resize"
              aria-hidden="true"
              onPointerDown={resize(id, widths[i]!)}
              onClick={(e) => e.stopPropagation()}
            />
          </div>
        );
      })}
    </div>
  );
}
