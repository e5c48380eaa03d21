// A process tree around one process start: its ancestors (in any logon session: elevation, runas and
// services start children in other sessions), and its siblings and descendants in its own logon session —
// what else the same logon did around it. Given a finding, the finding's processes (its chain, and the
// process starts among its evidence) are highlighted, and each of their chains is in the tree too, with its
// siblings in the session. Big sessions (SYSTEM's, a server's) are cut: a parent lists at most
// SIBLINGS_SHOWN children, the focus's descendants stop at DESCENDANTS_SHOWN, and the tree says how many it
// left out; a node's further children load on demand (processChildren).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ProcessNode, ProcessTree, ProcessTreeQuery } from '../../../shared/api.js';
import type { Finding } from '../../../shared/report.js';
import { getFinding } from '../service/findings.js';
import { notFound, ServiceError } from '../service/serviceError.js';
import { isoToMicros, numOrNull, readRows, text, textOrNull } from '../service/sqlRows.js';
import {
  findProcessKey,
  hexLogonId,
  loadProcessIndex,
  processFacts,
  type IndexedProcess,
  type ProcessIndex,
} from './processIndex.js';

const MAX_DEPTH = 64;
const SIBLINGS_SHOWN = 50;
const DESCENDANTS_SHOWN = 500;
const CHILDREN_SHOWN = 200;

type Relation = ProcessNode['relation'];

interface Chosen {
  p: IndexedProcess;
  relation: Relation;
}

/** Up from a start to its root, oldest last; cycle-safe and bounded. */
function ancestors(index: ProcessIndex, key: string): IndexedProcess[] {
  const out: IndexedProcess[] = [];
  const seen = new Set([key]);
  let parent = index.byKey.get(key)?.parentKey ?? null;
  while (parent !== null && !seen.has(parent) && out.length < MAX_DEPTH) {
    const p = index.byKey.get(parent);
    if (!p) break;
    out.push(p);
    seen.add(parent);
    parent = p.parentKey;
  }
  return out;
}

function inSession(index: ProcessIndex, key: string, logonId: string | null): IndexedProcess[] {
  return (index.children.get(key) ?? []).filter((c) => c.logonId === logonId);
}

/** The starts to show, each with its relation to the focus, and the children each parent left out. */
function chooseNodes(
  index: ProcessIndex,
  focus: IndexedProcess,
  highlighted: ReadonlySet<string>,
): { chosen: Map<string, Chosen>; truncated: Record<string, number> } {
  const session = focus.logonId;
  const chosen = new Map<string, Chosen>();
  const add = (p: IndexedProcess, relation: Relation) => {
    if (!chosen.has(p.key)) chosen.set(p.key, { p, relation });
  };
  add(focus, 'focus');
  const chain: IndexedProcess[] = [focus];
  for (const a of ancestors(index, focus.key)) {
    add(a, 'ancestor');
    chain.push(a);
  }
  const others = [...highlighted].map((k) => index.byKey.get(k)).filter((p) => p !== undefined);
  for (const start of others) {
    add(start, 'chain');
    chain.push(start);
    for (const a of ancestors(index, start.key)) {
      add(a, 'chain');
      chain.push(a);
    }
  }
  const chainRoots = [focus, ...others];
  // The descendants of the focus and of the finding's processes in the session, breadth first.
  const queue = chainRoots.filter((p) => p.logonId === session).map((p) => p.key);
  let descendants = 0;
  while (queue.length > 0 && descendants < DESCENDANTS_SHOWN) {
    const key = queue.shift()!;
    for (const c of inSession(index, key, session)) {
      if (chosen.has(c.key)) continue;
      add(c, 'descendant');
      queue.push(c.key);
      if (++descendants >= DESCENDANTS_SHOWN) break;
    }
  }
  // Siblings: at every level of the chains, the parent's other children in the session.
  const truncated: Record<string, number> = {};
  for (const node of chain) {
    if (node.parentKey === null || node.logonId !== session) continue;
    const siblings = inSession(index, node.parentKey, session);
    let shown = 0;
    for (const s of siblings) {
      if (chosen.has(s.key)) continue;
      if (shown >= SIBLINGS_SHOWN) continue;
      add(s, 'sibling');
      shown++;
    }
  }
  for (const { p } of chosen.values()) {
    const children = inSession(index, p.key, session);
    const missing = children.filter((c) => !chosen.has(c.key)).length;
    const expandedHere = children.some((c) => chosen.has(c.key));
    if (missing > 0 && expandedHere) truncated[p.key] = missing;
  }
  return { chosen, truncated };
}

