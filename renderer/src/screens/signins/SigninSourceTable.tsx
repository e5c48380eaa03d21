// One row per source IP, worst first as the engine orders them.
import type { SigninSource } from '../../../../shared/api';
import { useApp } from '../../app/AppContext';
import { formatCount } from '../../format/formatNumbers';
import { formatTime } from '../../format/formatTime';
import { ErrorCodeMiniBar } from './ErrorCodeBars';
import { isTabStop, selectableRow } from '../../common/selectableRow';
import './signins.css';

interface SigninSourceTableProps {
  sources: SigninSource[];
  selected: string | undefined;
  onSelect: (ip: string) => void;
}

export function SigninSourceTable({ sources, selected, onSelect }: SigninSourceTableProps) {
  const { timeZone } = useApp();
  return (
    <div className="table-scroll signin-table">
      <table className="grid selectable" data-testid="signin-sources">
        <thead>
          <tr>
            <th>Source IP</th>
            <th className="num">Failures</th>
            <th className="num">Distinct users</th>
            <th>Error codes</th>
            <th>First seen</th>
            <th>Allowlisted</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s, i) => (
            <tr
              key={s.ip}
              className={s.ip === selected ? 'selected' : undefined}
              aria-selected={s.ip === selected}
              {...selectableRow(() => onSelect(s.ip), {
                selected: s.ip === selected,
                tabStop: isTabStop(
                  i,
                  sources.findIndex((x) => x.ip === selected),
                ),
              })}
              data-testid="signin-source-row"
            >
              <td className="mono">{s.ip}</td>
              <td className="num">{formatCount(s.failures)}</td>
              <td className="num strong">{formatCount(s.distinctUsers)}</td>
              <td>
                <ErrorCodeMiniBar codes={s.errorCodes} />
              </td>
              <td className="nowrap">{formatTime(s.first, timeZone)}</td>
              <td>
                {s.allowlisted ? (
                  <span className="chip chip-done">allowlisted</span>
                ) : (
                  <span className="muted">no</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
