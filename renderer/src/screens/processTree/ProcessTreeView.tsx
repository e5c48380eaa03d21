// The tree itself: each process with its image, pid, user, start time and command line, foldable, the
// focus and a finding's processes marked. A node whose children are not loaded yet (a sibling, a parent
// cut at fifty children) loads them from the engine when unfolded. Keyboard: one Tab stop, ↑ ↓ move,
// → unfolds (or steps into), ← folds (or steps out), Enter opens the node's events.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ProcessNode, ProcessTree } from '../../../../shared/api';
import { useApp } from '../../app/AppContext';
import { ErrorNote } from '../../common/ErrorNote';
import { PivotLink } from '../../common/PivotLink';
import { errorText } from '../../format/errorText';
import { baseName, formatCount } from '../../format/formatNumbers';
import { formatTime } from '../../format/formatTime';

function childrenOf(nodes: readonly ProcessNode[]): Map<string | null, ProcessNode[]> {
  const keys = new Set(nodes.map((n) => n.key));
  const out = new Map<string | null, ProcessNode[]>();
  for (const n of nodes) {
    const parent = n.parentKey !== null && keys.has(n.parentKey) ? n.parentKey : null;
    out.set(parent, [...(out.get(parent) ?? []), n]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return out;
}

const RELATION_WORD: Partial<Record<ProcessNode['relation'], string>> = {
  focus: 'this process',
  chain: 'finding’s chain',
};

export function ProcessTreeView({ tree }: { tree: ProcessTree }) {
  const { api, openRawEvent, navigate } = useApp();
  const [nodes, setNodes] = useState<ProcessNode[]>(tree.nodes);
  const kids = useMemo(() => childrenOf(nodes), [nodes]);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const rootRef = useRef<HTMLUListElement>(null);

  const loaded = (key: string) => kids.get(key)?.length ?? 0;
  const isOpen = (n: ProcessNode) => loaded(n.key) > 0 && !collapsed.has(n.key);

  const unfold = async (n: ProcessNode) => {
    setCollapsed((c) => new Set([...c].filter((k) => k !== n.key)));
    if (loaded(n.key) >= n.childCount) return;
    setLoading(n.key);
    try {
      const more = await api.processChildren({
        host: tree.host,
        key: n.key,
        ...(tree.session.logonId ? { logonId: tree.session.logonId } : {}),
      });
      setNodes((current) => {
        const have = new Set(current.map((c) => c.key));
        return [...current, ...more.filter((m) => !have.has(m.key))];
      });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(null);
    }
  };
  const fold = (n: ProcessNode) => setCollapsed((c) => new Set([...c, n.key]));
  const openEvents = (n: ProcessNode) => n.ref && openRawEvent(n.ref);

  const rows = () => [...(rootRef.current?.querySelectorAll<HTMLElement>('[data-tree-row]') ?? [])];
  const onKey = (e: KeyboardEvent<HTMLDivElement>, n: ProcessNode) => {
    if (e.target !== e.currentTarget) return;
    const all = rows();
    const at = all.indexOf(e.currentTarget);
    const move = (i: number) => all[Math.max(0, Math.min(all.length - 1, i))]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        move(at - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(all.length - 1);
        break;
      case 'ArrowRight':
        if (isOpen(n)) move(at + 1);
        else if (n.childCount > 0) void unfold(n);
        break;
      case 'ArrowLeft':
        if (isOpen(n)) fold(n);
        else
          rows()
            .find((r) => r.dataset['key'] === n.parentKey)
            ?.focus();
        break;
      case 'Enter':
        openEvents(n);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const render = (n: ProcessNode, level: number) => {
    const open = isOpen(n);
    const children = open ? (kids.get(n.key) ?? []) : [];
    const hidden = n.childCount - loaded(n.key);
    const classes = [
      'tree-row',
      n.highlighted && 'highlighted',
      n.relation === 'focus' && 'focus',
      n.stub && 'stub',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <li
        key={n.key}
        role="treeitem"
        aria-level={level}
        aria-expanded={n.childCount > 0 ? open : undefined}
        aria-selected={n.relation === 'focus'}
        data-testid="tree-node"
        data-key={n.key}
        data-relation={n.relation}
        data-highlighted={n.highlighted}
        data-image={n.image ? baseName(n.image).toLowerCase() : ''}
      >
        <div
          className={classes}
          tabIndex={n.relation === 'focus' ? 0 : -1}
          data-tree-row
          data-key={n.key}
          onKeyDown={(e) => onKey(e, n)}
        >
          <span className="tree-toggle-cell">
            {n.childCount > 0 ? (
              <button
                type="button"
                className="tree-toggle"
                tabIndex={-1}
                aria-label={open ? 'Fold' : `Unfold ${n.childCount} children`}
                onClick={() => (open ? fold(n) : void unfold(n))}
                data-testid="tree-toggle"
              >
                {loading === n.key ? '…' : open ? '▾' : '▸'}
              </button>
            ) : (
              <span className="tree-leaf" aria-hidden="true">
                ·
              </span>
            )}
          </span>
          <span className="tree-image" data-testid="tree-image">
            {n.image ? baseName(n.image) : 'unknown image'}
          </span>
          {RELATION_WORD[n.relation] && <span className="chip small">{RELATION_WORD[n.relation]}</span>}
          {n.highlighted && n.relation !== 'focus' && (
            <span className="chip small chip-finding">finding</span>
          )}
          <span className="muted small">pid {n.pid ?? '?'}</span>
          {n.user && <PivotLink kind="user" value={n.user} className="small" />}
          {n.stub ? (
            <span className="stub-mark small">start not in the logs: named by its child’s event</span>
          ) : (
            <span className="muted small">
              <TreeTime iso={n.time} />
              {n.logonId && n.logonId !== tree.session.logonId && <> · logon {n.logonId}</>}
            </span>
          )}
          {!n.childCount && n.otherSessionChildren === 0 ? null : (
            <span className="muted small">
              {n.childCount > 0 && !open && `${formatCount(n.childCount)} children`}
              {n.otherSessionChildren > 0 && ` +${formatCount(n.otherSessionChildren)} in other sessions`}
            </span>
          )}
          <span className="tree-actions">
            {n.ref && (
              <button
                type="button"
                className="btn small"
                tabIndex={-1}
                onClick={() => openEvents(n)}
                data-testid="tree-events"
              >
                Event
              </button>
            )}
            {n.sameStart.map((r) => (
              <button
                key={`${r.source}-${r.recordNo}`}
                type="button"
                className="btn small"
                tabIndex={-1}
                title="The same start, logged by the other telemetry (Security 4688 beside Sysmon 1)"
                onClick={() => openRawEvent(r)}
              >
                Also logged
              </button>
            ))}
            {!n.stub && n.relation !== 'focus' && (
              <button
                type="button"
                className="btn small ghost"
                tabIndex={-1}
                title="Centre the tree on this process (its own session's children and siblings)"
                onClick={() =>
                  navigate('process', {
                    process: { host: tree.host, key: n.key },
                    ...(tree.findingId ? { findingId: tree.findingId } : {}),
                  })
                }
                data-testid="tree-centre"
              >
                Centre
              </button>
            )}
          </span>
        </div>
        {n.commandLine && (
          <pre className="cmdline tree-cmdline" data-testid="tree-cmdline">
            {n.commandLine}
          </pre>
        )}
        {open && (
          <ul role="group" className="tree-children">
            {children.map((c) => render(c, level + 1))}
            {hidden > 0 && (
              <li className="tree-more muted small">
                <button type="button" className="btn link small" onClick={() => void unfold(n)}>
                  {formatCount(hidden)} more {hidden === 1 ? 'child' : 'children'} in this session
                </button>
              </li>
            )}
          </ul>
        )}
      </li>
    );
  };

  return (
    <div className="process-tree">
      {error && <ErrorNote message={error} />}
      <ul role="tree" aria-label="Process tree" ref={rootRef} data-testid="process-tree">
        {(kids.get(null) ?? []).map((n) => render(n, 1))}
      </ul>
    </div>
  );
}

function TreeTime({ iso }: { iso: string }) {
  const { timeZone } = useApp();
  return <>{formatTime(iso, timeZone)}</>;
}