async function toNodes(
  conn: DuckDBConnection,
  index: ProcessIndex,
  picked: ReadonlyArray<{ p: IndexedProcess; relation: Relation }>,
  session: string | null,
  highlighted: ReadonlySet<string>,
): Promise<ProcessNode[]> {
  const facts = await processFacts(
    conn,
    index.host,
    picked.flatMap((c) => [c.p.key, ...c.p.sameStart]),
  );
  const nodes: ProcessNode[] = [];
  for (const { p, relation } of picked) {
    const f = facts.get(p.key);
    const children = index.children.get(p.key) ?? [];
    const sessionChildren = children.filter((c) => c.logonId === session).length;
    nodes.push({
      key: p.key,
      parentKey: p.parentKey !== null && index.byKey.has(p.parentKey) ? p.parentKey : null,
      host: f?.host ?? index.host,
      time: f?.time ?? '',
      pid: f?.pid ?? null,
      image: f?.image ?? null,
      commandLine: f?.commandLine ?? null,
      user: f?.user ?? null,
      logonId: hexLogonId(p.logonId),
      stub: false,
      relation,
      childCount: sessionChildren,
      otherSessionChildren: children.length - sessionChildren,
      highlighted: highlighted.has(p.key),
      ref: f?.ref ?? null,
      sameStart: p.sameStart.flatMap((k) => facts.get(k)?.ref ?? []),
    });
    // The root of a chain whose parent's start is not in the logs: the parent as the child's event names it.
    if (relation !== 'sibling' && relation !== 'descendant' && p.parentIsStub && f) {
      nodes.push({
        key: `stub:${p.key}`,
        parentKey: null,
        host: f.host,
        time: f.time,
        pid: f.parentPid,
        image: f.parentImage,
        commandLine: null,
        user: null,
        logonId: null,
        stub: true,
        relation: 'ancestor',
        childCount: 1,
        otherSessionChildren: 0,
        highlighted: false,
        ref: null,
        sameStart: [],
      });
      nodes[nodes.length - 2]!.parentKey = `stub:${p.key}`;
    }
  }
  return nodes;
}

async function sessionFacts(
  conn: DuckDBConnection,
  host: string,
  logonId: string | null,
  beforeMicros: number,
): Promise<ProcessTree['session']> {
  const empty = { logonId: hexLogonId(logonId), user: null, logonType: null, source: null, start: null };
  if (logonId === null) return empty;
  const [row] = await readRows(
    conn,
    `SELECT account_display(target_user, target_domain) AS usr, logon_type,
            coalesce(remote_ip(ip), nullif(nullif(trim(workstation), ''), '-')) AS src,
            strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ') AS time
       FROM win_events
      WHERE event_id = 4624 AND lower(host) = lower($host) AND target_logon_id = $logon::BIGINT
      ORDER BY ts <= make_timestamp($before::BIGINT) DESC, abs(epoch_us(ts) - $before::BIGINT) LIMIT 1`,
    { host, logon: logonId, before: String(beforeMicros) },
  );
  if (!row) return empty;
  return {
    logonId: hexLogonId(logonId),
    user: textOrNull(row['usr']),
    logonType: numOrNull(row['logon_type']),
    source: textOrNull(row['src']),
    start: textOrNull(row['time']),
  };
}

/** The finding's processes on a host: its chain's starts, and the process starts among its evidence. */
async function findingProcessKeys(conn: DuckDBConnection, finding: Finding, host: string): Promise<string[]> {
  const keys = new Set<string>();
  for (const node of finding.lineage) {
    if (node.stub || node.pid === null || node.host.toLowerCase() !== host.toLowerCase()) continue;
    const key = await findProcessKey(conn, node.host, node.pid, isoToMicros(node.time, 'time'));
    if (key) keys.add(key);
  }
  const rows = await readRows(
    conn,
    `SELECT DISTINCT event_key(e.source_id, e.record_no)::VARCHAR AS k
       FROM finding_evidence fe JOIN win_events e USING (source_id, record_no)
      WHERE fe.finding_id = $id AND fe.table_name = 'win_events' AND lower(e.host) = lower($host)
        AND (e.event_id = 4688 OR (e.event_id = 1 AND is_sysmon(e.provider, e.channel)))`,
    { id: finding.id, host },
  );
  for (const r of rows) keys.add(text(r['k']));
  return [...keys];
}

