// The context around the expected findings: what must not fire, benign activity that may fire (tolerated), and the coverage facts a coverage screen should report for the sample case.
import { isoZ } from '../timeFormat.js';
import { HOSTS } from './company.js';
import type { SampleFacts } from './buildSampleCase.js';
import type { ExpectedFinding } from './expectedFindings.js';
import { TIMELINE } from './timeline.js';

const iso = (us: number) => isoZ(us, 0);

export interface NotExpected {
  analytic: ExpectedFinding['analytic'];
  host?: string;
  sourceIp?: string;
  story: string;
  why: string;
}

export function expectedAbsent(): NotExpected[] {
  return [
    {
      analytic: 'AN1235',
      host: HOSTS.WS02.name,
      story: '6 WS02',
      why: 'WS02 has no process-creation telemetry: nothing can precede the 4720',
    },
    {
      analytic: 'AN1235',
      host: HOSTS.DC01.name,
      story: '4 Domain account',
      why: 'svc-report is a domain account (AN1235 takes local accounts by default) and DC01 logs no process starts',
    },
  ];
}

export function toleratedFindings(f: SampleFacts): ExpectedFinding[] {
  return [
    {
      analytic: 'AN1612',
      host: HOSTS.WS01.name,
      actorUser: 'CORP\\jdoe',
      severity: 'medium',
      first: iso(f.explorer4798Time),
      story: '7 Benign: Settings lists local accounts',
      why: 'four 4798 by explorer.exe and nothing else: a 4798 burst alone (confidence Low); not allowlisted, so Medium if the analytic counts it',
    },
    {
      analytic: 'AN1612',
      host: HOSTS.ADM01.name,
      actorUser: 'CORP\\admin.smith',
      severity: 'medium',
      first: iso(f.mmcBrowseTime),
      story: '7 Benign: lusrmgr.msc',
      why: '4798 x4 and 4799 x2 by mmc.exe while admin.smith browses Local Users and Groups',
    },
  ];
}

export function coverageFacts(f: SampleFacts): Record<string, unknown>[] {
  return [
    { host: HOSTS.WS02.name, fact: 'no process creation telemetry (no 4688, no Sysmon)' },
    {
      host: HOSTS.WS02.name,
      fact: 'Security log cleared',
      time: iso(f.ws02.clearTime),
      by: 'CORP\\jdoe',
      event: 'Security 1102',
    },
    { host: HOSTS.WS02.name, fact: 'Windows PowerShell log cleared', by: 'CORP\\jdoe', event: 'System 104' },
    {
      host: HOSTS.WS01.name,
      fact: 'no events at all (Security and Sysmon)',
      from: iso(TIMELINE.ws01Gap[0]),
      to: iso(TIMELINE.ws01Gap[1]),
    },
    { host: HOSTS.DC01.name, fact: 'no process creation telemetry (no 4688, no Sysmon)' },
    { host: HOSTS.FS01.name, fact: 'no Sysmon (4688 only)' },
    { host: HOSTS.PROV.name, fact: 'no Sysmon (4688 and PowerShell 4104)' },
  ];
}
