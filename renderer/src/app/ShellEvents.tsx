// Listens to the desktop shell (menus, window drops, engine restarts) when there is one; in browser mode
// there is no shell and this renders nothing and subscribes to nothing.
import { useEffect } from 'react';
import { isShellEvent } from '../../../shared/shellEvents';
import { useApp } from './AppContext';
import { useCaseJobs } from './CaseJobs';

export function ShellEvents() {
  const { dataChanged, navigate } = useApp();
  const { watchImport } = useCaseJobs();

  useEffect(() => {
    const shell = window.accountscopeShell;
    if (!shell) return;
    return shell.onEvent((event: unknown) => {
      if (!isShellEvent(event)) return;
      switch (event.type) {
        case 'case-changed':
        case 'engine':
          // A case opened from the menu, or a restarted engine: everything on screen may be stale.
          dataChanged();
          break;
        case 'navigate':
          navigate(event.screen);
          break;
        case 'import-started':
          navigate('import');
          watchImport(event.importId);
          break;
        case 'report-saved':
          // The save dialog the user just closed is the confirmation; nothing on screen changes.
          break;
        default: {
          const unhandled: never = event;
          void unhandled;
        }
      }
    });
  }, [dataChanged, navigate, watchImport]);

  return null;
}
