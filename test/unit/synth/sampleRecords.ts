// Loads the committed sample case into plain records for the story tests: Windows events with the
// fields they need, and Entra sign-ins and audits normalised over the export shapes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleEvidenceDir, sampleLogsDir } from '../../support/paths.js';
import { computer, data, eventId, isoTime, readEvents } from './eventText.js';

export interface WinRecord {
  file: string;
  host: string;
  id: number;
  time: string;
  xml: string;
  get(name: string): string | undefined;
}

export interface Manifest {
  seed: string;
  files: Record<
    string,
    { format: string; variant: string; events: number; bytes: number; counts: Record<string, number> }
  >;
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(sampleLogsDir, 'manifest.json'), 'utf8')) as Manifest;
}

export function loadWindows(): WinRecord[] {
  const out: WinRecord[] = [];
  for (const [file, entry] of Object.entries(readManifest().files)) {
    if (entry.format !== 'windows-xml') continue;
    for (const xml of readEvents(join(sampleEvidenceDir, file))) {
      out.push({
        file,
        host: computer(xml).split('.')[0]!,
        id: eventId(xml),
        time: isoTime(xml),
        xml,
        get: (n) => data(xml, n),
      });
    }
  }
  return out;
}

export interface Signin {
  time: string;
  ip: string;
  upn: string;
  code: number;
}

export interface Audit {
  time: string;
  service: string;
  activity: string;
  result: string;
  reason: string;
  ip: string | undefined;
  target: string | undefined;
}

type Json = Record<string, unknown> & { properties?: Record<string, unknown> };

function records(file: string): Json[] {
  const text = readFileSync(join(sampleEvidenceDir, file), 'utf8');
  if (text.startsWith('[')) return JSON.parse(text) as Json[];
  if (text.startsWith('{"@odata')) return (JSON.parse(text) as { value: Json[] }).value;
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Json);
}

const iso = (s: unknown) => new Date(String(s)).toISOString();

function asAudit(r: Json): Audit {
  const initiated = (r.initiatedBy ?? r.InitiatedBy) as { user?: { ipAddress?: string } | null };
  const targets = (r.targetResources ?? r.TargetResources) as Array<{ userPrincipalName?: string }>;
  return {
    time: iso(r.activityDateTime ?? r.ActivityDateTime),
    service: String(r.loggedByService ?? r.LoggedByService),
    activity: String(r.activityDisplayName ?? r.ActivityDisplayName),
    result: String(r.result ?? r.Result),
    reason: String(r.resultReason ?? r.ResultReason ?? ''),
    ip: initiated.user?.ipAddress ?? undefined,
    target: targets[0]?.userPrincipalName,
  };
}

export function loadEntra(): { signins: Signin[]; audits: Audit[] } {
  const signins: Signin[] = [];
  const audits: Audit[] = [];
  for (const [file, entry] of Object.entries(readManifest().files)) {
    if (!entry.format.startsWith('entra')) continue;
    for (const r of records(file)) {
      if (r.properties && String(r.category).endsWith('SignInLogs')) {
        const p = r.properties as { userPrincipalName: string; createdDateTime: string };
        signins.push({
          time: iso(p.createdDateTime),
          ip: String(r.callerIpAddress),
          upn: p.userPrincipalName,
          code: Number(r.resultType),
        });
      } else if (r.properties) audits.push(asAudit(r.properties as Json));
      else if ('ResultType' in r && 'IPAddress' in r) {
        signins.push({
          time: iso(r.CreatedDateTime),
          ip: String(r.IPAddress),
          upn: String(r.UserPrincipalName),
          code: Number(r.ResultType),
        });
      } else if ('userPrincipalName' in r && 'status' in r) {
        signins.push({
          time: iso(r.createdDateTime),
          ip: String(r.ipAddress),
          upn: String(r.userPrincipalName),
          code: (r.status as { errorCode: number }).errorCode,
        });
      } else audits.push(asAudit(r));
    }
  }
  return { signins, audits };
}

/** The largest number of distinct keys any 60-minute window holds, per group. */
export function maxDistinctPerHour<T>(
  items: T[],
  group: (t: T) => string,
  key: (t: T) => string,
  time: (t: T) => string,
): Map<string, number> {
  const byGroup = new Map<string, Array<{ t: number; k: string }>>();
  for (const i of items) {
    const g = group(i);
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)!.push({ t: Date.parse(time(i)), k: key(i).toLowerCase() });
  }
  const out = new Map<string, number>();
  for (const [g, list] of byGroup) {
    list.sort((a, b) => a.t - b.t);
    let best = 0;
    for (let i = 0; i < list.length; i++) {
      const keys = new Set<string>();
      for (let j = i; j < list.length && list[j]!.t - list[i]!.t <= 3_600_000; j++) keys.add(list[j]!.k);
      best = Math.max(best, keys.size);
    }
    out.set(g, best);
  }
  return out;
}
