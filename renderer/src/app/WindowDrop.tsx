// Files and folders dropped anywhere on the window, not only on the Import screen's drop zone. In the
// desktop app they are imported where they are (the preload turns each into its path), and the window
// moves to Import to show the progress. In browser mode a page is never told where a dropped file lives,
// so the drop only opens the Import screen, whose drop zone can copy files in; either way the drop never
// makes the window navigate to the file, which would leave the app.
import { useEffect } from 'react';
import { useApp } from './AppContext';
import { useCaseJobs } from './CaseJobs';
import { droppedPaths } from '../screens/import/collectDroppedFiles';

const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

export function WindowDrop() {
  const { navigate } = useApp();
  const { startImport, importRunning } = useCaseJobs();

  useEffect(() => {
    const resolvePath = window.accountscopeFiles?.pathForFile;
    const over = (e: DragEvent) => {
      if (e.defaultPrevented || !carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = importRunning ? 'none' : 'copy';
    };
    const drop = (e: DragEvent) => {
      // The Import screen's drop zone handles its own drops (and prevents their default first).
      if (e.defaultPrevented || !carriesFiles(e)) return;
      e.preventDefault();
      navigate('import');
      if (!resolvePath || importRunning) return;
      const paths = droppedPaths(e.dataTransfer!, resolvePath);
      if (paths.length > 0) void startImport(paths);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [navigate, startImport, importRunning]);

  return null;
}
