// Every file the case holds, from this session or earlier ones: the provenance a report will cite.
import type { SourceSummary } from '../../../../shared/report';
import { shortPath, formatBytes, formatCount } from '../../format/formatNumbers';

export function CaseSourcesTable({ sources }: { sources: SourceSummary[] }) {
  if (sources.length === 0) {
    return (
      <section className="panel" data-testid="case-sources">
        <h2>Files in this case</h2>
        <p className="muted">
          None yet. Drop a folder of exported logs above, or type its path and press Import. The bundled
          sample case is in the app's <code>sample-logs/evidence</code> folder.
        </p>
      </section>
    );
  }
  return (
    <section className="panel" data-testid="case-sources">
      <h2>Files in this case ({sources.length})</h2>
      <table className="grid compact">
        <thead>
          <tr>
            <th>File</th>
            <th>Format</th>
            <th className="num">Size</th>
            <th className="num">Events</th>
            <th className="num">Skipped</th>
            <th className="num">Errors</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.sha256}>
              <td title={s.path}>{shortPath(s.path)}</td>
              <td>
                {s.format}
                {s.variant ? ` · ${s.variant}` : ''}
              </td>
              <td className="num">{s.size != null ? formatBytes(s.size) : '—'}</td>
              <td className="num">{formatCount(s.events)}</td>
              <td className={s.skipped > 0 ? 'num warn-text' : 'num'}>{formatCount(s.skipped)}</td>
              <td className={s.errors.length > 0 ? 'num error-text' : 'num'}>{s.errors.length}</td>
              <td className="mono hash" title={s.sha256}>
                {s.sha256.slice(0, 16)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
