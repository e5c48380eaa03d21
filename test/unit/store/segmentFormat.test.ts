// The segment builder formats each row the moment it is added and keeps its memory from batch to
// batch: a reused builder must write exactly what a fresh one writes, however its buffers grew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReadRow, WinEventRow } from '../../../electron/engine/rowContract.js';
import { SegmentBatchBuilder, type FormattedBatch } from '../../../electron/engine/store/segmentFormat.js';
import { readText, securityEvent } from '../readers/windowsXml/readerHarness.js';
import { signinRow } from '../../support/caseBuilder.js';

async function winRows(count: number, firstRecord: number): Promise<ReadRow[]> {
  const events = [];
  for (let i = 0; i < count; i++) {
    const n = firstRecord + i;
    // Every third event has a line break in a field (its own segment), every fifth a long value.
    const commandLine = i % 3 === 0 ? `cmd.exe /c "echo ${n}&#10;whoami"` : `net user u${n} /add`;
    const extra = i % 5 === 0 ? 'x'.repeat(3000 + n) : 'short';
    events.push(
      securityEvent(
        4688,
        { NewProcessName: 'C:\\Windows\\System32\\cmd.exe', CommandLine: commandLine, Extra: extra },
        n,
      ),
    );
  }
  const { rows, errors } = await readText(events.join('\r\n'));
  assert.deepEqual(errors, []);
  return rows.map((row) => ({ kind: 'win', row }));
}

function signin(recordNo: number, raw: string): ReadRow {
  const row = signinRow(
    {
      ts: '2026-03-10T03:11:10Z',
      userPrincipalName: `user${recordNo}@contoso.example`,
      errorCode: 50126,
      raw,
    },
    recordNo,
  );
  return { kind: 'signin', row };
}

/** The batch as plain data, copied out of the builder's memory. */
function snapshot(batch: FormattedBatch) {
  return {
    segments: batch.segments.map((s) => ({ ...s, bytes: Buffer.from(s.bytes).toString('utf8') })),
    unpacked: batch.unpacked.length,
  };
}

function build(rows: readonly ReadRow[], builder = new SegmentBatchBuilder()) {
  for (const r of rows) builder.add(r);
  const out = snapshot(builder.formatted());
  builder.clear();
  return out;
}

test('a row is written as one line of its table, plain or escaped; unsafe text goes to the Appender', async () => {
  const rows = [
    ...(await winRows(6, 1)),
    signin(1, '{"id":"a"}'),
    signin(2, '{"id":"b",\n"note":"line break"}'),
    signin(3, '{"id":"c","bad":"\u001f"}'),
    // Long values are checked another way (see needsCare): the same outcomes.
    signin(4, `{"id":"d","pad":"${'x'.repeat(400)}",\n"note":"line break"}`),
    signin(5, `{"id":"e","pad":"${'x'.repeat(400)}","bad":"\u001b"}`),
    signin(6, `{"id":"f","pad":"${'x'.repeat(400)}"}`),
  ];
  const out = build(rows);
  const byKind = Object.fromEntries(out.segments.map((s) => [`${s.table}/${s.escaped}`, s]));
  assert.deepEqual(Object.keys(byKind).sort(), [
    'signins/false',
    'signins/true',
    'win_events/false',
    'win_events/true',
  ]);
  assert.equal(byKind['win_events/true']!.rows, 2);
  assert.equal(byKind['win_events/false']!.rows, 4);
  assert.equal(byKind['signins/true']!.rows, 2);
  assert.equal(byKind['signins/false']!.rows, 2);
  assert.equal(byKind['signins/true']!.bytes.includes('\n"note"'), false, 'the line break is rewritten');
  assert.equal(out.unpacked, 2);
  for (const s of out.segments) {
    assert.equal(s.bytes.split('\n').length - 1, s.rows, `${s.table}: one line a row`);
    assert.ok(s.bytes.endsWith('\n'));
  }
});

