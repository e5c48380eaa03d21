// Differential tests: whatever the fast path and the conformant fallback extract from an event must equal
// what an independent parser (xml2js, on sax) sees in it. xml2js keeps the CR characters XML requires a
// parser to turn into LF, so line ends in the input are normalised for it first (a `&#13;` reference is
// untouched by that, as it must be). It also drops whitespace-only text unless asked to keep text nodes
// as ordered children, which is how it is used here (and which keeps document order too).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import xml2js from 'xml2js';
import {
  extractEventConformant,
  MalformedEventError,
} from '../../../../electron/engine/readers/windowsXml/conformantEventExtractor.js';
import type {
  ExtractedEvent,
  SystemValues,
} from '../../../../electron/engine/readers/windowsXml/extractedEvent.js';
import { extractEventFast } from '../../../../electron/engine/readers/windowsXml/fastEventExtractor.js';
import { splitEvents, toWindowsRendering } from './exportFlavours.js';
import { nastyEvent, seededRandom } from './nastyEvents.js';
import { NEEDS_SHARED, realLogEntries } from './realLogs.js';

interface Node {
  '#name': string;
  $?: Record<string, string>;
  _?: string;
  $$?: Node[];
}
type Pair = [string | null, string];

interface Comparable {
  system: SystemValues;
  data: Pair[];
  userData: Pair[];
}

const TEXT = '__text__';
const elements = (node: Node | undefined, name?: string): Node[] =>
  (node?.$$ ?? []).filter((k) => k['#name'] !== TEXT && (name === undefined || k['#name'] === name));
const textOf = (node: Node): string =>
  (node.$$ ?? [])
    .filter((k) => k['#name'] === TEXT)
    .map((k) => k._ ?? '')
    .join('');
const attributeOf = (node: Node | undefined, name: string): string | null => node?.$?.[name] ?? null;
const byNameThenValue = (a: Pair, b: Pair): number =>
  String(a[0]).localeCompare(String(b[0])) || a[1].localeCompare(b[1]);

async function viaXml2js(xml: string): Promise<Comparable> {
  const parsed = (await xml2js.parseStringPromise(xml.replace(/\r\n?/g, '\n'), {
    explicitChildren: true,
    preserveChildrenOrder: true,
    charsAsChildren: true,
    includeWhiteChars: true,
    explicitCharkey: true,
    trim: false,
    normalize: false,
    strict: true,
  })) as { Event: Node };
  const system = elements(parsed.Event, 'System')[0];
  const first = (name: string): Node | undefined => elements(system, name)[0];
  const firstText = (name: string): string | null => {
    const node = first(name);
    return node === undefined ? null : textOf(node);
  };
  const data: Pair[] = [];
  for (const section of elements(parsed.Event, 'EventData')) {
    for (const item of elements(section)) {
      const name = item['#name'] === 'Data' ? attributeOf(item, 'Name') || null : item['#name'];
      data.push([name, textOf(item)]);
    }
  }
  const userData: Pair[] = [];
  for (const section of elements(parsed.Event, 'UserData')) {
    for (const root of elements(section)) flatten(root, root['#name'], 2, userData);
  }
  return {
    system: {
      provider: attributeOf(first('Provider'), 'Name'),
      eventId: firstText('EventID'),
      version: firstText('Version'),
      level: firstText('Level'),
      task: firstText('Task'),
      keywords: firstText('Keywords'),
      systemTime: attributeOf(first('TimeCreated'), 'SystemTime'),
      recordId: firstText('EventRecordID'),
      processId: attributeOf(first('Execution'), 'ProcessID'),
      channel: firstText('Channel'),
      computer: firstText('Computer'),
      userId: attributeOf(first('Security'), 'UserID'),
    },
    data,
    userData: userData.sort(byNameThenValue),
  };
}

/** The same flattening rule as the reader: leaves by path below the payload root, attributes as path@name. */
function flatten(node: Node, key: string, depth: number, out: Pair[]): void {
  for (const [attribute, value] of Object.entries(node.$ ?? {})) {
    if (attribute !== 'xmlns' && !attribute.startsWith('xmlns:')) out.push([`${key}@${attribute}`, value]);
  }
  const kids = elements(node);
  if (kids.length === 0) out.push([key, textOf(node)]);
  for (const child of kids)
    flatten(child, depth < 3 ? child['#name'] : `${key}/${child['#name']}`, depth + 1, out);
}

