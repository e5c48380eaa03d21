import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStringPromise } from 'xml2js';
import { openMemorySink } from '../../../tools/synth/textSink.js';
import { utcMicros } from '../../../tools/synth/timeFormat.js';
import { escapeXml } from '../../../tools/synth/xmlText.js';
import { flavourEncoding, WinEventExportWriter } from '../../../tools/synth/windows/exportFlavours.js';
import type { WinExportFlavour } from '../../../tools/synth/windows/exportFlavours.js';
import { securityLogCleared1102, serviceStateChanged7036 } from '../../../tools/synth/windows/miscEvents.js';
import { processCreated4688, sysmonProcessCreate } from '../../../tools/synth/windows/processEvents.js';
import type { ProcessInfo } from '../../../tools/synth/windows/processEvents.js';
import { renderPythonEvtxXml, renderWindowsXml } from '../../../tools/synth/windows/renderXml.js';
import type { WinEvent } from '../../../tools/synth/windows/winEvent.js';
import { data, dataNames, decodeExport, splitEvents } from './eventText.js';

const T = utcMicros(2026, 3, 11, 13, 47, 12) + 345_678;
const ctx = { computer: 'WS01.corp.local', time: T, execPid: 4, execTid: 8812 };
const jdoe = { sid: 'S-1-5-21-1-2-3-1104', name: 'jdoe', domain: 'CORP' };
const NASTY = `cmd.exe /c "echo a & b" > 'out.txt' <in`;

function proc(pid: number, image: string, commandLine: string): ProcessInfo {
  return {
    pid,
    guid: `{11111111-72dc-69b1-0000-0010${pid.toString(16).padStart(8, '0')}}`,
    image,
    commandLine,
    currentDirectory: 'C:\\Users\\jdoe\\',
    user: jdoe,
    logonId: 0x46701a,
    logonGuid: '{11111111-72dc-69b1-0000-00201a704600}',
    terminalSession: 2,
    integrity: 'High',
    elevation: '%%1937',
    start: T,
  };
}

const parent = proc(0x264c, 'C:\\Windows\\System32\\cmd.exe', '"C:\\Windows\\system32\\cmd.exe" ');
const child = proc(0x1a2c, 'C:\\Windows\\System32\\net.exe', NASTY);
const ev4688 = (): WinEvent => ({
  ...processCreated4688(ctx, { account: jdoe, logonId: 0x46701a }, child, parent),
  recordId: 149740,
});

test('4688 version 2 carries the real Data names in the real order', () => {
  assert.deepEqual(dataNames(renderWindowsXml(ev4688())), [
    'SubjectUserSid',
    'SubjectUserName',
    'SubjectDomainName',
    'SubjectLogonId',
    'NewProcessId',
    'NewProcessName',
    'TokenElevationType',
    'ProcessId',
    'CommandLine',
    'TargetUserSid',
    'TargetUserName',
    'TargetDomainName',
    'TargetLogonId',
    'ParentProcessName',
    'MandatoryLabel',
  ]);
});

test('the System block looks like Windows wrote it', () => {
  const xml = renderWindowsXml(ev4688());
  assert.ok(
    xml.startsWith(
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4688</EventID><Version>2</Version>",
    ),
  );
  assert.match(
    xml,
    /<TimeCreated SystemTime='2026-03-11T13:47:12\.345678\dZ'\/><EventRecordID>149740<\/EventRecordID>/,
  );
  assert.match(
    xml,
    /<Channel>Security<\/Channel><Computer>WS01\.corp\.local<\/Computer><Security\/><\/System>/,
  );
  assert.match(
    renderWindowsXml(ev4688(), { timeDigits: 9 }),
    /SystemTime='2026-03-11T13:47:12\.345678\d00Z'/,
  );
});

test('all five XML specials are escaped, and a conformant parser gets the value back', async () => {
  assert.equal(escapeXml(`&<>"'`), '&amp;&lt;&gt;&quot;&apos;');
  const xml = renderWindowsXml(ev4688());
  assert.ok(xml.includes('cmd.exe /c &quot;echo a &amp; b&quot; &gt; &apos;out.txt&apos; &lt;in'));
  const parsed = await parseStringPromise(xml);
  const cmd = parsed.Event.EventData[0].Data.find((d: { $: { Name: string } }) => d.$.Name === 'CommandLine');
  assert.equal(cmd._, NASTY);
  assert.equal(data(renderPythonEvtxXml(ev4688()), 'CommandLine'), NASTY);
});

