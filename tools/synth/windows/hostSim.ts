// One simulated Windows host: its long-running system processes, logon sessions, pid reuse rules and
// per-channel event buffers. Stories and noise call it to start processes and log people on; it emits
// 4688 and Sysmon 1 for the same process with matching pids, GUIDs and parents, and numbers records.
import type { SeededRandom } from '../random.js';
import { MICROS_PER_DAY } from '../timeFormat.js';
import type { EventCtx } from './securityEvent.js';
import {
  processCreated4688,
  sysmonFileCreate,
  sysmonNetworkConnect,
  sysmonProcessCreate,
} from './processEvents.js';
import type { Connection, ElevationType, Integrity, ProcessInfo } from './processEvents.js';
import { SYSTEM_ACCOUNT, SYSTEM_LOGON_ID } from './winEvent.js';
import type { Account, WinEvent } from './winEvent.js';
import { PidTable } from './pidTable.js';
import { bootProcesses } from './bootProcesses.js';
import type { BootProcesses } from './bootProcesses.js';

export interface HostConfig {
  /** Short name, e.g. WS01; the FQDN adds the DNS domain. */
  name: string;
  dnsDomain: string;
  netbiosDomain: string;
  ip: string;
  /** Security 4688 with command lines is enabled. */
  processAuditing: boolean;
  sysmon: boolean;
  /** Where the simulation starts: the long-running processes were started a while before. */
  bootTime: number;
  /** First EventRecordID per channel, so logs do not look freshly installed. */
  firstRecordIds?: Record<string, number>;
  /** Periods in which the host logged nothing at all (asleep, or its logging stopped). */
  silentPeriods?: ReadonlyArray<readonly [from: number, to: number]>;
}

export interface StartSpec {
  image: string;
  commandLine: string;
  /** Defaults to the parent's user, logon and integrity. */
  user?: Account;
  logonId?: number;
  logonGuid?: string;
  integrity?: Integrity;
  elevation?: ElevationType;
  terminalSession?: number;
  currentDirectory?: string;
  /** How long the process lives, for pid reuse; default 3 s. */
  lifetime?: number;
}

export class HostSim {
  readonly fqdn: string;
  readonly machineAccount: Account;
  readonly boot: BootProcesses;
  private readonly pids: PidTable;
  private readonly buffers = new Map<string, WinEvent[]>();
  private readonly nextRecordId = new Map<string, number>();
  private readonly guidPrefix: string;
  private nextLogonId: number;

  constructor(
    readonly config: HostConfig,
    readonly rng: SeededRandom,
  ) {
    this.fqdn = `${config.name}.${config.dnsDomain}`;
    this.machineAccount = { sid: 'S-1-5-18', name: `${config.name}$`, domain: config.netbiosDomain };
    this.guidPrefix = rng.hex(8);
    this.nextLogonId = 0x200000 + rng.int(0, 0xfffff);
    this.pids = new PidTable(rng);
    this.boot = bootProcesses(this, config.bootTime);
    for (const [channel, first] of Object.entries(config.firstRecordIds ?? {}))
      this.nextRecordId.set(channel, first);
  }

  get name(): string {
    return this.config.name;
  }

  /** Context for an event written by lsass (Security) at time t. */
  securityCtx(t: number): EventCtx {
    return this.ctxFor(t, this.boot.lsass.pid);
  }

  /**
   * Context for an event written by a given process (Sysmon, Eventlog, PowerShell host...). Stories
   * schedule in whole milliseconds; the sub-millisecond jitter keeps timestamps from all ending in 000.
   */
  ctxFor(t: number, writerPid: number): EventCtx {
    return {
      computer: this.fqdn,
      time: t + this.rng.int(0, 999),
      execPid: writerPid,
      execTid: this.threadId(),
    };
  }

  emit(ev: WinEvent): void {
    let list = this.buffers.get(ev.channel);
    if (!list) this.buffers.set(ev.channel, (list = []));
    list.push(ev);
  }

  /** Logon ids grow over uptime, as LUIDs do. */
  allocateLogonId(): number {
    this.nextLogonId += this.rng.int(0x200, 0x9000);
    return this.nextLogonId;
  }

  /** Sysmon and the Security log agree on the LUID; Sysmon also embeds it in the LogonGuid. */
  logonGuid(logonId: number, logonTime: number): string {
    const le = [0, 8, 16, 24].map((s) => ((logonId >>> s) & 0xff).toString(16).padStart(2, '0')).join('');
    return `{${this.guidPrefix}-${this.timeWords(logonTime)}-0000-0020${le}}`;
  }

  /** Sysmon's ProcessGuid: machine prefix, start time, and a per-process tail. */
  processGuid(start: number): string {
    return `{${this.guidPrefix}-${this.timeWords(start)}-0000-0010${this.rng.hex(8)}}`;
  }

