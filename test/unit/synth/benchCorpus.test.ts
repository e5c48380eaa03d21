import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseStringPromise } from 'xml2js';
import { writeBenchCorpus } from '../../../bench/corpus.js';
import { tempDir } from '../../support/paths.js';
import { decodeExport, eventId, splitEvents } from './eventText.js';

function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort())
    out[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  return out;
}

test('a small bench corpus is well-formed, has the asked-for counts and is reproducible', async () => {
  const first = tempDir('synth-bench-');
  const second = tempDir('synth-bench-');
  try {
    const summary = await writeBenchCorpus(first.dir, { windowsEvents: 2000, signins: 1000, seed: 42 });
    assert.equal(summary.windowsEvents, 2000);
    assert.equal(summary.signins, 1000);

    let events = 0;
    const ids = new Set<number>();
    for (const name of readdirSync(first.dir).filter((n) => n.endsWith('.xml'))) {
      const text = decodeExport(readFileSync(join(first.dir, name)));
      const list = splitEvents(text);
      assert.equal(
        list.length,
        text.split('</Event>').length - 1,
        `${name}: every </Event> closes one event`,
      );
      events += list.length;
      for (const ev of list) ids.add(eventId(ev));
      for (const ev of [list[0]!, list[Math.floor(list.length / 2)]!, list[list.length - 1]!]) {
        const parsed = await parseStringPromise(ev, { strict: true });
        assert.ok(parsed.Event.System[0].EventRecordID[0], `${name}: event parses`);
      }
    }
    assert.equal(events, 2000);
    for (const id of [4624, 4688, 1]) assert.ok(ids.has(id), `event ${id} present`);

    const graph = JSON.parse(readFileSync(join(first.dir, 'entra-signins-graph.json'), 'utf8')) as Array<{
      status: { errorCode: number };
    }>;
    const lines = readFileSync(join(first.dir, 'entra-signins-diagnostic.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { category: string });
    assert.equal(graph.length + lines.length, 1000);
    assert.equal(typeof graph[0]!.status.errorCode, 'number');
    assert.match(lines[0]!.category, /SignInLogs$/);

    await writeBenchCorpus(second.dir, { windowsEvents: 2000, signins: 1000, seed: 42 });
    assert.deepEqual(digest(second.dir), digest(first.dir));
  } finally {
    first.cleanup();
    second.cleanup();
  }
});
