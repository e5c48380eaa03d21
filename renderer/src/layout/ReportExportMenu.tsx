// Report export from anywhere in the app: the engine renders the report, the page saves it as a download.
import { useState } from 'react';
import { useApp } from '../app/AppContext';
import { errorText } from '../format/errorText';
import { downloadFile } from '../common/downloadFile';
import './ReportExportMenu.css';

type ReportFormat = 'html' | 'json' | 'csv';
const FORMATS: ReportFormat[] = ['html', 'json', 'csv'];

export function ReportExportMenu() {
  const { api } = useApp();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A report goes to a client: the responder's own folders stay out of it unless asked for.
  const [includePaths, setIncludePaths] = useState(false);

  const exportAs = async (format: ReportFormat) => {
    setBusy(format);
    setMessage(null);
    try {
      const file = await api.exportReport({ format, includePaths });
      downloadFile(file.filename, file.mime, file.content);
      setMessage({ ok: true, text: `Saved ${file.filename}` });
    } catch (e) {
      setMessage({ ok: false, text: `Report failed: ${errorText(e)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="report-menu" role="group" aria-label="Export report">
      <span className="report-label">Report</span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="btn small"
          disabled={busy !== null}
          onClick={() => void exportAs(format)}
          data-testid={`export-${format}`}
        >
          {busy === format ? '…' : format.toUpperCase()}
        </button>
      ))}
      <label
        className="report-paths"
        title="Name the case and the evidence files by their full paths on this machine (by file name otherwise)"
      >
        <input
          type="checkbox"
          checked={includePaths}
          onChange={(e) => setIncludePaths(e.target.checked)}
          data-testid="export-include-paths"
        />
        local paths
      </label>
      {message && (
        <span
          className={message.ok ? 'report-status ok' : 'report-status error-text'}
          data-testid="export-status"
          role="status"
        >
          {message.text}
        </span>
      )}
    </div>
  );
}
