// Where the merge and export dialogs open from: the header's Case buttons, and the desktop shell when its
// File menu started a task (the dialog then follows that task).
import { createContext, useContext, useState, type ReactNode } from 'react';
import { ExportCaseDialog } from './ExportCaseDialog';
import { MergeCasesDialog } from './MergeCasesDialog';

export interface TaskDialog {
  kind: 'merge' | 'export';
  /** A task already started (by the desktop menu): the dialog shows its progress and result. */
  taskId?: string;
}

const OpenTaskDialog = createContext<((d: TaskDialog) => void) | null>(null);

export function useOpenTaskDialog(): (d: TaskDialog) => void {
  const open = useContext(OpenTaskDialog);
  if (!open) throw new Error('useOpenTaskDialog outside <CaseTaskDialogs>');
  return open;
}

export function CaseTaskDialogs({ children }: { children: ReactNode }) {
  const [dialog, setDialog] = useState<TaskDialog | null>(null);
  const close = () => setDialog(null);
  return (
    <OpenTaskDialog.Provider value={setDialog}>
      {children}
      {dialog?.kind === 'merge' && (
        <MergeCasesDialog key={dialog.taskId} taskId={dialog.taskId} onClose={close} />
      )}
      {dialog?.kind === 'export' && (
        <ExportCaseDialog key={dialog.taskId} taskId={dialog.taskId} onClose={close} />
      )}
    </OpenTaskDialog.Provider>
  );
}
