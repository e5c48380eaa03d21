// A process tree, reached from any process the app shows (a finding's chain, an account story's lineage, a
// process start on a timeline): the process with its ancestors, and with its siblings and descendants in
// its logon session; a finding's processes highlighted. Its head names the host and the session.
import type { ProcessTreeQuery } from '../../../../shared/api';
import { useApp, type ScreenFocus } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { EmptyState } from '../../common/EmptyState';
import { ErrorNote } from '../../common/ErrorNote';
import { PivotLink } from '../../common/PivotLink';
import { formatTime } from '../../format/formatTime';
import { logonTypeName } from '../../format/securityTerms';
import { ProcessTreeView } from './ProcessTreeView';
import './process.css';

function treeQuery(focus: ScreenFocus): ProcessTreeQuery | null {
  const p = focus.process;
  const q: ProcessTreeQuery = {};
  if (focus.findingId) q.findingId = focus.findingId;
  if (p?.host && p.key) Object.assign(q, { host: p.host, key: p.key });
  else if (p?.host && p.pid !== undefined && p.time)
    Object.assign(q, { host: p.host, pid: p.pid, time: p.time });
  else if (p?.source && p.recordNo !== undefined)
    Object.assign(q, { source: p.source, recordNo: p.recordNo });
  return Object.keys(q).length > 0 ? q : null;
}

export function ProcessScreen() {
  const { focus, timeZone, navigate } = useApp();
  const query = treeQuery(focus);
  const key = JSON.stringify(query);
  const tree = useApiQuery(`process-tree:${key}`, (api) => api.processTree(query!), query !== null);

  if (!query) {
    return (
      <EmptyState title="No process chosen" action={{ label: 'Go to Findings', screen: 'findings' }}>
        Open a process from a finding’s chain, an account story or a process start on a timeline to see its
        tree.
      </EmptyState>
    );
  }
  if (tree.error) return <ErrorNote message={tree.error} />;
  const t = tree.data;
  if (!t || tree.loading) return <p className="muted">Building the process tree…</p>;
  const s = t.session;

  return (
    <article className="process-page" data-testid="process-page" data-focus={t.focusKey}>
      <header className="entity-head">
        <div className="muted small">Process tree</div>
        <h1 className="entity-name">
          on{' '}
          <PivotLink kind="host" value={t.host}>
            {t.host}
          </PivotLink>
        </h1>
        {t.findingId && (
          <p className="small">
            <span className="tree-legend-mark" aria-hidden="true" /> The processes of{' '}
            <button
              type="button"
              className="btn link"
              onClick={() => navigate('findings', { findingId: t.findingId })}
              data-testid="tree-finding"
            >
              finding {t.findingId}
            </button>{' '}
            are highlighted.
          </p>
        )}
      </header>
      <section className="panel">
        <h2>Logon session</h2>
        <dl className="session-strip" data-testid="tree-session">
          <div>
            <dt>Logon id</dt>
            <dd className="mono">{s.logonId ?? '—'}</dd>
          </div>
          <div>
            <dt>User</dt>
            <dd>{s.user ? <PivotLink kind="user" value={s.user} /> : '—'}</dd>
          </div>
          <div>
            <dt>Logon type</dt>
            <dd>{s.logonType == null ? '—' : logonTypeName(s.logonType)}</dd>
          </div>
          <div>
            <dt>From</dt>
            <dd>
              {s.source ? (
                <PivotLink kind={/^[0-9a-f:.]+$/i.test(s.source) ? 'ip' : 'host'} value={s.source} />
              ) : (
                '—'
              )}
            </dd>
          </div>
          <div>
            <dt>Logged on</dt>
            <dd>{formatTime(s.start, timeZone)}</dd>
          </div>
        </dl>
        {!s.start && (
          <p className="muted small">
            The session’s logon (4624) is not in the logs; its processes are still grouped by its logon id.
          </p>
        )}
      </section>
      <section className="panel">
        <div className="panel-head">
          <h2>Processes</h2>
          <span className="muted small">
            Parents in any session; children and siblings from logon {s.logonId ?? '(none)'} only. ← → fold, ↑
            ↓ move, Enter opens the events.
          </span>
        </div>
        <ProcessTreeView key={key} tree={t} />
      </section>
    </article>
  );
}