function comparable(event: ExtractedEvent, hasUserData: boolean): Comparable {
  const pairs = event.names.map((name, i): Pair => [name, event.values[i]!]);
  return {
    system: event.system,
    data: hasUserData ? [] : pairs,
    userData: hasUserData ? pairs.sort(byNameThenValue) : [],
  };
}

/** Compares both extractors with xml2js; returns whether the fast path took the event. */
async function assertSameAsXml2js(xml: string, version: '1.0' | '1.1', label: string): Promise<boolean> {
  const expected = await viaXml2js(xml);
  const hasUserData = /<UserData[\s>]/.test(xml);
  const conformant = extractEventConformant(xml, version);
  assert.deepEqual(comparable(conformant, hasUserData), expected, `${label}: conformant parser`);
  const fast = extractEventFast(xml);
  if (fast !== null) assert.deepEqual(comparable(fast, hasUserData), expected, `${label}: fast path`);
  return fast !== null;
}

describe('differential against xml2js', { skip: NEEDS_SHARED }, () => {
  it('every event of every real recording, as python-evtx and as Windows writes it', async () => {
    let fast = 0;
    let total = 0;
    for (const entry of realLogEntries()) {
      const events = splitEvents(readFileSync(entry.xmlPath, 'utf8'));
      for (const [i, event] of events.entries()) {
        for (const [form, xml, version] of [
          ['python-evtx', event, '1.1'],
          ['windows', toWindowsRendering(event), '1.0'],
        ] as const) {
          total++;
          if (await assertSameAsXml2js(xml, version, `${entry.id} event ${i + 1} (${form})`)) fast++;
        }
      }
    }
    // Real events are what the fast path is for: if it stopped taking them, speed would silently collapse.
    assert.ok(fast / total > 0.95, `fast path took only ${fast} of ${total} real events`);
  });

  it('400 generated events with hostile values and markup', async () => {
    const random = seededRandom(20240301);
    let fast = 0;
    for (let i = 0; i < 400; i++) {
      const xml = nastyEvent(random, i + 1);
      if (await assertSameAsXml2js(xml, '1.0', `generated event ${i + 1}: ${xml}`)) fast++;
    }
    assert.ok(fast > 50 && fast < 400, `fast path took ${fast} of 400: both paths must be exercised`);
  });

  it('3000 randomly damaged events: the fast path never accepts what the conformant parser rejects', () => {
    const random = seededRandom(7);
    const base = [
      ...splitEvents(readFileSync(realLogEntries().find((e) => e.id === 'R03')!.xmlPath, 'utf8'))
        .slice(0, 20)
        .map(toWindowsRendering),
      ...Array.from({ length: 50 }, (_v, i) => nastyEvent(random, i)),
    ];
    const inserts = [
      '<',
      '>',
      '&',
      '"',
      "'",
      '/',
      '<!--',
      ']]>',
      '<Event>',
      '</Event>',
      '\u0000',
      '&#0;',
      '&#xD800;',
      'é',
      '\r',
    ];
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      let xml = base[Math.floor(random() * base.length)]!;
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        const at = Math.floor(random() * xml.length);
        xml =
          random() < 0.5
            ? xml.slice(0, at) + xml.slice(at + 1 + Math.floor(random() * 5))
            : xml.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + xml.slice(at);
      }
      const fast = extractEventFast(xml);
      if (fast === null) continue;
      accepted++;
      let conformant: ExtractedEvent;
      try {
        conformant = extractEventConformant(xml, '1.0');
      } catch (error) {
        assert.ok(error instanceof MalformedEventError);
        assert.fail(`the fast path accepted an event the parser rejects (${error.message}): ${xml}`);
      }
      assert.deepEqual(fast, conformant, xml);
    }
    assert.ok(accepted > 150, `only ${accepted} damaged events still well-formed`);
  });
});