test('a reused builder writes what a fresh one writes, after its memory grew', async () => {
  const small = await winRows(3, 1);
  const large = await winRows(400, 100);
  const reused = new SegmentBatchBuilder();
  const first = build(small, reused);
  // The large batch outgrows the memory the small one left; the small one after it reuses the grown
  // memory, which still holds the large batch's bytes beyond the new end.
  const second = build(large, reused);
  const third = build(small, reused);
  assert.deepEqual(second, build(large));
  assert.deepEqual(first, build(small));
  assert.deepEqual(third, first);
  const plainOf = (b: typeof first) => b.segments.find((s) => s.table === 'win_events' && !s.escaped)!;
  assert.ok(plainOf(second).bytes.length > 50 * plainOf(first).bytes.length, 'the memory had to grow');
  for (let n = 100; n < 500; n++) {
    assert.ok(
      second.segments.some((s) => s.bytes.includes(`<EventRecordID>${n}</EventRecordID>`)),
      `record ${n}`,
    );
  }
});

test('an event without XML that its reader vouched for is written as checked rows are', async () => {
  const [a, b, c] = (await winRows(3, 1)).map((r) => (r.kind === 'win' ? r.row : null));
  // As an .evtx event arrives: no XML, a record offset, and (where its values were checked) plainText.
  const asEvtx = (row: WinEventRow, recordOffset: number, plainText: boolean): WinEventRow => {
    const { xmlUtf8: _bytes, ...rest } = row;
    return { ...rest, xml: null, recordOffset, ...(plainText ? { plainText: true as const } : {}) };
  };
  const vouched = asEvtx(b!, 4608, true);
  const unvouched = asEvtx(b!, 4608, false);
  const withBreak = asEvtx(a!, 9000, true);
  assert.ok(withBreak.commandLine?.includes('\n'), 'the first event has a line break in a value');
  const fast = build([{ kind: 'win', row: vouched }]);
  const careful = build([{ kind: 'win', row: unvouched }]);
  assert.deepEqual(fast, careful, 'the same line whichever path wrote it');
  assert.ok(fast.segments[0]!.bytes.includes('4608\u001f\u001b\n'), 'offset, then a NULL XML');
  // A vouched row with a line break still has it rewritten (its own, escaped, segment).
  const broken = build([{ kind: 'win', row: withBreak }]);
  assert.equal(broken.segments[0]!.escaped, true);
  assert.notEqual(c, null);
});

test('a row whose reader vouched for it is written as the column list writes it, field for field', async () => {
  const logon = {
    SubjectUserSid: 'S-1-5-18',
    SubjectUserName: 'DC01$',
    SubjectDomainName: 'CORP',
    SubjectLogonId: '0x3e7',
    TargetUserName: 'alice',
    TargetDomainName: 'CORP',
    TargetLogonId: '0x1f2e3d4c5b6a',
    LogonType: '3',
    IpAddress: '::ffff:10.1.2.3',
    IpPort: '50123',
    WorkstationName: 'WS7',
    Status: '0xC000006D',
    LogonProcessName: 'NtLmSsp ',
    AuthenticationPackageName: 'NTLM',
    ProcessId: '0x2a8',
    ProcessName: 'C:\\Windows\\System32\\lsass.exe',
    Odd: 'quote " and backslash \\ and tab \t',
  };
  const { rows, errors } = await readText(
    [securityEvent(4624, logon, 7), securityEvent(4625, logon, 8)].join('\r\n'),
  );
  assert.deepEqual(errors, []);
  const all: ReadRow[] = [...rows.map((row): ReadRow => ({ kind: 'win', row })), ...(await winRows(6, 20))];
  // Without its bytes a row is not vouched for: every field goes through the column list.
  const careful = all.map((r): ReadRow => {
    if (r.kind !== 'win') return r;
    const { xmlUtf8: _bytes, ...row } = r.row;
    return { kind: 'win', row };
  });
  assert.ok(
    all.some((r) => r.kind === 'win' && r.row.xmlUtf8 !== undefined),
    'some rows are vouched for',
  );
  assert.deepEqual(build(all), build(careful));
  const asEvtx = careful.map((r): ReadRow =>
    r.kind === 'win' ? { kind: 'win', row: { ...r.row, xml: null, recordOffset: 4096, plainText: true } } : r,
  );
  const evtxCareful = asEvtx.map((r): ReadRow => {
    if (r.kind !== 'win') return r;
    const { plainText: _vouched, ...row } = r.row;
    return { kind: 'win', row };
  });
  assert.deepEqual(build(asEvtx), build(evtxCareful));
});
