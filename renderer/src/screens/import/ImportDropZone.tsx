// Drop files or folders. In the desktop app the preload turns each dropped item into its path and the engine
// reads it in place. A browser page is never told where a dropped file lives, so in browser mode the files
// (folders walked) are streamed into the case's kept-evidence folder beside it, and imported from there.
import { useState, type DragEvent } from 'react';
import { useApp } from '../../app/AppContext';
import { useCaseJobs } from '../../app/CaseJobs';
import { errorText } from '../../format/errorText';
import { formatBytes } from '../../format/formatNumbers';
import { collectDroppedFiles, droppedPaths } from './collectDroppedFiles';
import './import.css';

export function ImportDropZone() {
  const { uploadFile } = useApp();
  const { startImport, importRunning } = useCaseJobs();
  const [hover, setHover] = useState(false);
  const [notice, setNotice] = useState<{ error: boolean; text: string }>();
  const [uploading, setUploading] = useState(false);
  const resolvePath = window.accountscopeFiles?.pathForFile;
  const busy = importRunning || uploading;

  const upload = async (files: File[]) => {
    if (!uploadFile) return;
    setUploading(true);
    try {
      const paths: string[] = [];
      for (const [i, file] of files.entries()) {
        setNotice({
          error: false,
          text: `Sending ${i + 1} of ${files.length}: ${file.name} (${formatBytes(file.size)})…`,
        });
        paths.push((await uploadFile(file)).path);
      }
      setNotice(undefined);
      await startImport(paths);
    } catch (e) {
      setNotice({
        error: true,
        text: `Could not send the dropped files: ${errorText(e)}. Use the path field instead.`,
      });
    } finally {
      setUploading(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setHover(false);
    if (busy) return;
    if (resolvePath) {
      const paths = droppedPaths(e.dataTransfer, resolvePath);
      if (paths.length > 0) void startImport(paths);
      return;
    }
    if (!uploadFile) {
      setNotice({
        error: true,
        text: 'This window cannot read dropped files; type their path in the field instead.',
      });
      return;
    }
    collectDroppedFiles(e.dataTransfer)
      .then((files) =>
        files.length > 0 ? upload(files) : setNotice({ error: true, text: 'The drop held no files.' }),
      )
      .catch((err: unknown) =>
        setNotice({ error: true, text: `Could not read the drop: ${errorText(err)}` }),
      );
  };

  return (
    <div
      className={hover ? 'drop-zone hover' : 'drop-zone'}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
        setHover(true);
      }}
      onDragLeave={() => setHover(false)}
      onDrop={onDrop}
    >
      <div className="drop-icon" aria-hidden="true">
        ⇣
      </div>
      <p className="drop-title">Drop log files or folders here</p>
      <p className="muted small">
        {resolvePath
          ? 'They are read where they are; nothing is copied or changed.'
          : 'Browser mode: dropped files are kept, read-only, in a folder beside the case (case-name.evidence), then imported from there.'}
      </p>
      {notice && (
        <p
          className={notice.error ? 'drop-notice error-text' : 'drop-notice'}
          role="status"
          data-testid="drop-notice"
        >
          {notice.text}
        </p>
      )}
    </div>
  );
}
