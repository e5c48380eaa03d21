// The event grid: every list of events (the Timeline, a coverage cell, a finding's evidence, an account's
// events) in one virtualised table over the engine's view of them. Only the rows in sight are in the page,
// fetched a page at a time as the list scrolls, so a million events scroll without paging. Filters per
// column, sort by a heading, group by a column, find with next and previous, a column chooser with every
// EventData field, and export of exactly what is shown; a row opens its raw event.
//
// Keyboard: the rows are one Tab stop; arrows, Page Up/Down, Home and End move the selection, Enter opens the
// event raw (or a group), Left/Right close and open a group, Ctrl/Cmd+F goes to find.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { GridFilter, GridRow, GridScope, GridSort, GridView } from '../../../../shared/eventGrid';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { errorText } from '../../format/errorText';
import { formatCount } from '../../format/formatNumbers';
import { ErrorNote } from '../ErrorNote';
import { ColumnChooser } from './ColumnChooser';
import { ColumnFilter } from './ColumnFilter';
import { FilterChips } from './FilterChips';
import { cellText, columnLabel, columnSpec, columnWidth, standardColumns, valueText } from './gridColumns';
import { exportGrid, type ExportFormat } from './gridExport';
import { GridHead } from './GridHead';
import { GroupedLines, plainLine, scrollGeometry, visibleLines, type GridLine } from './gridRows';
import { GridToolbar } from './GridToolbar';
import { findPattern, splitMatches } from './highlight';
import { focusFindOf, registerGrid } from './findShortcut';
import { useGridFind } from './useGridFind';
import { useGridRows } from './useGridRows';
import './EventGrid.css';

const ROW_H = 26;
const HEAD_H = 30;
const RAW_W = 52;

export interface EventGridProps {
  scope: GridScope;
  /** Filters the screen sets (the Timeline's zoomed range): applied and shown, not removed here. */
  fixedFilters?: GridFilter[];
  title?: ReactNode;
  /** Inside another panel, under its heading: no panel and no title of its own. */
  bare?: boolean;
  /** Buttons beside the title (Close). */
  actions?: ReactNode;
  testId: string;
  rowTestId: string;
  /** Test ids on some columns' cells. */
  cellTestIds?: Record<string, string>;
  columns?: string[];
  /** Starting widths of some columns (px), where the screen has less room or more to show than usual. */
  widths?: Record<string, number>;
  /** Height of the scroll box, heading included. */
  height?: number;
  emptyText?: ReactNode;
  dataAttributes?: Record<`data-${string}`, string>;
  /**
   * Changes when what the scope reads changed outside the case's rows (a bookmark set in the raw viewer):
   * the rows and groups are read again, the filters, sort and place kept.
   */
  refresh?: number;
}

type Selected = { row: number } | { group: number } | null;

/** A new scope (another cell, another finding) starts the grid over: its filters were for the old one. */
export function EventGrid(props: EventGridProps) {
  return <ScopedGrid key={JSON.stringify(props.scope)} {...props} />;
}

