// A finding's next steps, each with what the case answers. The state of an answer is a mark and a word as
// well as a colour: "needs attention", "answered", "the logs cannot say".
import type { TriageStep } from '../../../../shared/report';
import { RawButton } from '../../common/RawButton';
import './coverage.css';

const STATUS: Record<NonNullable<TriageStep['status']>, { mark: string; word: string }> = {
  attention: { mark: '!', word: 'needs attention' },
  done: { mark: '✓', word: 'answered' },
  unknown: { mark: '?', word: 'the logs cannot say' },
};

/** Raw buttons shown per step; the rest are counted. */
const MAX_REFS = 4;

export function TriageChecklist({ steps }: { steps: TriageStep[] }) {
  return (
    <ol className="triage-list" data-testid="triage-list">
      {steps.map((step, i) => {
        const status = step.status ? STATUS[step.status] : null;
        const refs = step.refs ?? [];
        return (
          <li
            key={i}
            className={`triage-step ${step.status ?? 'todo'}`}
            data-testid="triage-step"
            data-status={step.status ?? 'todo'}
          >
            <div className="triage-text">
              <span className="strong">{step.text}</span>
              {status && (
                <span className={`triage-status ${step.status}`}>
                  <span aria-hidden="true">{status.mark} </span>
                  {status.word}
                </span>
              )}
            </div>
            {step.answer && (
              <p className="triage-answer" data-testid="triage-answer">
                {step.answer}
              </p>
            )}
            {refs.length > 0 && (
              <div className="row triage-refs">
                {refs.slice(0, MAX_REFS).map((r, j) => (
                  <RawButton
                    key={`${r.source}-${r.recordNo}-${j}`}
                    table={r.table}
                    source={r.source}
                    recordNo={r.recordNo}
                    label={r.eventId ? `Raw ${r.eventId}` : 'Raw'}
                  />
                ))}
                {refs.length > MAX_REFS && (
                  <span className="muted small">and {refs.length - MAX_REFS} more</span>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
