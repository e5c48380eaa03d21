// The desktop app's File → Export Report: before the shell builds the report and asks where to save it,
// the window asks what the header's report buttons ask — whether the report names the responder's local
// paths (the case file's, the evidence files'). Left out unless ticked, every time: a report goes to a
// client, and the responder's folders are not theirs to read.
import { useState } from 'react';
import type { ReportFormat } from '../../../shared/shellEvents';
import { ErrorNote } from '../common/ErrorNote';
import { Modal } from '../common/Modal';

const FORMATS: Array<{ format: ReportFormat; label: string }> = [
  { format: 'html', label: 'HTML (for the client)' },
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV of findings' },
];

type SaveAnswer = { ok: true; value: { path: string | null } } | { ok: false; error: { message: string } };

export function ReportDialog({ format: initial, onClose }: { format: ReportFormat; onClose: () => void }) {
  const [format, setFormat] = useState<ReportFormat>(initial);
  const [includePaths, setIncludePaths] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const saveReport = window.accountscopeShell?.saveReport;

  const save = async () => {
    if (!saveReport) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = (await saveReport({ format, includePaths })) as SaveAnswer;
      // Saved (the shell confirms where, with Show in folder) or the save dialog cancelled: done either way.
      if (answer.ok) onClose();
      else setError(answer.error.message);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Export report" onClose={onClose} testId="report-dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="choice-row">
          {FORMATS.map((f) => (
            <label key={f.format}>
              <input
                type="radio"
                name="report-format"
                checked={format === f.format}
                onChange={() => setFormat(f.format)}
                data-testid={`report-format-${f.format}`}
              />
              <span>{f.label}</span>
            </label>
          ))}
        </fieldset>
        <label className="check-line">
          <input
            type="checkbox"
            checked={includePaths}
            onChange={(e) => setIncludePaths(e.target.checked)}
            data-testid="report-include-paths"
          />
          <span>Name the case and the evidence files by their full paths on this machine</span>
        </label>
        <p className="muted" data-testid="report-paths-note">
          {includePaths
            ? 'The report will show where the case and the evidence are on this machine: for your own use.'
            : 'Left out, the report names them by file name only, so it can go to the client as it is.'}
        </p>
        {error && <ErrorNote message={error} />}
        <div className="row">
          <button
            type="submit"
            className="btn primary"
            disabled={busy || !saveReport}
            data-testid="report-save"
          >
            {busy ? 'Building the report…' : 'Save…'}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