test('pids are hex in 4688 and decimal in Sysmon; python-evtx pads hex to the field width', () => {
  const xml = renderWindowsXml(ev4688());
  assert.equal(data(xml, 'NewProcessId'), '0x1a2c');
  assert.equal(data(xml, 'ProcessId'), '0x264c');
  assert.equal(data(xml, 'SubjectLogonId'), '0x46701a');
  const py = renderPythonEvtxXml(ev4688());
  assert.equal(data(py, 'NewProcessId'), '0x0000000000001a2c');
  assert.match(py, /<TimeCreated SystemTime="2026-03-11 13:47:12\.345678"><\/TimeCreated>/);
  assert.match(py, /<EventID Qualifiers="">4688<\/EventID>/);
  const sysmon = renderWindowsXml({ ...sysmonProcessCreate(ctx, child, parent), recordId: 1 });
  assert.equal(data(sysmon, 'ProcessId'), String(0x1a2c));
  assert.equal(data(sysmon, 'ParentProcessId'), String(0x264c));
  assert.equal(data(sysmon, 'ParentProcessGuid'), parent.guid);
  assert.equal(data(sysmon, 'User'), 'CORP\\jdoe');
  assert.equal(data(sysmon, 'LogonId'), '0x46701a');
});

test('UserData events and <Binary> render as Windows writes them', () => {
  const cleared = renderWindowsXml({ ...securityLogCleared1102(ctx, jdoe, 0x2bef23), recordId: 7 });
  assert.match(
    cleared,
    /<UserData><LogFileCleared xmlns='http:\/\/manifests\.microsoft\.com\/win\/2004\/08\/windows\/eventlog'><SubjectUserSid>S-1-5-21-1-2-3-1104<\/SubjectUserSid><SubjectUserName>jdoe<\/SubjectUserName><SubjectDomainName>CORP<\/SubjectDomainName><SubjectLogonId>0x2bef23<\/SubjectLogonId><\/LogFileCleared><\/UserData>/,
  );
  const svc = renderWindowsXml({
    ...serviceStateChanged7036(ctx, 'Windows Update', 'wuauserv', 'running'),
    recordId: 8,
  });
  assert.match(svc, /<EventID Qualifiers='16384'>7036<\/EventID>/);
  const binary = /<Binary>([0-9A-F]+)<\/Binary>/.exec(svc)![1]!;
  assert.equal(Buffer.from(binary, 'hex').toString('utf16le'), 'wuauserv/4\u0000');
});

async function exportOf(flavour: WinExportFlavour): Promise<Buffer> {
  const { encoding, bom } = flavourEncoding(flavour);
  const sink = openMemorySink(encoding, bom);
  const writer = new WinEventExportWriter(sink, flavour);
  writer.write(ev4688());
  writer.write({ ...ev4688(), recordId: 149741 });
  assert.equal(writer.finish(), 2);
  return sink.contents();
}

test('each export flavour has its own envelope and encoding', async () => {
  const wevtutil = await exportOf('wevtutil');
  assert.ok(wevtutil.subarray(0, 6).equals(Buffer.from('<Event')));
  assert.ok(
    !wevtutil.includes('\n') && wevtutil.toString('utf8').includes('</Event><Event '),
    'events back to back',
  );

  const viewer = await exportOf('event-viewer');
  assert.deepEqual([...viewer.subarray(0, 2)], [0xff, 0xfe]);
  const viewerText = decodeExport(viewer);
  assert.ok(viewerText.startsWith('<?xml version="1.0" encoding="UTF-16"?>\r\n<Events><Event'));
  assert.ok(viewerText.endsWith('</Events>'));
  assert.match(viewerText, /<RenderingInfo Culture='en-US'><Message>A new process has been created\.\r\n/);
  assert.match(
    viewerText,
    /<Level>Information<\/Level><Task>Process Creation<\/Task><Opcode>Info<\/Opcode><Channel>Security<\/Channel><Provider>Microsoft Windows security auditing\.<\/Provider><Keywords><Keyword>Audit Success<\/Keyword><\/Keywords><\/RenderingInfo><\/Event>/,
  );
  const doc = await parseStringPromise(viewerText.replace(/^<\?xml[^>]*\?>/, ''));
  assert.equal(doc.Events.Event.length, 2);

  const lines = await exportOf('powershell-lines');
  assert.deepEqual([...lines.subarray(0, 2)], [0xff, 0xfe]);
  assert.equal(decodeExport(lines).split('\r\n').filter(Boolean).length, 2);

  const python = (await exportOf('python-evtx')).toString('utf8');
  assert.ok(
    python.startsWith('<?xml version="1.1" encoding="utf-8" standalone="yes" ?>\n\n<Events>\n<Event xmlns="'),
  );
  assert.ok(python.endsWith('</Event>\n\n</Events>\n'));
  assert.equal(splitEvents(python).length, 2);
});
