// The grid's filters in words, each removable (and reopened for editing with a click); the screen's own
// (the Timeline's zoomed range) are shown too, without a remove button.
import type { GridFilter } from '../../../../shared/eventGrid';
import { useApp } from '../../app/AppContext';
import { formatTime } from '../../format/formatTime';
import { columnLabel, valueText } from './gridColumns';

export function filterWords(f: GridFilter, timeZone: string): string {
  const label = columnLabel(f.column);
  switch (f.op) {
    case 'in':
      return `${label}: ${f.values.slice(0, 4).map(valueText).join(', ')}${f.values.length > 4 ? ` +${f.values.length - 4}` : ''}`;
    case 'range':
      return `${label} ${f.from ? `from ${formatTime(f.from, timeZone)}` : ''}${f.from && f.to ? ' ' : ''}${f.to ? `to ${formatTime(f.to, timeZone)}` : ''}`;
    case 'regex':
      return `${label} matches /${f.text}/`;
    case 'starts':
      return `${label} starts with “${f.text}”`;
    case 'contains':
      return `${label} ${f.not ? 'does not contain' : 'contains'} “${f.text}”`;
  }
}

interface FilterChipsProps {
  fixed: readonly GridFilter[];
  filters: readonly GridFilter[];
  onEdit: (column: string) => void;
  onRemove: (column: string) => void;
}

export function FilterChips({ fixed, filters, onEdit, onRemove }: FilterChipsProps) {
  const { timeZone } = useApp();
  if (fixed.length === 0 && filters.length === 0) return null;
  return (
    <ul className="egrid-chips" aria-label="Filters">
      {fixed.map((f, i) => (
        <li key={`fixed-${i}`} className="chip" title="Set by this screen">
          {filterWords(f, timeZone)}
        </li>
      ))}
      {filters.map((f) => (
        <li key={f.column} className="chip chip-filter" data-testid="grid-filter-chip" data-column={f.column}>
          <button type="button" className="btn link" onClick={() => onEdit(f.column)}>
            {filterWords(f, timeZone)}
          </button>
          <button
            type="button"
            className="btn link"
            onClick={() => onRemove(f.column)}
            aria-label={`Remove the filter on ${columnLabel(f.column)}`}
            data-testid="grid-filter-remove"
          >
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}
