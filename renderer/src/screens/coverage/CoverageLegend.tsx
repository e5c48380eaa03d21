// The matrix legend: every colour with its word and what it means, so the colours can be read without it
// and the words without the colours.
import { THIN_HOUR_SHARE } from '../../../../shared/coverageTelemetry';

export function CoverageLegend() {
  return (
    <ul className="coverage-legend" aria-label="Legend" data-testid="coverage-legend">
      <li>
        <span className="legend-swatch present" aria-hidden="true" />
        <strong>count</strong> present: logged on this host
      </li>
      <li>
        <span className="legend-swatch thin" aria-hidden="true" />
        <strong>thin</strong>: there, but in under {Math.round(THIN_HOUR_SHARE * 100)}% of the host’s active
        hours (or most 4688 without a command line)
      </li>
      <li>
        <span className="legend-swatch absent" aria-hidden="true" />
        <strong>none</strong>: not in the logs — an analytic that needs it cannot fire here
      </li>
    </ul>
  );
}
