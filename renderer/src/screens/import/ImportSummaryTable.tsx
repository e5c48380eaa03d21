// What each file of the last import contributed, and what could not be read (with the byte offset or
// record number, so the responder can look at the exact spot in the original file).
import type { ImportFileProgress } from '../../../../shared/api';
import type { SourceError } from '../../../../shared/report';
import { shortPath, formatCount } from '../../format/formatNumbers';
import './import.css';

function errorPlace(error: SourceError): string {
  const place: string[] = [];
  if (error.offset != null) place.push(`byte ${formatCount(error.offset)}`);
  if (error.record != null) place.push(`record ${formatCount(error.record)}`);
  return place.length > 0 ? `${place.join(', ')}: ` : '';
}

export function ImportSummaryTable({ files }: { files: ImportFileProgress[] }) {
  return (
    <section className="panel" data-testid="import-summary">
      <h2>Last import, per file</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>File</th>
            <th>Result</th>
            <th>Format</th>
            <th className="num">Events</th>
            <th className="num">Skipped</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => {
            const s = file.summary;
            return (
              <tr key={file.path} data-testid="import-summary-row">
                <td title={file.path}>
                  <div className="file-name">{shortPath(file.path)}</div>
                  {s && s.errors.length > 0 && (
                    <ul className="source-errors">
                      {s.errors.map((err, i) => (
                        <li key={i} className="error-text">
                          {errorPlace(err)}
                          {err.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <span className={`chip chip-${file.state}`}>{file.state}</span>
                  {s?.duplicate && <div className="muted small">already in the case — not added again</div>}
                </td>
                <td>{s ? `${s.format}${s.variant ? ` · ${s.variant}` : ''}` : '—'}</td>
                <td className="num">{formatCount(s?.events ?? file.events)}</td>
                <td className={s && s.skipped > 0 ? 'num warn-text' : 'num'}>
                  {s ? formatCount(s.skipped) : '—'}
                </td>
                <td className="mono hash">{s?.sha256 ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
