// Every event a finding rests on, in the event grid (the finding's evidence is the grid's scope), with the
// part each played, each openable raw. The finding's detail gives the heading.
import type { EvidenceRef } from '../../../../shared/report';
import { EventGrid } from '../../common/grid/EventGrid';

const COLUMNS = ['time', 'event_id', 'role', 'summary', 'host', 'user'];
const ROW_H = 26;

export function EvidenceList({ findingId, evidence }: { findingId: string; evidence: EvidenceRef[] }) {
  if (evidence.length === 0) return <p className="muted">The analytic recorded no evidence events.</p>;
  // Tall enough for a short list, and a scroll box for a long one.
  const height = Math.min(420, 30 + Math.max(4, evidence.length) * ROW_H + 4);
  return (
    <EventGrid
      scope={{ kind: 'finding', findingId }}
      bare
      columns={COLUMNS}
      rowTestId="evidence-row"
      testId="evidence-list"
      height={height}
      emptyText="None of this finding's evidence events is in the case any more."
    />
  );
}
