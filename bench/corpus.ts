// The benchmark corpus: a deterministic, realistic mix of Windows events (Security and Sysmon from
// workstations, servers and domain controllers, with attack stories embedded) and Entra sign-ins,
// streamed to disk. The bench runner (bench.ts) decides what to measure on it.
import { mkdirSync } from 'node:fs';
import { benchUsers, makeBenchHost } from '../tools/synth/benchCorpus/benchFleet.js';
import type { BenchGroup, HostRole } from '../tools/synth/benchCorpus/benchFleet.js';
import { writeBenchSignins } from '../tools/synth/benchCorpus/benchSignins.js';
import { writeBenchWindowsFile } from '../tools/synth/benchCorpus/benchWindows.js';
import type { BenchFileResult, BenchWindowsFile } from '../tools/synth/benchCorpus/benchWindows.js';
import { utcMicros } from '../tools/synth/timeFormat.js';
import { openBenchEvtxFile } from '../tools/synth/evtx/benchEvtx.js';

export interface BenchCorpusOptions {
  windowsEvents?: number;
  signins?: number;
  seed?: number | string;
  /** Also write each Windows file's events as a binary .evtx file, into this folder. */
  evtxDir?: string;
}

export interface BenchCorpusSummary {
  files: BenchFileResult[];
  /** The Windows files' events again as .evtx (when asked for), in `evtxDir`. */
  evtxFiles: BenchFileResult[];
  windowsEvents: number;
  signins: number;
  bytes: number;
}

/** The corpus starts on a Monday so that the first simulated days are working days. */
const CORPUS_START = utcMicros(2026, 2, 2);

function group(
  seed: string,
  role: HostRole,
  prefix: string,
  count: number,
  users: ReturnType<typeof benchUsers>,
  userOffset: number,
): BenchGroup {
  const hosts = Array.from({ length: count }, (_, i) => {
    const owner = role === 'workstation' ? users[(userOffset + i) % users.length] : undefined;
    const name = role === 'workstation' ? owner!.lanHost : `${prefix}${String(i + 1).padStart(2, '0')}`;
    const ip = role === 'workstation' ? owner!.lanIp : `10.${role === 'dc' ? 0 : 3}.0.${10 + i}`;
    return makeBenchHost(seed, name, ip, role, CORPUS_START, owner);
  });
  return { role, hosts };
}

/**
 * Writes the corpus into `dir`: four wevtutil streams (two workstation groups, servers, domain
 * controllers; ~95% of the Windows events), one Event Viewer UTF-16LE export with RenderingInfo (~5%),
 * and the sign-ins as a Graph JSON array plus a diagnostic-settings JSON-lines file.
 */
export async function writeBenchCorpus(
  dir: string,
  options: BenchCorpusOptions = {},
): Promise<BenchCorpusSummary> {
  const windowsEvents = options.windowsEvents ?? 1_000_000;
  const signins = options.signins ?? 500_000;
  const seed = `bench-${String(options.seed ?? 1612)}`;
  mkdirSync(dir, { recursive: true });
  const users = benchUsers(2000, seed);
  const viewerQuota = Math.round(windowsEvents * 0.05);
  const share = Math.floor((windowsEvents - viewerQuota) / 4);
  const plans: BenchWindowsFile[] = [
    {
      name: 'wef-workstations-a.xml',
      flavour: 'wevtutil',
      group: group(seed, 'workstation', 'WS', 60, users, 0),
      quota: share,
    },
    {
      name: 'wef-workstations-b.xml',
      flavour: 'wevtutil',
      group: group(seed, 'workstation', 'WS', 60, users, 60),
      quota: share,
    },
    {
      name: 'wef-servers.xml',
      flavour: 'wevtutil',
      group: group(seed, 'server', 'SRV', 8, users, 0),
      quota: share,
    },
    {
      name: 'wef-domain-controllers.xml',
      flavour: 'wevtutil',
      group: group(seed, 'dc', 'DC', 2, users, 0),
      quota: windowsEvents - viewerQuota - 3 * share,
    },
    {
      name: 'evtviewer-workstations.xml',
      flavour: 'event-viewer',
      group: group(seed, 'workstation', 'WS', 4, users, 120),
      quota: viewerQuota,
    },
  ];
  const files: BenchFileResult[] = [];
  const evtxFiles: BenchFileResult[] = [];
  if (options.evtxDir !== undefined) mkdirSync(options.evtxDir, { recursive: true });
  for (const plan of plans) {
    if (plan.quota <= 0) continue;
    const evtx = options.evtxDir === undefined ? undefined : openBenchEvtxFile(options.evtxDir, plan);
    files.push(writeBenchWindowsFile(dir, plan, CORPUS_START, users, evtx && ((ev) => evtx.write(ev))));
    if (evtx) evtxFiles.push(evtx.finish());
    // Let the event loop breathe between files: the bench runner may be reporting progress.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (signins > 0) files.push(...writeBenchSignins(dir, signins, seed, CORPUS_START, users));
  return {
    files,
    evtxFiles,
    windowsEvents: files.filter((f) => f.name.endsWith('.xml')).reduce((n, f) => n + f.events, 0),
    signins: files.filter((f) => !f.name.endsWith('.xml')).reduce((n, f) => n + f.events, 0),
    bytes: files.reduce((n, f) => n + f.bytes, 0),
  };
}
