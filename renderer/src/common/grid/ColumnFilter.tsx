// One column's filter: a list of its values to tick (with how many events have each, under the grid's other
// filters), text that the value contains, starts with or matches as a regular expression (or does not
// contain), or for the time a range typed in the display time zone.
import { useState, type FormEvent } from 'react';
import type { GridFilter, GridScope, GridTextOp, GridValue } from '../../../../shared/eventGrid';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { formatCount } from '../../format/formatNumbers';
import { formatTime } from '../../format/formatTime';
import { zonedToIso } from '../../format/zonedTime';
import { ErrorNote } from '../ErrorNote';
import { columnLabel, columnSpec, valueText } from './gridColumns';
import { Popover } from './Popover';

interface ColumnFilterProps {
  column: string;
  current: GridFilter | undefined;
  scope: GridScope;
  /** The grid's other filters: the value list counts under them. */
  others: GridFilter[];
  onApply: (filter: GridFilter | null) => void;
  onClose: () => void;
  left?: number;
}

type TextMode = GridTextOp | 'not';

const TEXT_MODES: Array<[TextMode, string]> = [
  ['contains', 'contains'],
  ['starts', 'starts with'],
  ['regex', 'matches (regex)'],
  ['not', 'does not contain'],
];

function ValueList({ column, current, scope, others, onApply }: Omit<ColumnFilterProps, 'onClose' | 'left'>) {
  const [search, setSearch] = useState('');
  const ticked = new Set((current?.op === 'in' ? current.values : []).map((v) => JSON.stringify(v)));
  const [chosen, setChosen] = useState(ticked);
  const values = useApiQuery(`grid-values:${JSON.stringify([scope, others, column, search])}`, (api) =>
    api.eventGridValues({ scope, filters: others, column, search: search || undefined, limit: 200 }),
  );
  const toggle = (v: GridValue) => {
    const k = JSON.stringify(v);
    const next = new Set(chosen);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setChosen(next);
  };
  const apply = () =>
    onApply(
      chosen.size ? { column, op: 'in', values: [...chosen].map((k) => JSON.parse(k) as GridValue) } : null,
    );
  return (
    <div className="egrid-values">
      <input
        type="search"
        placeholder={`Search ${columnLabel(column).toLowerCase()} values`}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        aria-label={`Search the values of ${columnLabel(column)}`}
        data-testid="grid-values-search"
      />
      {values.error && <ErrorNote message={values.error} />}
      <ul className="egrid-value-list" aria-busy={values.loading}>
        {values.data?.values.map((v) => (
          <li key={JSON.stringify(v.value)}>
            <label className="check" data-testid="grid-value">
              <input
                type="checkbox"
                checked={chosen.has(JSON.stringify(v.value))}
                onChange={() => toggle(v.value)}
              />
              <span className="egrid-value-text">{valueText(v.value)}</span>
              <span className="muted small">{formatCount(v.count)}</span>
            </label>
          </li>
        ))}
      </ul>
      {values.data?.truncated && <p className="muted small">More values: search to narrow the list.</p>}
      <div className="row">
        <button type="button" className="btn small primary" onClick={apply} data-testid="grid-filter-apply">
          Apply
        </button>
        <button type="button" className="btn small" onClick={() => onApply(null)}>
          Clear
        </button>
      </div>
    </div>
  );
}

function TextFilter({ column, current, onApply }: Pick<ColumnFilterProps, 'column' | 'current' | 'onApply'>) {
  const start =
    current && current.op !== 'in' && current.op !== 'range'
      ? { mode: (current.not ? 'not' : current.op) as TextMode, text: current.text }
      : { mode: 'contains' as TextMode, text: '' };
  const [mode, setMode] = useState<TextMode>(start.mode);
  const [text, setText] = useState(start.text);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text) return onApply(null);
    onApply(mode === 'not' ? { column, op: 'contains', text, not: true } : { column, op: mode, text });
  };
  return (
    <form className="egrid-text-filter" onSubmit={submit}>
      <select value={mode} onChange={(e) => setMode(e.target.value as TextMode)} aria-label="How to match">
        {TEXT_MODES.map(([m, words]) => (
          <option key={m} value={m}>
            {words}
          </option>
        ))}
      </select>
      <input
        type="text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={`${columnLabel(column)} text`}
        placeholder={mode === 'regex' ? 'RE2, e.g. net\\s+user' : 'text, any case'}
        data-testid="grid-filter-text"
      />
      <div className="row">
        <button type="submit" className="btn small primary" data-testid="grid-filter-apply">
          Apply
        </button>
        <button type="button" className="btn small" onClick={() => onApply(null)}>
          Clear
        </button>
      </div>
    </form>
  );
}

function TimeFilter({ current, onApply }: Pick<ColumnFilterProps, 'current' | 'onApply'>) {
  const { timeZone } = useApp();
  const shown = (iso: string | undefined) => (iso ? formatTime(iso, timeZone).replace(/ [^ ]+$/, '') : '');
  const [from, setFrom] = useState(current?.op === 'range' ? shown(current.from) : '');
  const [to, setTo] = useState(current?.op === 'range' ? shown(current.to) : '');
  const [problem, setProblem] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = from.trim() ? zonedToIso(from, timeZone) : undefined;
    const t = to.trim() ? zonedToIso(to, timeZone) : undefined;
    if (f === null || t === null) return setProblem('Write times as 2026-03-14 09:12 (seconds optional).');
    if (f && t && f > t) return setProblem('The start is after the end.');
    onApply(
      f || t ? { column: 'time', op: 'range', ...(f ? { from: f } : {}), ...(t ? { to: t } : {}) } : null,
    );
  };
  return (
    <form className="egrid-text-filter" onSubmit={submit}>
      <label className="field">
        <span>From ({timeZone})</span>
        <input
          type="text"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          placeholder="2026-03-14 09:00"
        />
      </label>
      <label className="field">
        <span>To ({timeZone})</span>
        <input
          type="text"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          placeholder="2026-03-14 18:00"
        />
      </label>
      {problem && <p className="error-text small">{problem}</p>}
      <div className="row">
        <button type="submit" className="btn small primary" data-testid="grid-filter-apply">
          Apply
        </button>
        <button type="button" className="btn small" onClick={() => onApply(null)}>
          Clear
        </button>
      </div>
    </form>
  );
}

export function ColumnFilter(props: ColumnFilterProps) {
  const spec = columnSpec(props.column);
  const [byValue, setByValue] = useState(spec.valueList === true && props.current?.op !== 'contains');
  return (
    <Popover label={`Filter ${spec.label}`} onClose={props.onClose} testId="grid-filter" left={props.left}>
      <h3>Filter {spec.label}</h3>
      {spec.kind === 'time' ? (
        <TimeFilter current={props.current} onApply={props.onApply} />
      ) : (
        <>
          <div className="toggle-group" role="group" aria-label="Filter by">
            <button
              type="button"
              className={byValue ? 'toggle on' : 'toggle'}
              aria-pressed={byValue}
              onClick={() => setByValue(true)}
            >
              Values
            </button>
            <button
              type="button"
              className={byValue ? 'toggle' : 'toggle on'}
              aria-pressed={!byValue}
              onClick={() => setByValue(false)}
              data-testid="grid-filter-by-text"
            >
              Text
            </button>
          </div>
          {byValue ? <ValueList {...props} /> : <TextFilter {...props} />}
        </>
      )}
    </Popover>
  );
}
