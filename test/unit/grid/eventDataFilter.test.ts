// A filter on an EventData field rules events out before it parses their JSON (viewSql.ts): by their ids
// (those whose events hold the field, from the case's summary) and, for ticked values, by the value as JSON
// writes it. Neither may drop an event the field's own value matches: values with the characters JSON
// escapes (quotes, backslashes, line breaks), non-ASCII text in another case, a value under another
// field's name, events of other ids and without one, and "no value", each filtered every way and held to
// the answer worked out here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GridFilter, GridView } from '../../../shared/eventGrid.js';
import { EventGrid } from '../../../electron/engine/grid/eventGrid.js';
import { refreshEventSummaries } from '../../../electron/engine/store/eventSummaries.js';
import { CaseBuilder } from '../../support/caseBuilder.js';

let builder: CaseBuilder;
let grid: EventGrid;

/**
 * Each event's `Path` field (undefined: the event has none), what else its EventData holds, and its id
 * (4688 unless said; null: an event without one). The filter reads only events whose ids hold the field.
 */
const EVENTS: Array<{ path?: string; other?: Record<string, string>; id?: number | null }> = [
  { path: 'C:\\Temp\\Evil.exe' },
  { path: 'say "hi" now' },
  { path: 'line one\nline two\ttabbed' },
  { path: 'Ærøskøbing ÉTÉ' },
  { path: '\u212Aelvin' }, // the Kelvin sign, which RE2 and toLowerCase fold to k
  { path: 'plain value' },
  { path: '' },
  { other: { Other: 'plain value' } },
  { other: { Pathology: 'evil.exe' } },
  {},
  { path: 'back\\slash "quoted" \\"both\\"' },
  { path: 'plain value from a logon', id: 4624 },
  { other: { Other: 'c:\\temp\\evil.exe' }, id: 4625 },
  { path: 'an Evil.exe without an id', id: null },
];

before(async () => {
  builder = await CaseBuilder.create();
  const data = (e: (typeof EVENTS)[number]) => ({
    ...(e.path === undefined ? {} : { Path: e.path }),
    ...e.other,
  });
  const ts = (i: number) => new Date(Date.parse('2024-03-05T10:00:00Z') + i * 1000).toISOString();
  await builder.add('Security.xml', {
    win: EVENTS.flatMap((e, i) =>
      e.id === null ? [] : [{ eventId: e.id ?? 4688, ts: ts(i), recordId: i + 1, data: data(e) }],
    ),
  });
  // An event without an id, as a reader leaves one whose EventID it could not read.
  for (const [i, e] of EVENTS.entries())
    if (e.id === null)
      await builder.conn.run(
        `INSERT INTO win_events (source_id, record_no, record_id, ts, host, event_id, data, xml)
         VALUES (1, $n, $n, $ts::TIMESTAMP, 'WS01', NULL, $data, '<Event/>')`,
        { n: i + 1, ts: ts(i).replace('T', ' ').replace('Z', ''), data: JSON.stringify(data(e)) },
      );
  grid = new EventGrid(() => builder.db.connect());
});

after(async () => {
  await grid?.close();
  builder?.close();
});

/** The events (by index) a filter keeps, as the grid answers. */
async function kept(filter: GridFilter): Promise<number[]> {
  const view: GridView = { scope: { kind: 'case' }, filters: [filter] };
  const w = await grid.window({ ...view, columns: ['record_id'], offset: 0, limit: 100 });
  return w.rows.map((r) => Number(r.cells[0]) - 1);
}

/** The events whose Path passes `test`, worked out here. */
function expected(test: (path: string | null) => boolean): number[] {
  return EVENTS.flatMap((e, i) => (test(e.path ?? null) ? [i] : []));
}

const lower = (s: string) => s.toLowerCase();

test('"contains", "starts with" and "does not contain" on an EventData field keep exactly the matching events', async () => {
  const texts = [
    'evil.EXE',
    'temp\\evil',
    'c:\\',
    '"hi"',
    'hi" now',
    'LINE TWO',
    'one\nline',
    '\ttabbed',
    'ærø',
    'été',
    'KELVIN',
    'plain',
    '\\"both\\"',
    'slash "quoted',
    'nowhere',
  ];
  for (const text of texts) {
    const t = lower(text);
    const contains = (p: string | null) => p !== null && lower(p).includes(t);
    assert.deepEqual(
      await kept({ column: 'data.Path', op: 'contains', text }),
      expected(contains),
      `contains ${text}`,
    );
    assert.deepEqual(
      await kept({ column: 'data.Path', op: 'starts', text }),
      expected((p) => p !== null && lower(p).startsWith(t)),
      `starts with ${text}`,
    );
    assert.deepEqual(
      await kept({ column: 'data.Path', op: 'contains', text, not: true }),
      expected((p) => !contains(p)),
      `does not contain ${text}`,
    );
  }
});

test('ticked values of an EventData field keep exactly the events with one of them, "no value" included', async () => {
  const lists: Array<Array<string | null>> = [
    ['C:\\Temp\\Evil.exe'],
    ['say "hi" now', 'plain value'],
    ['line one\nline two\ttabbed'],
    ['Ærøskøbing ÉTÉ', '\u212Aelvin'],
    ['back\\slash "quoted" \\"both\\"'],
    [''],
    ['c:\\temp\\evil.exe'],
    [null],
    [null, 'plain value'],
  ];
  for (const values of lists)
    assert.deepEqual(
      await kept({ column: 'data.Path', op: 'in', values }),
      expected((p) => values.includes(p)),
      `in ${JSON.stringify(values)}`,
    );
});

test("the same events once the case's summary counts every field (the ids holding it come from there)", async () => {
  await refreshEventSummaries(builder.conn);
  const fresh = new EventGrid(() => builder.db.connect());
  try {
    for (const [filter, want] of [
      [{ column: 'data.Path', op: 'contains', text: 'evil.exe' }, [0, 13]],
      [{ column: 'data.Path', op: 'in', values: ['plain value', 'plain value from a logon'] }, [5, 11]],
      [{ column: 'data.Other', op: 'contains', text: 'evil' }, [12]],
      [{ column: 'data.Nowhere', op: 'contains', text: 'x' }, []],
      [
        { column: 'data.Path', op: 'contains', text: 'evil.exe', not: true },
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      ],
    ] as Array<[GridFilter, number[]]>) {
      const w = await fresh.window({
        scope: { kind: 'case' },
        filters: [filter],
        columns: ['record_id'],
        offset: 0,
        limit: 100,
      });
      assert.deepEqual(
        w.rows.map((r) => Number(r.cells[0]) - 1),
        want,
        JSON.stringify(filter),
      );
    }
  } finally {
    await fresh.close();
  }
});

test('a regular expression on an EventData field reads every value', async () => {
  assert.deepEqual(
    await kept({ column: 'data.Path', op: 'regex', text: '^(c:|say).*\\b(evil|hi)\\b' }),
    [0, 1],
  );
  assert.deepEqual(await kept({ column: 'data.Path', op: 'regex', text: 'one\\nline' }), [2]);
});
