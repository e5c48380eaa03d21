// Import by path: works in both modes, and is the only way in browser mode when the page cannot see the
// dropped files' paths. Several paths may be given, one per line or separated by semicolons.
import { useState } from 'react';
import { useApp } from '../../app/AppContext';
import { useCaseJobs } from '../../app/CaseJobs';
import './import.css';

export function splitPaths(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export function ImportPathForm() {
  const { transport } = useApp();
  const { startImport, importRunning } = useCaseJobs();
  const [text, setText] = useState('');
  const paths = splitPaths(text);

  return (
    <form
      className="panel import-path"
      onSubmit={(e) => {
        e.preventDefault();
        if (paths.length > 0) void startImport(paths);
      }}
    >
      <label className="field">
        <span>
          {transport === 'http'
            ? 'File or folder path on the machine running the engine'
            : 'File or folder path'}
        </span>
        <input
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="/evidence/client-logs   (several: separate with ;)"
          spellCheck={false}
          data-testid="import-path"
        />
      </label>
      <div className="row">
        <button
          type="submit"
          className="btn primary"
          disabled={importRunning || paths.length === 0}
          data-testid="import-start"
        >
          Import
        </button>
        <span className="muted">
          Folders are read recursively. A file already in the case (same SHA-256) is skipped.
        </span>
      </div>
    </form>
  );
}