  /** A long-running process that started before the logs begin: no event is written for it. */
  existingProcess(
    parent: ProcessInfo | null,
    spec: StartSpec & { pidRange?: readonly [number, number] },
    start: number,
  ): ProcessInfo {
    const info = this.describe(parent, spec, start);
    const until = start + 60 * MICROS_PER_DAY;
    info.pid = spec.pidRange
      ? this.pids.allocateIn(spec.pidRange, start, until)
      : this.pids.allocate(start, until);
    return info;
  }

  /** Starts a process at time t and writes 4688 and Sysmon 1 if the host logs them. */
  startProcess(t: number, parent: ProcessInfo, spec: StartSpec): ProcessInfo {
    const info = this.describe(parent, spec, t);
    info.pid = this.pids.allocate(t, t + (spec.lifetime ?? 3_000_000));
    if (this.config.processAuditing) {
      const creator = { account: this.subjectOf(parent.user), logonId: parent.logonId };
      // The kernel reports process creation, so 4688 is written with the System process (pid 4).
      this.emit(processCreated4688(this.ctxFor(t + 1_200, 4), creator, info, parent));
    }
    if (this.config.sysmon) {
      this.emit(
        sysmonProcessCreate(this.ctxFor(t + this.rng.int(2_000, 40_000), this.boot.sysmon.pid), info, parent),
      );
    }
    return info;
  }

  /** Sysmon 11 for a file the process created (nothing when Sysmon is not installed). */
  fileCreated(t: number, proc: ProcessInfo, path: string): void {
    if (!this.config.sysmon) return;
    this.emit(sysmonFileCreate(this.ctxFor(t, this.boot.sysmon.pid), proc, path, t - 2_000));
  }

  networkConnection(t: number, proc: ProcessInfo, connection: Connection): void {
    if (!this.config.sysmon) return;
    this.emit(sysmonNetworkConnect(this.ctxFor(t, this.boot.sysmon.pid), proc, connection));
  }

  /** In 4688 the SYSTEM creator is shown as the machine account (WS01$ in domain CORP). */
  subjectOf(user: Account): Account {
    return user.sid === SYSTEM_ACCOUNT.sid ? this.machineAccount : user;
  }

  /**
   * Everything buffered so far, per channel, in time order with EventRecordIDs assigned, and the buffers
   * emptied. The bench calls this once per time slice; the sample case once at the end.
   */
  drain(): Map<string, WinEvent[]> {
    const out = new Map<string, WinEvent[]>();
    const silent = this.config.silentPeriods ?? [];
    for (const [channel, all] of this.buffers) {
      const events = silent.length
        ? all.filter((e) => !silent.some(([a, b]) => e.time >= a && e.time < b))
        : all;
      // Array.prototype.sort is stable, so events at the same microsecond keep the order they were made in.
      events.sort((a, b) => a.time - b.time);
      let next = this.nextRecordId.get(channel) ?? 1;
      for (const ev of events) ev.recordId = next++;
      this.nextRecordId.set(channel, next);
      out.set(channel, events);
    }
    this.buffers.clear();
    return out;
  }

  /** Lets the pid table forget processes that ended before t (the bench generates in time order). */
  forgetBefore(t: number): void {
    this.pids.forgetBefore(t);
  }

  private describe(parent: ProcessInfo | null, spec: StartSpec, start: number): ProcessInfo {
    const user = spec.user ?? parent?.user ?? SYSTEM_ACCOUNT;
    const logonId = spec.logonId ?? parent?.logonId ?? SYSTEM_LOGON_ID;
    return {
      pid: 0,
      guid: this.processGuid(start),
      image: spec.image,
      commandLine: spec.commandLine,
      currentDirectory: spec.currentDirectory ?? parent?.currentDirectory ?? 'C:\\Windows\\system32\\',
      user,
      logonId,
      logonGuid:
        spec.logonGuid ??
        (spec.logonId === undefined && parent ? parent.logonGuid : this.logonGuid(logonId, start)),
      terminalSession: spec.terminalSession ?? parent?.terminalSession ?? 0,
      integrity: spec.integrity ?? parent?.integrity ?? 'System',
      elevation: spec.elevation ?? parent?.elevation ?? '%%1936',
      start,
    };
  }

  private threadId(): number {
    return this.rng.int(40, 4000) * 4;
  }

  private timeWords(t: number): string {
    const secs = Math.floor(t / 1_000_000) >>> 0;
    return `${(secs & 0xffff).toString(16).padStart(4, '0')}-${(secs >>> 16).toString(16).padStart(4, '0')}`;
  }
}
