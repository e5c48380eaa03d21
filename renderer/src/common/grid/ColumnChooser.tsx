// Which columns the grid shows: every typed column and every EventData field the scope's events carry,
// each with how many events have a value in it, so an empty column is seen to be empty before it is added.
import { useState } from 'react';
import { GRID_COLUMNS, columnInScope, type GridScope } from '../../../../shared/eventGrid';
import { useApiQuery } from '../../app/useApiQuery';
import { formatCount } from '../../format/formatNumbers';
import { ErrorNote } from '../ErrorNote';
import { columnLabel } from './gridColumns';
import { Popover } from './Popover';

interface ColumnChooserProps {
  scope: GridScope;
  shown: readonly string[];
  onChange: (columns: string[]) => void;
  onReset: () => void;
  onClose: () => void;
}

export function ColumnChooser({ scope, shown, onChange, onReset, onClose }: ColumnChooserProps) {
  const [search, setSearch] = useState('');
  const counts = useApiQuery(`grid-columns:${JSON.stringify(scope)}`, (api) =>
    api.eventGridColumns({ scope }),
  );
  const countOf = new Map(
    [...(counts.data?.columns ?? []), ...(counts.data?.dataFields ?? [])].map((c) => [c.id, c.count]),
  );
  const needle = search.trim().toLowerCase();
  const matches = (id: string, hint = '') =>
    !needle ||
    id.toLowerCase().includes(needle) ||
    columnLabel(id).toLowerCase().includes(needle) ||
    hint.toLowerCase().includes(needle);
  const toggle = (id: string) =>
    onChange(shown.includes(id) ? shown.filter((c) => c !== id) : [...shown, id]);
  const typed = GRID_COLUMNS.filter((c) => columnInScope(c, scope.kind) && matches(c.id, c.hint));
  const data = (counts.data?.dataFields ?? []).filter((f) => matches(f.id));
  const item = (id: string, label: string, hint?: string) => (
    <li key={id}>
      <label className="check" title={hint} data-testid="grid-column-option" data-column={id}>
        <input type="checkbox" checked={shown.includes(id)} onChange={() => toggle(id)} />
        <span className="egrid-value-text">{label}</span>
        <span className="muted small">{countOf.has(id) ? formatCount(countOf.get(id)!) : ''}</span>
      </label>
    </li>
  );
  return (
    <Popover label="Columns" onClose={onClose} testId="grid-columns" align="right">
      <h3>Columns</h3>
      <input
        type="search"
        placeholder="Find a column or EventData field"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        aria-label="Find a column"
      />
      {counts.error && <ErrorNote message={counts.error} />}
      <p className="muted small">
        {counts.data
          ? `How many of the ${formatCount(counts.data.total)} events have a value in each.`
          : 'Counting the events that have each column…'}
      </p>
      <div className="egrid-chooser-lists">
        <ul className="egrid-value-list">{typed.map((c) => item(c.id, c.label, c.hint))}</ul>
        <h4>EventData fields</h4>
        <ul className="egrid-value-list" aria-busy={counts.loading}>
          {data.map((f) => item(f.id, columnLabel(f.id), 'EventData'))}
          {counts.data && data.length === 0 && (
            <li className="muted small">No other EventData fields here.</li>
          )}
        </ul>
      </div>
      <button type="button" className="btn small" onClick={onReset}>
        Standard columns
      </button>
    </Popover>
  );
}
