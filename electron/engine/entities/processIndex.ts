// One host's process starts as a parent/child index, and the facts of the few starts a tree shows. Parents
// are resolved for that host alone (migration 009's `on_host`), which answers in a fraction of a second
// where the whole case's `processes` view takes seconds on a big case; the index itself is narrow (keys,
// session, time), and command lines are read only for the starts shown.
import { BIGINT, LIST, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { ProcessNode } from '../../../shared/api.js';
import { isoSql, num, numOrNull, text, textOrNull } from '../service/sqlRows.js';
import { readTyped } from './entitySql.js';

export interface IndexedProcess {
  key: string;
  parentKey: string | null;
  /** Decimal text, as DuckDB gives a BIGINT; null when the start names no session. */
  logonId: string | null;
  ts: number;
  parentIsStub: boolean;
  pid: number | null;
  imageName: string | null;
  /** 4688, or 1 for Sysmon. */
  eventId: number;
  /** The other records of the same start (Security 4688 and Sysmon 1 both logged it). */
  sameStart: string[];
}

export interface ProcessIndex {
  host: string;
  byKey: Map<string, IndexedProcess>;
  /** Children of each key, oldest first. */
  children: Map<string, IndexedProcess[]>;
  /** Any record's key to the key of the start it is shown as. */
  canonical: Map<string, string>;
}

// Security 4688 and Sysmon 1 log the same start a few milliseconds apart: one node, not two.
const SAME_START_US = 2_000_000;

/**
 * Merges the 4688 and the Sysmon 1 of one start (same pid, image and session, within SAME_START_US) into
 * one process, shown under the Sysmon record (its parent link is by GUID, exact) and keeping the other's
 * parent when the Sysmon one has none. Returns each record's canonical key.
 */
function mergeSameStarts(all: IndexedProcess[]): Map<string, string> {
  const canonical = new Map<string, string>();
  const sorted = [...all].sort(
    (a, b) =>
      (a.pid ?? -1) - (b.pid ?? -1) || (a.imageName ?? '').localeCompare(b.imageName ?? '') || a.ts - b.ts,
  );
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    if (canonical.has(a.key)) continue;
    canonical.set(a.key, a.key);
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.pid !== a.pid || b.imageName !== a.imageName || b.ts - a.ts > SAME_START_US) break;
      if (canonical.has(b.key) || b.eventId === a.eventId || b.logonId !== a.logonId) continue;
      const [keep, drop] = a.eventId === 1 ? [a, b] : [b, a];
      canonical.set(keep.key, keep.key);
      canonical.set(drop.key, keep.key);
      keep.sameStart.push(drop.key);
      if (keep.parentKey === null) {
        keep.parentKey = drop.parentKey;
        keep.parentIsStub = drop.parentIsStub;
      }
      break;
    }
  }
  return canonical;
}

export async function loadProcessIndex(
  conn: DuckDBConnection,
  host: string,
  maxParentAgeSeconds: number,
): Promise<ProcessIndex> {
  const rows = await readTyped(
    conn,
    `SELECT proc_key, parent_key, logon_id, epoch_us(ts) AS us, parent_is_stub, pid, image_name, event_id
       FROM resolve_processes(max_parent_age := to_seconds($age), on_host := $host)`,
    { age: maxParentAgeSeconds, host },
  );
  const all: IndexedProcess[] = rows.map((r) => ({
    key: text(r['proc_key']),
    parentKey: textOrNull(r['parent_key']),
    logonId: textOrNull(r['logon_id']),
    ts: num(r['us']),
    parentIsStub: r['parent_is_stub'] === true,
    pid: numOrNull(r['pid']),
    imageName: textOrNull(r['image_name']),
    eventId: num(r['event_id']),
    sameStart: [],
  }));
  const canonical = mergeSameStarts(all);
  const byKey = new Map<string, IndexedProcess>();
  for (const p of all) if (canonical.get(p.key) === p.key) byKey.set(p.key, p);
  const children = new Map<string, IndexedProcess[]>();
  for (const p of byKey.values()) {
    if (p.parentKey !== null) p.parentKey = canonical.get(p.parentKey) ?? p.parentKey;
    if (p.parentKey === null || p.parentKey === p.key || !byKey.has(p.parentKey)) continue;
    const list = children.get(p.parentKey);
    if (list) list.push(p);
    else children.set(p.parentKey, [p]);
  }
  for (const list of children.values()) list.sort((a, b) => a.ts - b.ts || (a.key < b.key ? -1 : 1));
  return { host, byKey, children, canonical };
}

export function hexLogonId(decimal: string | null): string | null {
  if (decimal === null) return null;
  try {
    return `0x${BigInt(decimal).toString(16)}`;
  } catch {
    return null;
  }
}

export interface ProcessFacts {
  key: string;
  host: string;
  time: string;
  pid: number | null;
  image: string | null;
  commandLine: string | null;
  user: string | null;
  parentPid: number | null;
  parentImage: string | null;
  ref: ProcessNode['ref'];
}

/** What the events say about some starts on one host: image, command line, user, and the raw record. */
export async function processFacts(
  conn: DuckDBConnection,
  host: string,
  keys: readonly string[],
): Promise<Map<string, ProcessFacts>> {
  if (keys.length === 0) return new Map();
  const rows = await readTyped(
    conn,
    `SELECT p.proc_key, p.host, ${isoSql('p.ts')} AS time, p.pid, p.image, p.command_line, p.user_display,
            p.parent_pid, p.logged_parent_image, p.record_no, s.sha256
       FROM process_starts() p JOIN sources s USING (source_id)
      WHERE p.host_key = lower($host) AND list_contains($keys, p.proc_key)`,
    { host, keys: listValue(keys.map((k) => BigInt(k))) },
    { keys: LIST(BIGINT) },
  );
  return new Map(
    rows.map((r) => [
      text(r['proc_key']),
      {
        key: text(r['proc_key']),
        host: text(r['host']),
        time: text(r['time']),
        pid: numOrNull(r['pid']),
        image: textOrNull(r['image']),
        commandLine: textOrNull(r['command_line']),
        user: textOrNull(r['user_display']),
        parentPid: numOrNull(r['parent_pid']),
        parentImage: textOrNull(r['logged_parent_image']),
        ref: { table: 'win_events', source: text(r['sha256']), recordNo: num(r['record_no']) },
      },
    ]),
  );
}

/** The start of a process on a host by its pid and start time (a chain node of a finding). */
export async function findProcessKey(
  conn: DuckDBConnection,
  host: string,
  pid: number,
  timeMicros: bigint,
): Promise<string | null> {
  const rows = await readTyped(
    conn,
    `SELECT proc_key FROM process_starts()
      WHERE host_key = lower($host) AND pid = $pid AND ts = make_timestamp($us)
      ORDER BY proc_key LIMIT 1`,
    { host, pid, us: timeMicros },
    { us: BIGINT },
  );
  return rows[0] ? text(rows[0]['proc_key']) : null;
}
