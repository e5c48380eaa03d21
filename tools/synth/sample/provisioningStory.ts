// The approved new-hire script on SRV-PROV01: Task Scheduler starts PowerShell as CORP\svc_provision,
// script block logging records the script (which checks names with Get-LocalUser first), two accounts
// are made with New-LocalUser and one with net user /add. Allowlisted: creator and script.
import type { Actor } from '../windows/accountEvents.js';
import type { HostSim } from '../windows/hostSim.js';
import { logoff4634 } from '../windows/logonEvents.js';
import { scriptBlockLogged4104 } from '../windows/miscEvents.js';
import { createLocalAccount } from '../windows/plays/localAccountEvents.js';
import { runNet } from '../windows/plays/netCommand.js';
import { logOn } from '../windows/sessions.js';
import type { Account } from '../windows/winEvent.js';
import { ACCOUNTS, HOSTS } from './company.js';
import { TIMELINE } from './timeline.js';

export const PROVISIONING_SCRIPT = 'C:\\Scripts\\Provision-NewHires.ps1';

const SCRIPT_TEXT = [
  '<#',
  '.SYNOPSIS',
  '  Creates local accounts for new hires on the training server (change CHG-2291).',
  '  Approved by IT Security; runs as CORP\\svc_provision from Task Scheduler.',
  '#>',
  "param([string]$Csv = 'C:\\Scripts\\newhires.csv')",
  '$hires = Import-Csv -Path $Csv',
  'foreach ($h in $hires) {',
  '    if (Get-LocalUser -Name $h.Account -ErrorAction SilentlyContinue) { Write-Output "skip $($h.Account): exists"; continue }',
  '    $pw = ConvertTo-SecureString $h.InitialPassword -AsPlainText -Force',
  "    if ($h.Method -eq 'net') {",
  '        & net.exe user $h.Account $h.InitialPassword /add /comment:"New hire - start $($h.Start)"',
  '    } else {',
  '        New-LocalUser -Name $h.Account -Password $pw -FullName $h.FullName -Description "New hire & trainee - start $($h.Start)" | Out-Null',
  '    }',
  "    Add-LocalGroupMember -Group 'Users' -Member $h.Account -ErrorAction SilentlyContinue",
  '}',
].join('\r\n');

export interface ProvisioningFacts {
  logonId: number;
  accounts: Account[];
  powershellStart: number;
  creationTimes: number[];
}

export function provisioningRun(prov: HostSim): ProvisioningFacts {
  const t = TIMELINE.provisioning;
  const session = logOn(prov, t, {
    user: ACCOUNTS.svcProvision,
    type: 4,
    processId: prov.boot.schedule.pid,
    processName: prov.boot.schedule.image,
  });
  const ps = prov.startProcess(t + 250_000, prov.boot.schedule, {
    image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    commandLine: `"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoProfile -ExecutionPolicy Bypass -File ${PROVISIONING_SCRIPT}`,
    user: ACCOUNTS.svcProvision,
    logonId: session.logonId,
    logonGuid: session.logonGuid,
    integrity: 'High',
    elevation: '%%1936',
    currentDirectory: 'C:\\Scripts\\',
    lifetime: 30_000_000,
  });
  prov.startProcess(t + 300_000, ps, {
    image: 'C:\\Windows\\System32\\conhost.exe',
    commandLine: '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1',
    lifetime: 30_000_000,
  });
  prov.emit(
    scriptBlockLogged4104(prov.ctxFor(t + 1_900_000, ps.pid), ACCOUNTS.svcProvision.sid, {
      text: SCRIPT_TEXT,
      scriptBlockId: prov.rng.guid(),
      path: PROVISIONING_SCRIPT,
    }),
  );
  const actor: Actor = { account: ACCOUNTS.svcProvision, logonId: session.logonId };
  const spec = (name: string, rid: number) => ({ name, rid, machineSid: HOSTS.PROV.machineSid });
  const times = [t + 4_700_000, t + 6_900_000];
  const accounts = [
    createLocalAccount(prov, times[0]!, actor, spec('temp.rvanloon', 1005)),
    createLocalAccount(prov, times[1]!, actor, spec('temp.asmits', 1006)),
  ];
  const net = runNet(
    prov,
    t + 8_800_000,
    ps,
    'user temp.kbakker Welkom-4821! /add "/comment:New hire - start 2026-03-16"',
    'C:\\Scripts\\',
    '"C:\\Windows\\system32\\net.exe"',
  );
  accounts.push(createLocalAccount(prov, net.samTime, actor, spec('temp.kbakker', 1007)));
  times.push(net.samTime);
  prov.emit(logoff4634(prov.securityCtx(t + 31_000_000), ACCOUNTS.svcProvision, session.logonId, 4));
  return { logonId: session.logonId, accounts, powershellStart: ps.start, creationTimes: times };
}

/** An ordinary daily health check, so the PowerShell log is not only the provisioning script. */
export function healthCheckScript(prov: HostSim, t: number): void {
  const text = [
    '$disk = Get-PSDrive -Name C | Select-Object Used, Free',
    "$svc = Get-Service -Name 'Spooler', 'W32Time' | Where-Object { $_.Status -ne 'Running' }",
    "if ($svc) { Write-EventLog -LogName Application -Source 'HealthCheck' -EventId 100 -Message \"Stopped: $($svc.Name -join ', ')\" }",
    '"{0:N1} GB free" -f ($disk.Free / 1GB) | Out-File -Append C:\\Scripts\\out\\health.log',
  ].join('\r\n');
  prov.emit(
    scriptBlockLogged4104(prov.ctxFor(t, prov.rng.int(1000, 9000) * 4), 'S-1-5-18', {
      text,
      scriptBlockId: prov.rng.guid(),
      path: 'C:\\Scripts\\Invoke-HealthCheck.ps1',
    }),
  );
}
