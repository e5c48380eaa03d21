// What a merge made: the cases, the files more than one of them held (taken once), the merged case's
// records and findings, and every conflict with each case's value and the one kept.
import type { MergeSummary } from '../../../../shared/api';
import { baseName, formatCount } from '../../format/formatNumbers';
import './caseTasks.css';

export function MergeSummaryView({ summary }: { summary: MergeSummary }) {
  const r = summary.records;
  return (
    <div className="merge-summary" data-testid="merge-summary">
      <p className="ok" role="status">
        Merged {summary.cases.length} cases into <span className="mono">{summary.path}</span>:{' '}
        {formatCount(summary.sources)} evidence files, {formatCount(r.winEvents)} Windows events,{' '}
        {formatCount(r.signins)} sign-ins, {formatCount(r.audits)} audit records;{' '}
        <span data-testid="merge-findings">{formatCount(summary.findings)}</span> findings from the analytics
        across every host.
      </p>
      <h3>Cases</h3>
      <ul>
        {summary.cases.map((c) => (
          <li key={c.path}>
            <span className="mono" title={c.path}>
              {baseName(c.path)}
            </span>
            : {formatCount(c.sources)} files, {formatCount(c.records)} records
            {c.upgraded && ` (schema ${c.schemaVersion}, upgraded in a copy; the case itself is unchanged)`}
          </li>
        ))}
      </ul>
      {summary.duplicates.length > 0 && (
        <>
          <h3>Held by more than one case, taken once</h3>
          <ul data-testid="merge-duplicates">
            {summary.duplicates.map((d) => (
              <li key={d.sha256}>
                <span className="mono">{d.name}</span> from {baseName(d.keptFrom)}, also in{' '}
                {d.alsoIn.map(baseName).join(', ')}
                {!d.sameCounts && ' — the cases read different numbers of records from it; the first is kept'}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.conflicts.length > 0 ? (
        <>
          <h3>Conflicts: the cases disagree</h3>
          <p className="muted">
            The merged case holds the first case’s value ({baseName(summary.conflicts[0]!.kept)}). Change it
            in Settings if another is right, then run the analytics again.
          </p>
          <table className="merge-conflicts" data-testid="merge-conflicts">
            <thead>
              <tr>
                <th>Setting</th>
                {summary.cases.map((c) => (
                  <th key={c.path} title={c.path}>
                    {baseName(c.path)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.conflicts.map((c) => (
                <tr key={c.item} data-testid="merge-conflict">
                  <td className="mono">{c.item}</td>
                  {c.values.map((v) => (
                    <td key={v.case} className={v.case === c.kept ? 'kept' : undefined}>
                      {v.value}
                      {v.case === c.kept && ' (kept)'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted" data-testid="merge-no-conflicts">
          The cases’ settings agree: no conflicts.
        </p>
      )}
    </div>
  );
}
