// The rows a query returned, with its timing and whether the engine cut the result short.
import type { SqlResult } from '../../../../shared/api';
import { downloadFile } from '../../common/downloadFile';
import { formatCount, formatDuration } from '../../format/formatNumbers';
import { toCsv } from './toCsv';
import { useApp } from '../../app/AppContext';
import { formatTime } from '../../format/formatTime';
import './sql.css';

// DuckDB returns timestamps as ISO-like text; the case stores UTC, so a value without a zone is UTC.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

function Cell({ value }: { value: unknown }) {
  const { timeZone } = useApp();
  if (value == null) return <span className="null">NULL</span>;
  if (typeof value === 'string' && TIMESTAMP.test(value)) {
    const iso = /(Z|[+-]\d{2}(:?\d{2})?)$/.test(value)
      ? value.replace(' ', 'T')
      : `${value.replace(' ', 'T')}Z`;
    return <span title={value}>{formatTime(iso, timeZone)}</span>;
  }
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return <span title={text.length > 40 ? text : undefined}>{text}</span>;
}

export function SqlResultGrid({ result, name }: { result: SqlResult; name: string }) {
  const exportCsv = () =>
    downloadFile(`${name}-result.csv`, 'text/csv;charset=utf-8', toCsv(result.columns, result.rows));

  return (
    <section className="panel" data-testid="sql-result">
      <div className="panel-head">
        <h2>
          <span data-testid="sql-row-count">{formatCount(result.rows.length)}</span> rows ·{' '}
          <span data-testid="sql-elapsed">{formatDuration(result.elapsedMs)}</span>
        </h2>
        <button
          type="button"
          className="btn"
          onClick={exportCsv}
          disabled={result.columns.length === 0}
          data-testid="sql-export-csv"
        >
          Export CSV
        </button>
      </div>
      {result.truncated && (
        <p className="note" data-testid="sql-truncated">
          Truncated: only the first {formatCount(result.rows.length)} rows are shown and exported
          {result.truncatedBy === 'bytes'
            ? ' (the result reached the 8 MiB the console sends back; long values are cut)'
            : ''}
          . Add a WHERE or LIMIT, or select fewer columns, to narrow the query.
        </p>
      )}
      {result.rows.length === 0 ? (
        <p className="muted">The query ran and returned no rows.</p>
      ) : (
        <div className="table-scroll result-scroll">
          <table className="grid compact result-grid" data-testid="sql-grid">
            <thead>
              <tr>
                {result.columns.map((c) => (
                  <th key={c} className="mono">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row, i) => (
                <tr key={i} data-testid="sql-row">
                  {result.columns.map((c) => (
                    <td key={c}>
                      <Cell value={row[c]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
