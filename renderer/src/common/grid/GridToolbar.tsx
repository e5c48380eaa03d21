// The grid's tools above its rows: find (with next, previous and a regular-expression switch; Ctrl/Cmd+F
// comes here), group by a column, the column chooser, and export of what is shown.
import { forwardRef, type KeyboardEvent } from 'react';
import { GRID_COLUMNS, columnInScope, type GridScopeKind } from '../../../../shared/eventGrid';
import { columnLabel, groupable } from './gridColumns';
import type { ExportFormat } from './gridExport';
import type { FindState } from './useGridFind';

interface GridToolbarProps {
  find: FindState;
  onFindText: (text: string) => void;
  onFindRegex: (regex: boolean) => void;
  onFind: (direction: 'next' | 'prev') => void;
  columns: readonly string[];
  groupBy: string | undefined;
  onGroupBy: (column: string | undefined) => void;
  onColumns: () => void;
  onExport: (format: ExportFormat) => void;
  exporting: string | null;
  /** The scope's kind: its own columns (a finding's roles, a bookmark's tags) can group only there. */
  scopeKind: GridScopeKind;
}

export const GridToolbar = forwardRef<HTMLInputElement, GridToolbarProps>(
  function GridToolbar(props, findRef) {
    const { find } = props;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      props.onFind(e.shiftKey ? 'prev' : 'next');
    };
    // Any typed column can group, and any EventData field on show.
    const options = [
      ...GRID_COLUMNS.filter((c) => groupable(c.id) && columnInScope(c, props.scopeKind)).map((c) => c.id),
      ...props.columns.filter((c) => c.startsWith('data.')),
    ];
    return (
      <div className="egrid-toolbar">
        <div className="egrid-find" role="search">
          <input
            ref={findRef}
            type="search"
            placeholder="Find (Ctrl+F)"
            title="Finds text in every field of the events and in their raw XML or JSON; Enter for the next, Shift+Enter for the previous"
            value={find.text}
            onChange={(e) => props.onFindText(e.target.value)}
            onKeyDown={onKeyDown}
            aria-label="Find in the events"
            className={find.failed ? 'invalid' : undefined}
            data-testid="grid-find"
          />
          <label className="toggle" title="Treat the text as a regular expression (RE2)">
            <input
              type="checkbox"
              checked={find.regex}
              onChange={(e) => props.onFindRegex(e.target.checked)}
            />
            .*
          </label>
          <button
            type="button"
            className="btn small"
            onClick={() => props.onFind('prev')}
            disabled={!find.text}
            aria-label="Previous match"
            data-testid="grid-find-prev"
          >
            ▲
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => props.onFind('next')}
            disabled={!find.text}
            aria-label="Next match"
            data-testid="grid-find-next"
          >
            ▼
          </button>
          <span className="muted small egrid-find-status" role="status" data-testid="grid-find-status">
            {find.status}
          </span>
        </div>
        <div className="row egrid-tools">
          <label className="egrid-group">
            <span className="muted small">Group by</span>
            <select
              value={props.groupBy ?? ''}
              onChange={(e) => props.onGroupBy(e.target.value || undefined)}
              data-testid="grid-group-by"
            >
              <option value="">nothing</option>
              {options.map((id) => (
                <option key={id} value={id}>
                  {columnLabel(id)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn small"
            onClick={props.onColumns}
            data-testid="grid-columns-open"
          >
            Columns…
          </button>
          <span className="muted small">Export</span>
          {(['csv', 'jsonl'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="btn small"
              onClick={() => props.onExport(format)}
              disabled={props.exporting !== null}
              data-testid={`grid-export-${format}`}
            >
              {format.toUpperCase()}
            </button>
          ))}
          {props.exporting && (
            <span className="muted small" role="status" data-testid="grid-export-status">
              {props.exporting}
            </span>
          )}
        </div>
      </div>
    );
  },
);