function ScopedGrid(props: EventGridProps) {
  const { scope, fixedFilters, testId, rowTestId, cellTestIds = {} } = props;
  const { api, timeZone, openRawEvent } = useApp();
  const [columns, setColumns] = useState<string[]>(() => props.columns ?? standardColumns(scope.kind));
  const [widths, setWidths] = useState<Record<string, number>>(() => ({ ...props.widths }));
  const [filters, setFilters] = useState<GridFilter[]>([]);
  const [sort, setSort] = useState<GridSort | undefined>();
  const [groupBy, setGroupBy] = useState<string | undefined>();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [selected, setSelected] = useState<Selected>(null);
  const [filterFor, setFilterFor] = useState<string | null>(null);
  const [chooser, setChooser] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportNote, setExportNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const body = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);

  const fixedKey = JSON.stringify(fixedFilters ?? []);
  const view: GridView = useMemo(
    () => ({ scope, filters: [...(JSON.parse(fixedKey) as GridFilter[]), ...filters], sort, groupBy }),
    [scope, fixedKey, filters, sort, groupBy],
  );
  const viewKey = JSON.stringify(view);
  const refresh = props.refresh ?? 0;
  const rows = useGridRows(view, columns, true, refresh);
  const groupsView = { scope, filters: view.filters, column: groupBy ?? '' };
  const groups = useApiQuery(
    `grid-groups:${JSON.stringify(groupsView)}:${refresh}`,
    (client) => client.eventGridGroups(groupsView),
    groupBy !== undefined,
  );
  const model = useMemo(
    () => (groupBy && groups.data ? new GroupedLines(groups.data.groups, open) : null),
    [groupBy, groups.data, open],
  );
  useEffect(() => {
    setOpen(new Set());
    setSelected(null);
    setScrollTop(0);
    if (body.current) body.current.scrollTop = 0;
  }, [viewKey]);

  const total = rows.total;
  const lines = groupBy ? (model?.count ?? 0) : (total ?? 0);
  const lineAt = useCallback(
    (i: number): GridLine | null => (model ? model.line(i) : plainLine(i, total ?? 0)),
    [model, total],
  );
  const lineOf = useCallback(
    (s: Selected): number | null => {
      if (!s) return null;
      if ('group' in s) return model ? model.headingLine(s.group) : null;
      return model ? model.lineOfRow(s.row) : s.row;
    },
    [model],
  );

  // A short list gets a short box; a horizontal scroll bar keeps its room under the last row.
  const height = Math.min(
    props.height ?? 520,
    total === null ? Infinity : HEAD_H + Math.max(lines, 3) * ROW_H + 18,
  );
  const bodyH = height - HEAD_H;
  const geometry = scrollGeometry(lines, ROW_H, bodyH);
  const listTop = geometry.listTop(scrollTop);
  const { first, last } = visibleLines(listTop, ROW_H, bodyH, lines);

  // Ask for the rows of the lines in sight.
  const { want } = rows;
  useEffect(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = first; i <= last; i++) {
      const l = lineAt(i);
      if (l?.kind === 'row') {
        lo = Math.min(lo, l.row);
        hi = Math.max(hi, l.row);
      }
    }
    if (lo <= hi) want(lo, hi);
  }, [first, last, lineAt, want]);

  /** Brings a line into view: at the nearest edge, or (`center`, for a match found) in the middle. */
  const scrollToLine = useCallback(
    (line: number, center = false) => {
      const el = body.current;
      if (!el) return;
      const top = line * ROW_H;
      const current = geometry.listTop(el.scrollTop);
      const outside = top < current || top + ROW_H > current + bodyH;
      if (center && outside) el.scrollTop = geometry.scrollTopFor(top - (bodyH - ROW_H) / 2);
      else if (top < current) el.scrollTop = geometry.scrollTopFor(top);
      else if (top + ROW_H > current + bodyH) el.scrollTop = geometry.scrollTopFor(top + ROW_H - bodyH);
      setScrollTop(el.scrollTop);
    },
    [geometry, bodyH],
  );

  const select = useCallback(
    (line: number) => {
      const l = lineAt(Math.max(0, Math.min(lines - 1, line)));
      if (!l) return;
      setSelected(l.kind === 'group' ? { group: l.group } : { row: l.row });
      scrollToLine(Math.max(0, Math.min(lines - 1, line)));
    },
    [lineAt, lines, scrollToLine],
  );

  const toggleGroup = (g: number, to?: boolean) => {
    const next = new Set(open);
    if (to ?? !next.has(g)) next.add(g);
    else next.delete(g);
    setOpen(next);
  };

  const openRow = (row: GridRow | undefined) => row && openRawEvent(row.ref);

  // Find: the row found is selected (its group opened) and scrolled to.
  const onFound = useCallback(
    (row: number) => {
      setSelected({ row });
      if (!model) return scrollToLine(row, true);
      const at = model.lineOfRow(row);
      if (at !== null) return scrollToLine(at, true);
      // Its group is closed: open it, then go to the row once the list has its lines.
      const g = model.groupOfRow(row);
      if (g < 0) return;
      const next = new Set(open).add(g);
      setOpen(next);
      const line = new GroupedLines(model.groups, next).lineOfRow(row);
      if (line !== null) requestAnimationFrame(() => scrollToLine(line, true));
    },
    [model, open, scrollToLine],
  );
  const { find, setText, setRegex, go } = useGridFind(view, onFound);
  const selectedRow = selected && 'row' in selected ? selected.row : -1;

  useEffect(
    () =>
      registerGrid(body, () => {
        findInput.current?.focus();
        findInput.current?.select();
      }),
    [],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const at = lineOf(selected) ?? -1;
    const page = Math.max(1, Math.floor(bodyH / ROW_H) - 1);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: Math.max(0, at - 1),
      PageDown: at + page,
      PageUp: Math.max(0, at - page),
      Home: 0,
      End: lines - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      select(moves[e.key]!);
      return;
    }
    const line = at >= 0 ? lineAt(at) : null;
    if (e.key === 'Enter' && line) {
      e.preventDefault();
      if (line.kind === 'group') toggleGroup(line.group);
      else openRow(rows.row(line.row));
    } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && line?.kind === 'group') {
      e.preventDefault();
      toggleGroup(line.group, e.key === 'ArrowRight');
    }
  };

  const setFilter = (column: string, filter: GridFilter | null) => {
    setFilters((fs) => [...fs.filter((f) => f.column !== column), ...(filter ? [filter] : [])]);
    setFilterFor(null);
  };
  const onSort = (column: string) =>
    setSort((s) => {
      const current = s ?? { column: 'time' };
      if (current.column !== column) return { column };
      if (!current.desc) return { column, desc: true };
      return undefined;
    });

  const startExport = (format: ExportFormat) => {
    setExporting('Exporting…');
    setExportNote(null);
    exportGrid(
      api,
      view,
      columns,
      format,
      (done, all) => setExporting(`Exporting ${formatCount(done)} of ${formatCount(all)} rows…`),
      () => false,
    )
      .then(
        (r) => r && setExportNote({ ok: true, text: `Saved ${r.filename} (${formatCount(r.rows)} rows)` }),
      )
      .catch((e: unknown) => setExportNote({ ok: false, text: `Export failed: ${errorText(e)}` }))
      .finally(() => setExporting(null));
  };

  const colWidths = columns.map((c) => widths[c] ?? columnWidth(c));
  // A column's filter opens under its heading, kept inside the grid.
  const filterLeft = (() => {
    if (!filterFor) return 0;
    const at = columns.indexOf(filterFor);
    const x =
      RAW_W +
      colWidths.slice(0, Math.max(0, at)).reduce((a, b) => a + b, 0) -
      (body.current?.scrollLeft ?? 0);
    return Math.max(0, Math.min(x, (body.current?.clientWidth ?? 800) - 360));
  })();
  const pattern = useMemo(() => findPattern(find.text, find.regex), [find.text, find.regex]);
  const innerWidth = RAW_W + colWidths.reduce((a, b) => a + b, 0);
  const drawn: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    const l = lineAt(i);
    if (!l) continue;
    const top = (i - first) * ROW_H;
    if (l.kind === 'group') {
      const g = groups.data!.groups[l.group]!;
      const isOpen = open.has(l.group);
      drawn.push(
        <div
          key={`g${l.group}`}
          role="row"
          aria-rowindex={i + 2}
          aria-expanded={isOpen}
          aria-selected={selected !== null && 'group' in selected && selected.group === l.group}
          className="egrid-group-row"
          style={{ top, width: innerWidth }}
          onClick={() => {
            setSelected({ group: l.group });
            toggleGroup(l.group);
          }}
          data-testid="grid-group"
        >
          <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> {columnLabel(groupBy!)}:{' '}
          <strong>{valueText(g.value)}</strong> <span className="muted">· {formatCount(g.count)}</span>
        </div>,
      );
      continue;
    }
    const row = rows.row(l.row);
    drawn.push(
      <div
        key={`r${l.row}`}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={l.row === selectedRow}
        className={`egrid-row${l.row === selectedRow ? ' selected' : ''}${row ? '' : ' pending'}`}
        style={{ top, width: innerWidth }}
        onClick={() => {
          setSelected({ row: l.row });
          openRow(row);
        }}
        data-testid={rowTestId}
        data-row={l.row}
      >
        <div role="gridcell" className="egrid-td egrid-raw" style={{ width: RAW_W }}>
          {row && (
            <button
              type="button"
              className="btn small"
              tabIndex={-1}
              data-testid="open-raw"
              onClick={(e) => {
                e.stopPropagation();
                setSelected({ row: l.row });
                openRow(row);
              }}
            >
              Raw
            </button>
          )}
        </div>
        {columns.map((c, ci) => {
          const text = row ? cellText(c, row.cells[ci] ?? null, row.ref, timeZone) : '';
          return (
            <div
              key={c}
              role="gridcell"
              className={`egrid-td${columnSpec(c).kind === 'number' ? ' num' : ''}${c === 'summary' || c === 'command_line' ? ' mono' : ''}`}
              style={{ width: colWidths[ci] }}
              title={text}
              data-column={c}
              data-testid={cellTestIds[c]}
            >
              {pattern && row && c !== 'time'
                ? splitMatches(text, pattern).map((s, k) =>
                    s.match ? <mark key={k}>{s.text}</mark> : s.text,
                  )
                : text}
            </div>
          );
        })}
      </div>,
    );
  }

  const loading = rows.loading || (groupBy !== undefined && groups.loading);
  const empty = total === 0;
  const layerTop = scrollTop + HEAD_H + first * ROW_H - listTop;
  const sortLabel = sort ? `${columnLabel(sort.column)} ${sort.desc ? '▼' : '▲'}` : 'time ▲';
  return (
    <section
      className={`${props.bare ? 'egrid egrid-bare' : 'panel egrid'}${loading ? ' loading' : ''}`}
      data-testid={testId}
      aria-busy={loading}
      data-total={total ?? undefined}
      {...props.dataAttributes}
    >
      {(props.title || props.actions) && (
        <div className="panel-head">
          <h2>
            {props.title}
            {loading && <span className="muted small"> · loading…</span>}
          </h2>
          {props.actions && <div className="row">{props.actions}</div>}
        </div>
      )}
      <GridToolbar
        ref={findInput}
        find={find}
        onFindText={setText}
        onFindRegex={setRegex}
        onFind={(direction) => void go(selectedRow, direction)}
        columns={columns}
        groupBy={groupBy}
        onGroupBy={setGroupBy}
        onColumns={() => setChooser(true)}
        onExport={startExport}
        exporting={exporting}
        scopeKind={scope.kind}
      />
      {exportNote && (
        <p
          className={exportNote.ok ? 'small ok-text' : 'small error-text'}
          role="status"
          data-testid="grid-export-note"
        >
          {exportNote.text}
        </p>
      )}
      <div className="egrid-status">
        <span className="muted small" data-testid="grid-total">
          {total === null ? 'Counting…' : `${formatCount(total)} ${total === 1 ? 'event' : 'events'}`}
          {` · sorted by ${sortLabel}`}
          {groupBy &&
            groups.data &&
            ` · ${formatCount(groups.data.groups.length)} groups by ${columnLabel(groupBy)}`}
        </span>
        <FilterChips
          fixed={fixedFilters ?? []}
          filters={filters}
          onEdit={(column) => setFilterFor(column)}
          onRemove={(column) => setFilter(column, null)}
        />
      </div>
      {groups.data?.truncated && (
        <p className="muted small">
          Only the first {formatCount(groups.data.groups.length)} groups are listed.
        </p>
      )}
      {(rows.error || groups.error) && <ErrorNote message={(rows.error ?? groups.error)!} />}
      <div className="egrid-anchor">
        {filterFor && (
          <ColumnFilter
            column={filterFor}
            current={filters.find((f) => f.column === filterFor)}
            scope={scope}
            others={view.filters!.filter((f) => !(f.column === filterFor && filters.includes(f)))}
            onApply={(f) => setFilter(filterFor, f)}
            onClose={() => setFilterFor(null)}
            left={filterLeft}
          />
        )}
        {chooser && (
          <ColumnChooser
            scope={scope}
            shown={columns}
            onChange={setColumns}
            onReset={() => setColumns(props.columns ?? standardColumns(scope.kind))}
            onClose={() => setChooser(false)}
          />
        )}
      </div>
      <div
        ref={body}
        className="egrid-body"
        style={{ height }}
        tabIndex={0}
        role="grid"
        aria-label={typeof props.title === 'string' ? props.title : 'Events'}
        aria-rowcount={lines + 1}
        aria-colcount={columns.length + 1}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        onFocus={() => focusFindOf(body)}
        data-testid="grid-body"
      >
        <div className="egrid-inner" style={{ width: innerWidth, height: HEAD_H + geometry.scrollHeight }}>
          <GridHead
            columns={columns}
            widths={colWidths}
            sort={sort}
            filters={view.filters!}
            onSort={onSort}
            onFilter={setFilterFor}
            onResize={(c, w) => setWidths((ws) => ({ ...ws, [c]: w }))}
            height={HEAD_H}
            rawWidth={RAW_W}
          />
          <div className="egrid-rows" style={{ top: layerTop }}>
            {drawn}
          </div>
        </div>
        {empty && (
          <div className="egrid-empty" data-testid="grid-empty">
            {view.filters!.length > filters.length || filters.length === 0 ? (
              <p className="muted">{props.emptyText ?? 'No events here.'}</p>
            ) : (
              <p className="muted">
                No events match these filters.{' '}
                <button type="button" className="btn small" onClick={() => setFilters([])}>
                  Clear the filters
                </button>
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
