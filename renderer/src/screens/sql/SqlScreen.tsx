// SQL: each analytic's own SQL, editable, with its bound parameters, run read-only against the case. What a
// trainer shows a class: change a threshold or a clause, run, and see the rows change.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnalyticSql, SqlResult } from '../../../../shared/api';
import { useAnalytics, useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { errorText } from '../../format/errorText';
import { EmptyState } from '../../common/EmptyState';
import { ErrorNote } from '../../common/ErrorNote';
import { SqlParamTable } from './SqlParamTable';
import { SqlResultGrid } from './SqlResultGrid';
import './sql.css';

const ROW_LIMIT = 1000;

function initialParams(analytic: AnalyticSql, saved: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const p of analytic.params) values[p.name] = p.name in saved ? saved[p.name] : p.default;
  return values;
}

export function SqlScreen() {
  const { api } = useApp();
  const names = useAnalytics();
  const analytics = useApiQuery('analytic-sql', async (client) => {
    const [list, settings] = await Promise.all([client.analyticSql({}), client.getSettings({})]);
    return { list, saved: settings.params };
  });
  const [selectedId, setSelectedId] = useState<string>();
  const [sql, setSql] = useState('');
  const [params, setParams] = useState<Record<string, unknown>>({});
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<SqlResult>();
  const [error, setError] = useState<string>();
  const loaded = analytics.data;
  const list = useMemo(() => loaded?.list ?? [], [loaded]);
  const selected = list.find((a) => a.id === selectedId);

  const choose = useCallback(
    (a: AnalyticSql) => {
      setSelectedId(a.id);
      setSql(a.sql);
      setParams(initialParams(a, loaded?.saved ?? {}));
      setResult(undefined);
      setError(undefined);
    },
    [loaded],
  );

  // Open the first analytic when the list arrives, so the screen never starts empty.
  useEffect(() => {
    if (!selectedId && list.length > 0) choose(list[0]!);
  }, [selectedId, list, choose]);

  const run = async () => {
    setRunning(true);
    setError(undefined);
    try {
      setResult(await api.runSql({ sql, params, limit: ROW_LIMIT }));
    } catch (e) {
      setResult(undefined);
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="screen-sql">
      <div className="screen-title">
        <h1>SQL</h1>
        <p className="muted">
          Runs read-only against this case: edit freely, nothing can change the evidence.
        </p>
      </div>
      {analytics.error && <ErrorNote message={analytics.error} />}
      {analytics.data && list.length === 0 && (
        <EmptyState title="The engine offers no analytic SQL">
          Check the installation: the analytics’ .sql files are missing.
        </EmptyState>
      )}
      {list.length > 0 && (
        <div className="tabs" role="tablist" aria-label="Analytics">
          {list.map((a) => (
            <button
              key={a.id}
              type="button"
              role="tab"
              aria-selected={a.id === selectedId}
              className={a.id === selectedId ? 'tab active' : 'tab'}
              onClick={() => choose(a)}
              data-testid={`sql-pick-${a.id}`}
              title={a.title}
            >
              <span className="strong">{a.id}</span> {names.name(a.id)}
            </button>
          ))}
        </div>
      )}
      {selected && (
        <div className="sql-editor-layout">
          <section className="panel sql-editor">
            <div className="panel-head">
              <div>
                <h2>{selected.title}</h2>
                <div className="muted small">ATT&amp;CK: {selected.attack}</div>
              </div>
              <div className="row">
                <button
                  type="button"
                  className="btn"
                  onClick={() => setSql(selected.sql)}
                  disabled={sql === selected.sql}
                >
                  Reset SQL
                </button>
                <button
                  type="button"
                  className="btn primary"
                  onClick={() => void run()}
                  disabled={running || !sql.trim()}
                  data-testid="sql-run"
                >
                  {running ? 'Running…' : 'Run ▶'}
                </button>
              </div>
            </div>
            <textarea
              className="sql-text"
              value={sql}
              onChange={(e) => setSql(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void run();
              }}
              spellCheck={false}
              wrap="off"
              aria-label="SQL"
              data-testid="sql-text"
            />
            <p className="muted small">
              Ctrl+Enter runs. Parameters are bound as $name; up to {ROW_LIMIT} rows come back.
            </p>
            {/* The error sits under the editor it refers to, where the eye is after pressing Run. */}
            {error && <ErrorNote message={error} testId="sql-error" />}
          </section>
          <SqlParamTable specs={selected.params} values={params} onChange={setParams} />
        </div>
      )}
      {result && selected && <SqlResultGrid result={result} name={selected.id} />}
    </div>
  );
}
