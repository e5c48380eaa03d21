// Shown when the app cannot reach its engine at all: says what failed and what the user can do about it.
import './StartupError.css';

interface StartupErrorProps {
  message: string;
  onRetry?: () => void;
}

export function StartupError({ message, onRetry }: StartupErrorProps) {
  return (
    <div className="app app-failed" data-app-state="error" data-testid="app">
      <div className="startup-error" role="alert">
        <h1>AccountScope could not open the case</h1>
        <p className="error-text" data-testid="startup-error">
          {message}
        </p>
        <p>
          In browser mode, open the full address printed in the terminal where <code>npm start</code> or{' '}
          <code>accountscope serve</code> runs (it ends in <code>#token=…</code>); if that terminal is closed,
          start it again. In the desktop app, restart it; if this keeps happening, the case file may be locked
          by another copy.
        </p>
        {onRetry && (
          <button type="button" className="btn primary" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
