// net.exe as cmd starts it, and the net1.exe it hands the real work to. Both are logged (4688 and
// Sysmon 1); net1 is the process the SAM sees, so 4798/4799 name net1.exe as the caller.
import type { HostSim } from '../hostSim.js';
import type { ProcessInfo } from '../processEvents.js';

const NET = 'C:\\Windows\\System32\\net.exe';
const NET1 = 'C:\\Windows\\System32\\net1.exe';

export interface NetRun {
  net: ProcessInfo;
  net1: ProcessInfo;
  /** When net1 reaches the SAM: account events follow this by a few milliseconds. */
  samTime: number;
}

/**
 * Runs "net <args>" from a shell. cmd passes the typed line without any redirection, and net.exe
 * re-launches itself as "C:\Windows\system32\net1  <args>" with the doubled space Windows really writes.
 */
export function runNet(
  host: HostSim,
  t: number,
  shell: ProcessInfo,
  args: string,
  currentDirectory?: string,
  /** How the caller named the program: "net" from cmd, the quoted full path from PowerShell. */
  invokedAs = 'net',
): NetRun {
  const net = host.startProcess(t, shell, {
    image: NET,
    commandLine: `${invokedAs} ${args}`,
    currentDirectory,
    lifetime: 1_500_000,
  });
  const net1 = host.startProcess(t + host.rng.int(15_000, 60_000), net, {
    image: NET1,
    commandLine: `C:\\Windows\\system32\\net1  ${args}`,
    lifetime: 1_000_000,
  });
  return { net, net1, samTime: net1.start + host.rng.int(40_000, 250_000) };
}
