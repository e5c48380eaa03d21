// The importer numbers a later slice's records from the event starts before it, counted while the file
// is hashed. On a sound file that count must be exactly the record count a whole-file read gives before
// the cut, whatever the flavour, encoding or chunking; on a damaged one it may be higher, never lower.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { EventStartCounter } from '../../../../electron/engine/readers/windowsXml/eventStartCounter.js';
import { planXmlSlices, readWindowsXml } from '../../../../electron/engine/readers/windowsXml/index.js';
import { xmlEncoding } from '../../../../electron/engine/readers/windowsXml/slicePlanner.js';
import { FLAVOURS } from './exportFlavours.js';
import { chunksOf, securityEvent } from './readerHarness.js';
import { NEEDS_SHARED, realLogEntries } from './realLogs.js';

function count(bytes: Buffer, cuts: readonly number[], chunkSize: number): number[] {
  const counter = new EventStartCounter(xmlEncoding(bytes.subarray(0, 4096))!, cuts);
  for (let at = 0; at < bytes.length; at += chunkSize) counter.push(bytes.subarray(at, at + chunkSize));
  counter.finish();
  return counter.before;
}

/** Records (imported or skipped) a read numbers before each cut: the file up to the cut, read whole. */
async function recordsBefore(bytes: Buffer, cuts: readonly number[]): Promise<number[]> {
  const out: number[] = [];
  for (const cut of cuts) {
    if (cut === 0) {
      out.push(0);
      continue;
    }
    const summary = await readWindowsXml(chunksOf(bytes.subarray(0, cut), 64 * 1024), {
      row: () => undefined,
      error: () => undefined,
    });
    out.push(summary.records + summary.skipped);
  }
  return out;
}

describe('EventStartCounter', { skip: NEEDS_SHARED }, () => {
  const entries = realLogEntries().filter((e) => e.events > 1);

  for (const flavour of FLAVOURS) {
    it(`${flavour.name}: the count before every cut is the records before it, in chunks of any size`, async () => {
      for (const entry of entries) {
        const bytes = flavour.write(readFileSync(entry.xmlPath, 'utf8'));
        const readAt = async (position: number, length: number) =>
          bytes.subarray(position, position + length);
        const cuts = await planXmlSlices(readAt, bytes.length, bytes.subarray(0, 4096), 4, 64);
        const whole = count(bytes, cuts, 1 << 20);
        assert.equal(whole[0], 0, entry.id);
        // Byte by byte on the small recordings; every chunk edge still falls inside tags and code units.
        for (const chunkSize of bytes.length < 64 * 1024 ? [1, 7] : [997, 4093]) {
          assert.deepEqual(count(bytes, cuts, chunkSize), whole, `${entry.id} ${flavour.name} ${chunkSize}`);
        }
        // The reader's own numbering: a slice starting at cut k starts at record before[k] + 1.
        assert.deepEqual(whole, await recordsBefore(bytes, cuts), `${entry.id} ${flavour.name}`);
      }
    });
  }

  it('counts no <Events> root, <EventData> or <EventID>, and counts a cut past the last event', () => {
    const text = `<Events>\n${securityEvent(4720, { TargetUserName: 'a' })}\n${securityEvent(4720, { TargetUserName: 'b' })}\n</Events>\n`;
    const bytes = Buffer.from(text);
    const second = bytes.lastIndexOf('<Event ');
    assert.deepEqual(count(bytes, [0, second, bytes.length], 5), [0, 1, 2]);
  });

  it('counts event-like text inside CDATA, so a damaged or unusual file is numbered too high, not too low', () => {
    const odd = securityEvent(4720, { TargetUserName: 'x' }).replace(
      '>x<',
      '><![CDATA[<Event a> <Event/>]]><',
    );
    const bytes = Buffer.from(`${odd}\n${securityEvent(4720, { TargetUserName: 'b' })}\n`);
    const second = bytes.lastIndexOf('<Event xmlns');
    assert.deepEqual(count(bytes, [0, second], 3), [0, 3]);
  });
});
