// The host × telemetry matrix. Each cell's colour says present / thin / absent, and so does its text (a
// count, a count marked "thin", or "none"), so colour is never the only signal. Present cells are buttons
// that list the events behind them.
import type { HostCoverage } from '../../../../shared/report';
import {
  TELEMETRY,
  TELEMETRY_GROUP_NAMES,
  telemetryState,
  thinReason,
  type TelemetryGroup,
  type TelemetrySpec,
} from '../../../../shared/coverageTelemetry';
import { formatCount, shortHost } from '../../format/formatNumbers';
import { PivotLink } from '../../common/PivotLink';
import type { MatrixCell } from './CellEvents';
import { CoverageLegend } from './CoverageLegend';

// The total 4688 and its with-command-line share are columns; the without-command-line count is their
// difference, so it lives in the cells' tooltips rather than in a column of its own. Windows hosts and the
// Entra ID tenant share no telemetry, so each gets its own table instead of a wide one full of blanks.
const WINDOWS_COLUMNS = TELEMETRY.filter((t) => t.key !== '4688_no_cmdline' && t.group !== 'entra');
const ENTRA_COLUMNS = TELEMETRY.filter((t) => t.group === 'entra');

function cellTitle(host: HostCoverage, spec: TelemetrySpec): string {
  const count = host.telemetry[spec.key] ?? 0;
  const state = telemetryState(host, spec.key);
  const words =
    state === 'absent'
      ? `no ${spec.title} in the logs of ${host.host}`
      : `${formatCount(count)} × ${spec.title} on ${host.host}${state === 'thin' ? ` — thin: ${thinReason(host, spec.key)}` : ''}`;
  if (spec.key === '4688' && count > 0) {
    const without = host.telemetry['4688_no_cmdline'] ?? 0;
    return `${words}; ${formatCount(without)} without a command line`;
  }
  return words;
}

interface MatrixProps {
  hosts: HostCoverage[];
  selected: MatrixCell | null;
  onSelect: (cell: MatrixCell) => void;
}

function MatrixTable({
  hosts,
  columns,
  selected,
  onSelect,
  testId,
}: MatrixProps & { columns: TelemetrySpec[]; testId: string }) {
  const groups = [...new Set(columns.map((c) => c.group))] as TelemetryGroup[];
  return (
    <div className="table-scroll coverage-matrix-scroll">
      <table className="grid compact coverage-matrix" data-testid={testId}>
        <colgroup>
          <col className="host-col" />
          {columns.map((c) => (
            // A group of one column must be as wide as its heading's longest word.
            <col
              key={c.key}
              className={columns.some((o) => o !== c && o.group === c.group) ? undefined : 'lone-col'}
            />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th rowSpan={2} className="host-head">
              Host
            </th>
            {groups.map((g) => (
              <th key={g} colSpan={columns.filter((c) => c.group === g).length} className="group-head">
                {TELEMETRY_GROUP_NAMES[g]}
              </th>
            ))}
          </tr>
          <tr>
            {columns.map((c) => (
              <th key={c.key} title={c.title} className="cell-head">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hosts.map((host) => (
            <tr key={host.host} data-testid="coverage-row" data-host={host.host}>
              <th scope="row" className="host-cell" title={host.host}>
                {host.kind === 'entra' ? (
                  host.host
                ) : (
                  <PivotLink kind="host" value={host.host}>
                    {shortHost(host.host)}
                  </PivotLink>
                )}
              </th>
              {columns.map((spec) => {
                const state = telemetryState(host, spec.key);
                const count = host.telemetry[spec.key] ?? 0;
                const isSelected = selected?.host === host.host && selected.telemetry === spec.key;
                return (
                  <td
                    key={spec.key}
                    className={`cov-cell ${state}${isSelected ? ' selected' : ''}`}
                    data-testid="coverage-cell"
                    data-key={spec.key}
                    data-state={state}
                  >
                    {state === 'absent' ? (
                      <span title={cellTitle(host, spec)}>none</span>
                    ) : (
                      <button
                        type="button"
                        className="cell-button"
                        title={cellTitle(host, spec)}
                        aria-pressed={isSelected}
                        onClick={() => onSelect({ host: host.host, telemetry: spec.key, label: spec.title })}
                      >
                        {formatCount(count)}
                        {state === 'thin' && <span className="thin-mark">thin</span>}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TelemetryMatrix({ hosts, selected, onSelect }: MatrixProps) {
  const windows = hosts.filter((h) => h.kind !== 'entra');
  const entra = hosts.filter((h) => h.kind === 'entra');
  return (
    <>
      {windows.length > 0 && (
        <MatrixTable
          hosts={windows}
          columns={WINDOWS_COLUMNS}
          selected={selected}
          onSelect={onSelect}
          testId="coverage-matrix"
        />
      )}
      {entra.length > 0 && (
        <div className="entra-matrix">
          <MatrixTable
            hosts={entra}
            columns={ENTRA_COLUMNS}
            selected={selected}
            onSelect={onSelect}
            testId="coverage-matrix-entra"
          />
        </div>
      )}
      <CoverageLegend />
    </>
  );
}