/** Where a finding's tree is centred: the act of its chain, else its first process start. */
function findingFocus(finding: Finding): { host: string; pid: number; time: string } | null {
  const act = [...finding.lineage].reverse().find((n) => !n.stub && n.pid !== null);
  return act ? { host: act.host, pid: act.pid!, time: act.time } : null;
}

export async function processTree(
  conn: DuckDBConnection,
  q: ProcessTreeQuery,
  maxParentAgeSeconds: number,
): Promise<ProcessTree> {
  const finding = q.findingId ? await getFinding(conn, q.findingId) : null;
  let host = q.host ?? null;
  let focusKey = q.key ?? null;
  if (focusKey === null && host !== null && q.pid !== undefined && q.time !== undefined) {
    focusKey = await findProcessKey(conn, host, q.pid, isoToMicros(q.time, 'time'));
    if (focusKey === null) throw notFound(`the start of pid ${q.pid} on ${host} at ${q.time}`);
  }
  if (focusKey === null && q.source !== undefined && q.recordNo !== undefined) {
    const [row] = await readRows(
      conn,
      `SELECT event_key(e.source_id, e.record_no)::VARCHAR AS k, e.host
         FROM win_events e JOIN sources s USING (source_id)
        WHERE s.sha256 = $sha AND e.record_no = $rec
          AND (e.event_id = 4688 OR (e.event_id = 1 AND is_sysmon(e.provider, e.channel)))`,
      { sha: q.source, rec: BigInt(q.recordNo) },
    );
    if (!row) throw notFound(`a process start at record ${q.recordNo} of ${q.source.slice(0, 12)}…`);
    focusKey = text(row['k']);
    host = text(row['host']);
  }
  if (focusKey === null && finding) {
    const act = findingFocus(finding);
    if (act) {
      host = act.host;
      focusKey = await findProcessKey(conn, act.host, act.pid, isoToMicros(act.time, 'time'));
    }
    if (focusKey === null) {
      for (const h of finding.hosts) {
        const [first] = await findingProcessKeys(conn, finding, h);
        if (first) {
          host = h;
          focusKey = first;
          break;
        }
      }
    }
    if (focusKey === null) throw notFound(`a process start of finding ${finding.id}`);
  }
  if (focusKey === null || host === null)
    throw new ServiceError(
      'BAD_REQUEST',
      'name a process (host and key, or host, pid and time) or a finding',
    );

  const index = await loadProcessIndex(conn, host, maxParentAgeSeconds);
  const canonical = (key: string) => index.canonical.get(key) ?? key;
  const focus = index.byKey.get(canonical(focusKey));
  if (!focus) throw notFound(`process ${focusKey} on ${host}`);
  const highlighted = new Set((finding ? await findingProcessKeys(conn, finding, host) : []).map(canonical));
  const { chosen, truncated } = chooseNodes(index, focus, highlighted);
  const tree: ProcessTree = {
    host,
    focusKey: focus.key,
    session: await sessionFacts(conn, host, focus.logonId, focus.ts),
    nodes: await toNodes(conn, index, [...chosen.values()], focus.logonId, highlighted),
    truncated,
  };
  if (finding) tree.findingId = finding.id;
  return tree;
}

/** A node's children in one logon session (its own when none is named), for expanding it. */
export async function processChildren(
  conn: DuckDBConnection,
  q: { host: string; key: string; logonId?: string },
  maxParentAgeSeconds: number,
): Promise<ProcessNode[]> {
  const index = await loadProcessIndex(conn, q.host, maxParentAgeSeconds);
  const parent = index.byKey.get(index.canonical.get(q.key) ?? q.key);
  if (!parent) throw notFound(`process ${q.key} on ${q.host}`);
  const session = q.logonId !== undefined ? BigInt(q.logonId).toString() : parent.logonId;
  const picked = inSession(index, parent.key, session)
    .slice(0, CHILDREN_SHOWN)
    .map((p) => ({ p, relation: 'child' as const }));
  return toNodes(conn, index, picked, session, new Set());
}
