// The process chain as an indented tree, root first: each process with its pid and user, and its full
// command line underneath, because the command line is the evidence ("net1 user backdoor … /add"). Each
// process opens its whole tree (children and siblings in its session).
import type { LineageNode } from '../../../../shared/report';
import { useApp } from '../../app/AppContext';
import { imageName } from '../../common/LineageChain';
import { PivotLink } from '../../common/PivotLink';
import { formatTime } from '../../format/formatTime';
import './accounts.css';

export function LineageTree({ lineage }: { lineage: LineageNode[] }) {
  const { timeZone, navigate } = useApp();
  if (lineage.length === 0) {
    return (
      <p className="muted" data-testid="lineage-tree">
        No process chain in the logs for this account. Process starts come from Security 4688 (with command
        line auditing) or Sysmon event 1; import those from the host to see who ran what.
      </p>
    );
  }
  return (
    <ol className="lineage-tree" data-testid="lineage-tree">
      {lineage.map((node, depth) => (
        <li
          key={`${node.host}-${node.pid}-${node.time}-${depth}`}
          className={node.stub ? 'tree-node stub' : 'tree-node'}
          style={{ marginLeft: `${depth * 1.1}rem` }}
          data-testid="lineage-node"
        >
          <div className="tree-line">
            {depth > 0 && (
              <span className="tree-elbow" aria-hidden="true">
                └─
              </span>
            )}
            {node.stub || node.pid === null ? (
              <span className="tree-image" data-testid="lineage-image">
                {imageName(node)}
              </span>
            ) : (
              <button
                type="button"
                className="tree-image chain-link"
                data-testid="lineage-image"
                title="Open its process tree: its children and siblings in the session"
                onClick={() =>
                  navigate('process', { process: { host: node.host, pid: node.pid!, time: node.time } })
                }
              >
                {imageName(node)}
              </button>
            )}
            <span className="muted small">pid {node.pid ?? '?'}</span>
            {node.user && <PivotLink kind="user" value={node.user} className="small" />}
            {(depth === 0 || lineage[depth - 1]!.host !== node.host) && (
              <span className="chip small">{node.host}</span>
            )}
            {node.stub ? (
              <span
                className="stub-mark small"
                title="This process's own start is not in the logs; its name comes from the child's event."
              >
                stub — start not in logs
              </span>
            ) : (
              <span className="muted small">{formatTime(node.time, timeZone)}</span>
            )}
          </div>
          {node.commandLine && (
            <pre className="cmdline" data-testid="lineage-node-cmdline">
              {node.commandLine}
            </pre>
          )}
        </li>
      ))}
    </ol>
  );
}
