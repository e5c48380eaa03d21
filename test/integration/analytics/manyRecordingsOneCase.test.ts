// Every recording of ../shared/real-logs imported into one case, as a responder drops a whole folder: a
// process named by pid (a 4798/4799 caller, a parent) must come from the recording that names it. Three
// recordings hold MSEDGEWIN10; in one, net1.exe enumerates groups (4798/4799, no process starts), and
// another, 17 days older, holds Sysmon process starts of that host whose pids include the callers'. Every
// finding of the one case must have the lineage it has when its recording is a case of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../shared/report.js';
import { runAnalytics } from '../../../electron/engine/analytics/index.js';
import { NEEDS_SHARED, realLogsDir, sharedAvailable } from '../../support/paths.js';
import { importIntoMemoryCase } from '../../support/importCase.js';

interface Entry {
  id: string;
  files: Array<{ role: string; path: string }>;
}

const recordings = sharedAvailable
  ? (
      JSON.parse(readFileSync(join(realLogsDir, 'manifest.json'), 'utf8')) as { entries: Entry[] }
    ).entries.map((e) => join(realLogsDir, e.files.find((f) => f.role.startsWith('xml'))!.path))
  : [];

const imageOf = (p: string | null) => (p ?? '?').split('\\').pop()!.toLowerCase();
const chain = (f: Finding) =>
  f.lineage.map((n) => `${imageOf(n.image)}${n.stub ? ' (stub)' : ''}`).join(' > ');
const key = (f: Finding) => `${f.analytic} ${f.hosts.join(',')} ${f.first}`;

async function findingsOf(paths: string[]): Promise<Finding[]> {
  const { db, sources } = await importIntoMemoryCase(paths);
  try {
    assert.deepEqual(
      sources.flatMap((s) => s.errors),
      [],
      'the recordings import cleanly',
    );
    return await runAnalytics(db.conn);
  } finally {
    db.close();
  }
}

test(
  'all real recordings in one case: no lineage is borrowed from another recording',
  { skip: NEEDS_SHARED },
  async (t) => {
    const together = await findingsOf(recordings);
    const alone = new Map<string, Finding>();
    for (const path of recordings) for (const f of await findingsOf([path])) alone.set(key(f), f);

    const edge = together.find((f) => f.analytic === 'AN1612' && f.hosts[0] === 'MSEDGEWIN10');
    assert.ok(edge, 'the MSEDGEWIN10 enumeration is found');
    t.diagnostic(`MSEDGEWIN10: ${chain(edge)} — ${edge.explanation}`);
    assert.ok(
      !edge.lineage.some((n) => imageOf(n.image) === 'reg.exe'),
      'no reg.exe from the Sysmon recording',
    );
    assert.deepEqual(chain(edge), 'net1.exe (stub)');
    assert.match(edge.explanation, /net1\.exe, pid \d+.*the starting process is not in the logs\./);

    for (const f of together) {
      const own = alone.get(key(f));
      assert.ok(own, `${key(f)} is found in its own recording too`);
      assert.equal(chain(f), chain(own), `${key(f)}: the same lineage as in its own recording`);
    }
    assert.equal(together.length, alone.size, 'no finding appears only when the recordings are together');
  },
);
