// Every log clear in the case with who did it, each openable raw: a clear is an act of the intruder as
// often as of an admin, and everything logged before it is gone from that log.
import type { HostCoverage } from '../../../../shared/report';
import { useApp } from '../../app/AppContext';
import { RawButton } from '../../common/RawButton';
import { formatTime } from '../../format/formatTime';

export function LogClearsTable({ hosts }: { hosts: HostCoverage[] }) {
  const { timeZone } = useApp();
  const clears = hosts.flatMap((h) => h.logCleared.map((c) => ({ ...c, host: h.host })));
  if (clears.length === 0) {
    return (
      <p className="muted small" data-testid="coverage-no-clears">
        No log was cleared in the imported logs (no Security 1102, no System 104).
      </p>
    );
  }
  return (
    <>
      <h3 className="clears-title">Log clears</h3>
      <table className="grid compact" data-testid="coverage-clears">
        <thead>
          <tr>
            <th>Time</th>
            <th>Host</th>
            <th>Log cleared</th>
            <th className="num">Event</th>
            <th>Cleared by</th>
            <th aria-label="Open raw" />
          </tr>
        </thead>
        <tbody>
          {clears.map((c) => (
            <tr key={`${c.source}-${c.recordNo}`} data-testid="coverage-clear-row">
              <td className="nowrap">{formatTime(c.time, timeZone)}</td>
              <td>{c.host}</td>
              <td>{c.channel ?? '—'}</td>
              <td className="num">{c.eventId}</td>
              <td className="strong">{c.user ?? 'unknown'}</td>
              <td>
                <RawButton table="win_events" source={c.source} recordNo={c.recordNo} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
