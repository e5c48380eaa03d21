// Names the marker colours in words and counts the findings in view, so colour is never the only signal.
import type { Timeline } from '../../../../shared/api';
import { SEVERITIES, SEVERITY_COLORS } from '../../format/securityTerms';
import './timeline.css';

export function MarkerLegend({ markers }: { markers: Timeline['markers'] }) {
  if (markers.length === 0) return <p className="muted small">No findings in this range.</p>;
  return (
    <div className="marker-legend" data-testid="marker-legend">
      <span className="muted small">Finding markers:</span>
      {SEVERITIES.map((sev) => {
        const n = markers.filter((m) => m.severity === sev).length;
        if (n === 0) return null;
        return (
          <span key={sev} className="marker-key small">
            <span className="marker-swatch" style={{ background: SEVERITY_COLORS[sev] }} aria-hidden="true" />
            {sev} × {n}
          </span>
        );
      })}
    </div>
  );
}
