// Findings: every result of the analytics, filtered and sorted on the engine, with the selected one explained.
import { useEffect, useMemo, useState } from 'react';
import type { FindingQuery, FindingSortKey } from '../../../../shared/api';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { ErrorNote } from '../../common/ErrorNote';
import { EmptyState } from '../../common/EmptyState';
import { Pager } from '../../common/Pager';
import { FindingsFilterBar, type FindingsFilter } from './FindingsFilterBar';
import { FindingsTable } from './FindingsTable';
import { FindingDetail } from './FindingDetail';

const PAGE = 100;

export function FindingsScreen() {
  const { focus, caseInfo, navigate } = useApp();
  const [filter, setFilter] = useState<FindingsFilter>({ analytics: [], severities: [], text: '' });
  const [sort, setSort] = useState<{ key: FindingSortKey; desc: boolean }>({ key: 'severity', desc: true });
  const [offset, setOffset] = useState(0);
  const [selectedId, setSelectedId] = useState<string | undefined>(focus.findingId);

  useEffect(() => setOffset(0), [filter, sort]);
  useEffect(() => {
    if (focus.findingId) setSelectedId(focus.findingId);
  }, [focus.findingId]);

  const query: FindingQuery = {
    analytic: filter.analytics.length > 0 ? filter.analytics : undefined,
    severity: filter.severities.length > 0 ? filter.severities : undefined,
    text: filter.text.trim() || undefined,
    sort: sort.key,
    desc: sort.desc,
    offset,
    limit: PAGE,
    status: filter.status ? [filter.status] : undefined,
    tag: filter.tag || undefined,
    bookmarked: filter.bookmarked || undefined,
  };
  const findings = useApiQuery(JSON.stringify(query), (api) => api.listFindings(query));
  const rows = useMemo(() => findings.data?.rows ?? [], [findings.data]);

  // Keep a selection while there are rows, so the detail pane is never blank next to a full table.
  useEffect(() => {
    if (rows.length > 0 && !rows.some((r) => r.id === selectedId) && !focus.findingId)
      setSelectedId(rows[0]!.id);
  }, [rows, selectedId, focus.findingId]);

  const filtered =
    filter.analytics.length + filter.severities.length > 0 ||
    filter.text.trim().length > 0 ||
    Boolean(filter.status || filter.tag || filter.bookmarked);
  const nothingAnalyzed = !caseInfo?.analyzedAt;

  return (
    <div className="screen-split">
      <section className="split-main">
        <div className="screen-title">
          <h1>Findings</h1>
        </div>
        <FindingsFilterBar filter={filter} onChange={setFilter} />
        {findings.error && <ErrorNote message={findings.error} />}
        {findings.data && findings.data.total === 0 && !filtered && (
          <EmptyState
            title={nothingAnalyzed ? 'The analytics have not run on this case' : 'No findings in this case'}
            action={{
              label: nothingAnalyzed ? 'Import and analyze' : 'Check the imported files',
              screen: 'import',
            }}
          >
            {nothingAnalyzed
              ? 'Import logs, then press Run analytics on the Import screen.'
              : 'The analytics ran and found nothing. Check on the Import screen that the expected logs (Security 4688/4720/4624, Entra sign-ins) were read, or lower thresholds under Settings.'}
          </EmptyState>
        )}
        {findings.data && findings.data.total === 0 && filtered && (
          <EmptyState title="No findings match these filters">
            Clear the text or re-enable analytics and severities above.
          </EmptyState>
        )}
        {rows.length > 0 && (
          <>
            <FindingsTable
              rows={rows}
              sort={sort}
              onSort={setSort}
              selectedId={selectedId}
              onSelect={(id) => navigate('findings', { findingId: id })}
            />
            <Pager offset={offset} limit={PAGE} total={findings.data?.total ?? 0} onChange={setOffset} />
          </>
        )}
      </section>
      {findings.data?.total !== 0 && (
        <aside className="split-detail" data-testid="finding-detail-pane">
          {selectedId ? (
            <FindingDetail id={selectedId} onReviewSaved={findings.reload} />
          ) : (
            <p className="muted detail-hint">
              Select a finding to see why it fired and the evidence behind it.
            </p>
          )}
        </aside>
      )}
    </div>
  );
}
