// After data is in: run the four analytics and go to what they found.
import { useApp } from '../../app/AppContext';
import { useCaseJobs } from '../../app/CaseJobs';
import { ErrorNote } from '../../common/ErrorNote';
import { formatDuration } from '../../format/formatNumbers';
import { formatTime } from '../../format/formatTime';

export function AnalyzePanel() {
  const { caseInfo, timeZone, navigate } = useApp();
  const { analysis, runAnalytics, importRunning } = useCaseJobs();

  return (
    <section className="panel analyze-panel" data-testid="analyze-status" data-state={analysis.state}>
      <div className="panel-head">
        <h2>Analytics</h2>
        <button
          type="button"
          className="btn primary"
          disabled={analysis.state === 'running' || importRunning}
          onClick={() => void runAnalytics()}
          data-testid="run-analytics"
        >
          {analysis.state === 'running' ? 'Running…' : 'Run analytics'}
        </button>
      </div>
      {analysis.state === 'idle' && (
        <p className="muted">
          {caseInfo?.analyzedAt
            ? `Last analysed ${formatTime(caseInfo.analyzedAt, timeZone)}. Run again after adding files or changing settings.`
            : 'Not analysed yet: run the analytics to produce findings.'}
        </p>
      )}
      {analysis.state === 'running' && <p className="muted">Running the four analytics over the case…</p>}
      {analysis.state === 'done' && (
        <p>
          <span data-testid="analyze-result">
            {analysis.findings} findings in {formatDuration(analysis.elapsedMs ?? 0)}.
          </span>{' '}
          <button
            type="button"
            className="btn link"
            onClick={() => navigate('findings')}
            data-testid="go-findings"
          >
            View findings →
          </button>
        </p>
      )}
      {analysis.state === 'error' && analysis.error && <ErrorNote message={analysis.error} />}
    </section>
  );
}
