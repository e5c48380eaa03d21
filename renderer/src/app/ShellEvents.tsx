// Listens to the desktop shell (menus, window drops, engine restarts) when there is one; in browser mode
// there is no shell and this renders nothing and subscribes to nothing.
import { useEffect } from 'react';
import type { ShellEvent } from '../api/window';
import { useApp, type ScreenId } from './AppContext';
import { useCaseJobs } from './CaseJobs';

const SCREENS: readonly ScreenId[] = [
  'import',
  'findings',
  'accounts',
  'timeline',
  'signins',
  'sql',
  'settings',
];

function isScreen(value: unknown): value is ScreenId {
  return typeof value === 'string' && (SCREENS as readonly string[]).includes(value);
}

export function ShellEvents() {
  const { dataChanged, navigate } = useApp();
  const { watchImport } = useCaseJobs();

  useEffect(() => {
    const shell = window.accountscopeShell;
    if (!shell) return;
    return shell.onEvent((event: ShellEvent) => {
      switch (event.type) {
        case 'case-changed':
        case 'engine':
          // A case opened from the menu, or a restarted engine: everything on screen may be stale.
          dataChanged();
          break;
        case 'navigate':
          if (isScreen(event['screen'])) navigate(event['screen']);
          break;
        case 'import-started':
          if (typeof event['importId'] === 'string') {
            navigate('import');
            watchImport(event['importId']);
          }
          break;
        default:
          break;
      }
    });
  }, [dataChanged, navigate, watchImport]);

  return null;
}
