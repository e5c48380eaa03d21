// Turns the simulated hosts' event buffers into the sample case's Windows export files, one channel of
// one host per file, each in the flavour a responder would plausibly have been handed.
import { isoZ, utcMicros } from '../timeFormat.js';
import { openMemorySink } from '../textSink.js';
import { flavourEncoding, WinEventExportWriter } from '../windows/exportFlavours.js';
import type { WinExportFlavour } from '../windows/exportFlavours.js';
import type { HostSim } from '../windows/hostSim.js';
import type { WinEvent } from '../windows/winEvent.js';
import { CHANNEL_POWERSHELL, CHANNEL_SECURITY, CHANNEL_SYSMON, CHANNEL_SYSTEM } from '../windows/winEvent.js';
import type { SampleFile } from './sampleFile.js';
import type { SampleHosts } from './sampleHosts.js';

interface WindowsFilePlan {
  name: string;
  host: HostSim;
  channel: string;
  flavour: WinExportFlavour;
  timeDigits?: 7 | 9;
  note: string;
  /** Only events in [from, before): exports split by time, or a log cleared at `from`. */
  from?: number;
  before?: number;
}

/** DC01's Security log is big: the responder exported it in two time ranges. */
const DC_SPLIT = utcMicros(2026, 3, 12);

export function windowsFilePlans(h: SampleHosts, ws02ClearedAt: number): WindowsFilePlan[] {
  return [
    {
      name: 'WS01-Security.xml',
      host: h.ws01,
      channel: CHANNEL_SECURITY,
      flavour: 'wevtutil',
      note: 'wevtutil qe Security /f:xml on WS01 (UTF-8, no root element)',
    },
    {
      name: 'WS01-Sysmon.xml',
      host: h.ws01,
      channel: CHANNEL_SYSMON,
      flavour: 'wevtutil',
      note: 'wevtutil qe Microsoft-Windows-Sysmon/Operational /f:xml on WS01',
    },
    {
      name: 'WS02-Security-evtviewer.xml',
      host: h.ws02,
      channel: CHANNEL_SECURITY,
      flavour: 'event-viewer',
      from: ws02ClearedAt,
      note: 'Event Viewer "Save All Events As" XML (UTF-16LE, RenderingInfo); the log was cleared on Friday evening',
    },
    {
      name: 'WS02-System.xml',
      host: h.ws02,
      channel: CHANNEL_SYSTEM,
      flavour: 'wevtutil',
      note: 'wevtutil qe System /f:xml on WS02',
    },
    {
      name: 'DC01-Security-0309-0311.xml',
      host: h.dc01,
      channel: CHANNEL_SECURITY,
      flavour: 'wevtutil',
      before: DC_SPLIT,
      note: 'wevtutil qe Security /q:"*[System[TimeCreated[@SystemTime<\'2026-03-12T00:00:00Z\']]]" /f:xml on DC01 (no process auditing on the DC)',
    },
    {
      name: 'DC01-Security-0312-0315.xml',
      host: h.dc01,
      channel: CHANNEL_SECURITY,
      flavour: 'wevtutil',
      from: DC_SPLIT,
      note: 'the rest of DC01 Security, exported the same way from 2026-03-12T00:00:00Z',
    },
    {
      name: 'ADM01-Security-ps.xml',
      host: h.adm01,
      channel: CHANNEL_SECURITY,
      flavour: 'powershell-lines',
      timeDigits: 9,
      note: 'Get-WinEvent Security | % { $_.ToXml() } | Out-File on ADM01 (UTF-16LE, one event per line, 9-digit SystemTime)',
    },
    {
      name: 'ADM01-Sysmon.xml',
      host: h.adm01,
      channel: CHANNEL_SYSMON,
      flavour: 'wevtutil',
      note: 'wevtutil qe Microsoft-Windows-Sysmon/Operational /f:xml on ADM01',
    },
    {
      name: 'FS01-Security-evtx_dump.xml',
      host: h.fs01,
      channel: CHANNEL_SECURITY,
      flavour: 'python-evtx',
      note: 'evtx_dump.py (python-evtx 0.6) of FS01 Security.evtx (XML 1.1, padded hex, no zone)',
    },
    {
      name: 'SRV-PROV01-Security.xml',
      host: h.prov,
      channel: CHANNEL_SECURITY,
      flavour: 'wevtutil',
      note: 'wevtutil qe Security /f:xml on SRV-PROV01',
    },
    {
      name: 'SRV-PROV01-PowerShell.xml',
      host: h.prov,
      channel: CHANNEL_POWERSHELL,
      flavour: 'wevtutil',
      note: 'wevtutil qe Microsoft-Windows-PowerShell/Operational /f:xml on SRV-PROV01',
    },
  ];
}

function countByEvent(events: readonly WinEvent[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) {
    const key = `${e.channel}:${e.eventId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function renderWindowsFiles(h: SampleHosts, ws02ClearedAt: number): SampleFile[] {
  const drained = new Map<HostSim, Map<string, WinEvent[]>>();
  for (const host of Object.values(h)) drained.set(host, host.drain());
  return windowsFilePlans(h, ws02ClearedAt).map((plan) => {
    const all = drained.get(plan.host)!.get(plan.channel) ?? [];
    const events = all.filter(
      (e) => e.time >= (plan.from ?? -Infinity) && e.time < (plan.before ?? Infinity),
    );
    const { encoding, bom } = flavourEncoding(plan.flavour);
    const sink = openMemorySink(encoding, bom);
    const writer = new WinEventExportWriter(sink, plan.flavour, { timeDigits: plan.timeDigits });
    for (const ev of events) writer.write(ev);
    writer.finish();
    const contents = sink.contents();
    return {
      name: plan.name,
      contents,
      manifest: {
        format: 'windows-xml',
        variant: plan.flavour,
        encoding: encoding === 'utf8' ? 'utf-8' : 'utf-16le',
        events: events.length,
        bytes: contents.length,
        hosts: [plan.host.fqdn],
        counts: countByEvent(events),
        first: isoZ(events[0]!.time, 6),
        last: isoZ(events[events.length - 1]!.time, 6),
        note: plan.note,
      },
    };
  });
}
