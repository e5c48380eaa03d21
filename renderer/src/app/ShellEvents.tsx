// Listens to the desktop shell (menus, window drops, engine restarts) when there is one; in browser mode
// there is no shell and this renders nothing and subscribes to nothing. File → Export Report asks for the
// report's options here first; a report the File menu saved is confirmed with where it went, and a button
// that shows it in the system's file manager.
import { useEffect, useState } from 'react';
import { isShellEvent, type ReportFormat } from '../../../shared/shellEvents';
import { useApp } from './AppContext';
import { useCaseJobs } from './CaseJobs';
import { useOpenTaskDialog } from '../layout/caseTasks/CaseTaskDialogs';
import { ReportDialog } from '../layout/ReportDialog';
import './ShellEvents.css';

export function ShellEvents() {
  const { dataChanged, navigate } = useApp();
  const { watchImport } = useCaseJobs();
  const openTaskDialog = useOpenTaskDialog();
  const [savedReport, setSavedReport] = useState<string | null>(null);
  /** File → Export Report: the format chosen in the menu, while the window asks for the options. */
  const [reportFormat, setReportFormat] = useState<ReportFormat | null>(null);

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
          setSavedReport(event.path);
          break;
        case 'export-report':
          setReportFormat(event.format);
          break;
        case 'task-started':
          openTaskDialog({ kind: event.kind, taskId: event.taskId });
          break;
        default: {
          const unhandled: never = event;
          void unhandled;
        }
      }
    });
  }, [dataChanged, navigate, watchImport, openTaskDialog]);

  const dialog = reportFormat && (
    // Keyed on the format, so the menu's next choice opens a fresh dialog (local paths unticked again).
    <ReportDialog key={reportFormat} format={reportFormat} onClose={() => setReportFormat(null)} />
  );
  if (savedReport === null) return dialog;
  const showInFolder = window.accountscopeShell?.showInFolder;
  return (
    <>
      {dialog}
      <div className="shell-notice" role="status" data-testid="report-saved">
        <span className="shell-notice-text">
          Report saved to <span className="shell-notice-path">{savedReport}</span>
        </span>
        {showInFolder && (
          <button type="button" onClick={() => void showInFolder(savedReport)}>
            Show in folder
          </button>
        )}
        <button
          type="button"
          className="shell-notice-close"
          onClick={() => setSavedReport(null)}
          aria-label="Dismiss"
        >
          ×
        </button>
      </div>
    </>
  );
}
