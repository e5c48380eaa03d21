// An empty screen or panel always says why it is empty and what to do next, with a button when it can.
import type { ReactNode } from 'react';
import type { ScreenId } from '../app/AppContext';
import { useApp } from '../app/AppContext';
import './EmptyState.css';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: { label: string; screen: ScreenId };
  testId?: string;
}

export function EmptyState({ title, children, action, testId }: EmptyStateProps) {
  const { navigate } = useApp();
  return (
    <div className="empty-state" data-testid={testId ?? 'empty-state'}>
      <h3>{title}</h3>
      {children && <div className="muted">{children}</div>}
      {action && (
        <button type="button" className="btn primary" onClick={() => navigate(action.screen)}>
          {action.label}
        </button>
      )}
    </div>
  );
}
