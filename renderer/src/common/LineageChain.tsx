// A process chain on one line, the way a responder says it: explorer.exe → cmd.exe → net.exe → net1.exe,
// with each process's full command line under it (the last one is the act itself; the earlier ones show how
// the actor got there). Stub parents (start not in the logs) are marked.
import type { LineageNode } from '../../../shared/report';
import { baseName } from '../format/formatNumbers';

export function imageName(node: LineageNode): string {
  return node.image ? baseName(node.image) : 'unknown image';
}

export function LineageChain({ lineage, testId }: { lineage: LineageNode[]; testId?: string }) {
  if (lineage.length === 0) {
    return (
      <p className="muted" data-testid={testId ?? 'lineage-chain'}>
        No process chain: the logs hold no process start tied to this finding (enable 4688 with command lines,
        or Sysmon event 1, to see one).
      </p>
    );
  }
  const withCommands = lineage.filter((n) => n.commandLine);
  const hosts = new Set(lineage.map((n) => n.host));
  return (
    <div className="lineage-chain" data-testid={testId ?? 'lineage-chain'}>
      <div className="chain">
        {lineage.map((node, i) => (
          <span key={`${node.host}-${node.pid}-${node.time}-${i}`} className="chain-part">
            {i > 0 && (
              <span className="chain-arrow" aria-label="started">
                {' → '}
              </span>
            )}
            <span
              className={node.stub ? 'chain-node stub' : 'chain-node'}
              title={`${node.image ?? 'unknown'}${node.pid != null ? ` (pid ${node.pid})` : ''}${node.user ? ` as ${node.user}` : ''}${node.stub ? ' — start not in the logs' : ''}`}
            >
              {imageName(node)}
              {hosts.size > 1 && <span className="chain-host">@{node.host}</span>}
              {node.stub && <span className="stub-mark"> (stub)</span>}
            </span>
          </span>
        ))}
      </div>
      {withCommands.length > 0 && (
        <ol className="chain-commands">
          {withCommands.map((node, i) => (
            <li
              key={`${node.pid}-${node.time}-${i}`}
              className={i === withCommands.length - 1 ? 'last' : undefined}
            >
              <span className="muted small">{imageName(node)}</span>
              <pre className="cmdline" data-testid="lineage-cmdline">
                {node.commandLine}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
