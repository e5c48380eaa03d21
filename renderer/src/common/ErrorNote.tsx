// An error, said plainly, with the next step when there is one.
import type { ReactNode } from 'react';
import './ErrorNote.css';

export function ErrorNote({
  message,
  children,
  testId,
}: {
  message: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="error-note" role="alert" data-testid={testId ?? 'error-note'}>
      <strong>Error: </strong>
      <span className="error-text">{message}</span>
      {children && <div className="error-next">{children}</div>}
    </div>
  );
}
