// A process chain on one line, the way a responder says it: explorer.exe → cmd.exe → net.exe → net1.exe,
// with the command lines under it (the last one is the act itself; its parents show how the actor got
// there). Stub parents (start not in the logs) are marked. Each process opens its tree (its children and
// siblings in the session), with the finding's processes highlighted when the chain is a finding's.
import { useState } from 'react';
import type { LineageNode } from '../../../shared/report';
import { useApp } from '../app/AppContext';
import { baseName } from '../format/formatNumbers';
import './LineageChain.css';

export function imageName(node: LineageNode): string {
  return node.image ? baseName(node.image) : 'unknown image';
}

// The act and its two parents tell the story; session plumbing (smss, winlogon …) is one click away.
const SHOWN_COMMANDS = 3;

function nodeTitle(node: LineageNode): string {
  const pid = node.pid != null ? ` (pid ${node.pid})` : '';
  const user = node.user ? ` as ${node.user}` : '';
  return `${node.image ?? 'unknown'}${pid}${user}${node.stub ? ' — start not in the logs' : ''}`;
}

interface LineageChainProps {
  lineage: LineageNode[];
  testId?: string;
  /** The finding the chain is from: its tree highlights the finding's processes. */
  findingId?: string;
}

export function LineageChain({ lineage, testId, findingId }: LineageChainProps) {
  const [showAll, setShowAll] = useState(false);
  const { navigate } = useApp();
  const openTree = (node: LineageNode) =>
    navigate('process', {
      process: { host: node.host, pid: node.pid!, time: node.time },
      ...(findingId ? { findingId } : {}),
    });
  if (lineage.length === 0) {
    return (
      <p className="muted" data-testid={testId ?? 'lineage-chain'}>
        No process chain: the logs hold no process start tied to this finding (enable 4688 with command lines,
        or Sysmon event 1, to see one).
      </p>
    );
  }
  const withCommands = lineage.filter((n) => n.commandLine);
  const shown = showAll ? withCommands : withCommands.slice(-SHOWN_COMMANDS);
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
            {node.stub || node.pid === null ? (
              <span className="chain-node stub" title={nodeTitle(node)}>
                {imageName(node)}
                {hosts.size > 1 && <span className="chain-host">@{node.host}</span>}
                {node.stub && <span className="stub-mark"> (stub)</span>}
              </span>
            ) : (
              <button
                type="button"
                className="chain-node chain-link"
                title={`${nodeTitle(node)} — open its process tree`}
                onClick={() => openTree(node)}
                data-testid="chain-node"
              >
                {imageName(node)}
                {hosts.size > 1 && <span className="chain-host">@{node.host}</span>}
              </button>
            )}
          </span>
        ))}
      </div>
      {withCommands.length > shown.length && (
        <button type="button" className="btn link small" onClick={() => setShowAll(true)}>
          Show all {withCommands.length} command lines
        </button>
      )}
      {shown.length > 0 && (
        <ol className="chain-commands">
          {shown.map((node, i) => (
            <li key={`${node.pid}-${node.time}-${i}`} className={i === shown.length - 1 ? 'last' : undefined}>
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
