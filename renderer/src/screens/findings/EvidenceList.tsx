// Every event a finding rests on, each openable in its raw form.
import type { EvidenceRef } from '../../../../shared/report';
import { useApp } from '../../app/AppContext';
import { RawButton } from '../../common/RawButton';
import { formatTime } from '../../format/formatTime';

export function EvidenceList({ evidence }: { evidence: EvidenceRef[] }) {
  const { timeZone } = useApp();
  if (evidence.length === 0) return <p className="muted">The analytic recorded no evidence events.</p>;
  return (
    <table className="grid compact" data-testid="evidence-list">
      <thead>
        <tr>
          <th>Time</th>
          <th>Event</th>
          <th>Role</th>
          <th className="num">Record</th>
          <th aria-label="Open raw" />
        </tr>
      </thead>
      <tbody>
        {evidence.map((ev, i) => (
          <tr key={`${ev.source}-${ev.recordNo ?? ev.recordId}-${i}`} data-testid="evidence-row">
            <td className="nowrap">{formatTime(ev.time, timeZone)}</td>
            <td>
              {ev.eventId != null
                ? ev.eventId
                : ev.table === 'signins'
                  ? 'sign-in'
                  : ev.table === 'audits'
                    ? 'audit'
                    : '—'}
            </td>
            <td>{ev.role ?? '—'}</td>
            <td className="num" title={`source ${ev.source}`}>
              {ev.recordId ?? ev.recordNo ?? '—'}
            </td>
            <td>
              <RawButton table={ev.table} source={ev.source} recordNo={ev.recordNo} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
