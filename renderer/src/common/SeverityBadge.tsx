// Severity as colour AND word: colour alone fails for colour-blind readers and on a dim projector.
import type { Severity } from '../../../shared/report';
import './SeverityBadge.css';

const MARKS: Record<Severity, string> = { critical: '◆◆', high: '◆', medium: '▲', low: '●' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`sev sev-${severity}`} data-severity={severity}>
      <span aria-hidden="true" className="sev-mark">
        {MARKS[severity]}
      </span>
      {severity}
    </span>
  );
}
