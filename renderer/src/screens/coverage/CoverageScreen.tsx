// Coverage: what the absence of a finding means. Which telemetry each host's logs hold (a host × telemetry
// matrix whose cells open the events behind them), when each host's logs are silent or were cleared, and
// for each analytic the hosts where it is blind or only partly sighted, in words.
import { useState } from 'react';
import { useApiQuery } from '../../app/useApiQuery';
import { EmptyState } from '../../common/EmptyState';
import { ErrorNote } from '../../common/ErrorNote';
import { AnalyticBlindSpots } from './AnalyticBlindSpots';
import { CellEvents, type MatrixCell } from './CellEvents';
import { HostSpans } from './HostSpans';
import { LogClearsTable } from './LogClearsTable';
import { TelemetryMatrix } from './TelemetryMatrix';
import './coverage.css';

const GAP_CHOICES: ReadonlyArray<[number, string]> = [
  [1800, '30 min'],
  [3600, '1 h'],
  [7200, '2 h'],
  [21600, '6 h'],
];

export function CoverageScreen() {
  const [gapSeconds, setGapSeconds] = useState(3600);
  const [cell, setCell] = useState<MatrixCell | null>(null);
  const coverage = useApiQuery(`coverage:${gapSeconds}`, (api) => api.coverage({ gapSeconds }));
  const hosts = coverage.data ?? [];

  return (
    <div className="screen-coverage" data-testid="coverage-screen" aria-busy={coverage.loading}>
      <div className="screen-title row">
        <div className="grow">
          <h1>Coverage</h1>
          <p className="muted">
            What the absence of a finding means: which telemetry each host’s logs hold, when they fall silent
            or were cleared, and where each analytic cannot see.
          </p>
        </div>
        <div className="toggle-group" role="radiogroup" aria-label="Gap threshold" data-testid="coverage-gap">
          <span
            className="muted small"
            title="A stretch with no event at all from a host, longer than this, is a gap"
          >
            Gap: silent for more than
          </span>
          {GAP_CHOICES.map(([seconds, label]) => (
            <label key={seconds} className={seconds === gapSeconds ? 'toggle on' : 'toggle'}>
              <input
                type="radio"
                name="coverage-gap"
                checked={seconds === gapSeconds}
                onChange={() => setGapSeconds(seconds)}
                data-testid={`coverage-gap-${seconds}`}
              />
              {label}
            </label>
          ))}
        </div>
      </div>
      {coverage.error && <ErrorNote message={coverage.error} />}
      {coverage.data && hosts.length === 0 && (
        <EmptyState title="No events in this case yet" action={{ label: 'Go to Import', screen: 'import' }}>
          Import Windows event XML or Entra ID JSON: each host’s telemetry and blind spots appear here.
        </EmptyState>
      )}
      {hosts.length > 0 && (
        <>
          <section className="panel" data-testid="coverage-matrix-panel">
            <div className="panel-head">
              <h2>Telemetry per host</h2>
              <span className="muted small">Click a count to list the events behind it.</span>
            </div>
            <TelemetryMatrix hosts={hosts} selected={cell} onSelect={setCell} />
          </section>
          {cell && <CellEvents cell={cell} onClose={() => setCell(null)} />}
          <AnalyticBlindSpots hosts={hosts} />
          <section className="panel" data-testid="coverage-spans-panel">
            <div className="panel-head">
              <h2>Time covered, gaps and log clears</h2>
            </div>
            <HostSpans hosts={hosts} gapSeconds={gapSeconds} />
            <LogClearsTable hosts={hosts} />
          </section>
        </>
      )}
    </div>
  );
}
