// What the domain controller records of the attacks: Kerberos username probing from one address
// (4768 0x6 for names that do not exist, 4771 0x18 for real names with a guessed password), and the
// SAM handle requests (4661) a remote "net user /domain" causes.
import type { HostSim } from '../hostSim.js';
import {
  KDC_STATUS,
  preauthFailed4771,
  samHandleRequested4661,
  tgtRequested4768,
} from '../domainAuthEvents.js';
import { logoff4634 } from '../logonEvents.js';
import { logOn } from '../sessions.js';
import type { Account } from '../winEvent.js';

export interface KerberosProbe {
  sourceIp: string;
  realm: string;
  /** Names tried that do not exist: 4768 with status 0x6. */
  unknownNames: string[];
  /** Real accounts tried with a wrong password: 4771 with status 0x18. */
  realAccounts: Account[];
  /** Seconds between attempts, on average. */
  pace: number;
}

export interface ProbeFacts {
  first: number;
  last: number;
  distinctNames: string[];
}

/** Interleaves the two kinds of attempts the way a userenum-then-spray tool produces them. */
export function playKerberosProbe(dc: HostSim, t0: number, probe: KerberosProbe): ProbeFacts {
  const attempts: Array<string | Account> = dc.rng.shuffle([...probe.unknownNames, ...probe.realAccounts]);
  let t = t0;
  for (const attempt of attempts) {
    const port = dc.rng.int(49152, 65000);
    if (typeof attempt === 'string') {
      dc.emit(
        tgtRequested4768(dc.securityCtx(t), {
          userName: attempt,
          realm: probe.realm,
          userSid: 'S-1-0-0',
          krbtgtSid: '',
          status: KDC_STATUS.clientUnknown,
          ip: probe.sourceIp,
          port,
        }),
      );
    } else {
      dc.emit(
        preauthFailed4771(
          dc.securityCtx(t),
          attempt,
          probe.realm,
          KDC_STATUS.preauthFailed,
          probe.sourceIp,
          port,
        ),
      );
    }
    t += Math.round(dc.rng.exponential(probe.pace) * 1_000_000) + 200_000;
  }
  const names = attempts.map((a) => (typeof a === 'string' ? a : a.name));
  return { first: t0, last: t, distinctNames: [...new Set(names.map((n) => n.toLowerCase()))] };
}

export interface RemoteSamQuery {
  user: Account;
  clientIp: string;
  domainDn: string;
  domainSid: string;
}

/** "net user /domain" from a workstation: a network logon at the DC and SAM handles for the domain. */
export function playRemoteSamQuery(dc: HostSim, t: number, q: RemoteSamQuery): number {
  const session = logOn(dc, t - 300_000, { user: q.user, type: 3, ip: q.clientIp, auth: 'Kerberos' });
  const base = { subject: q.user, subjectLogonId: session.logonId, lsassPid: dc.boot.lsass.pid };
  const handle = () => 0x1f4c65f0 + dc.rng.int(0, 0xffff) * 16;
  dc.emit(
    samHandleRequested4661(dc.securityCtx(t), {
      ...base,
      objectType: 'SAM_DOMAIN',
      objectName: q.domainDn,
      handleId: handle(),
      accessList: '%%5392\r\n\t\t\t\t%%5394\r\n\t\t\t\t%%5399\r\n\t\t\t\t',
      accessMask: 0x205,
    }),
  );
  dc.emit(
    samHandleRequested4661(dc.securityCtx(t + 6_000), {
      ...base,
      objectType: 'SAM_DOMAIN',
      objectName: 'DC=Builtin,' + q.domainDn,
      handleId: handle(),
      accessList: '%%5392\r\n\t\t\t\t%%5399\r\n\t\t\t\t',
      accessMask: 0x201,
    }),
  );
  dc.emit(
    samHandleRequested4661(dc.securityCtx(t + 19_000), {
      ...base,
      objectType: 'SAM_GROUP',
      objectName: `${q.domainSid}-513`,
      handleId: handle(),
      accessList: '%%5426\r\n\t\t\t\t',
      accessMask: 0x4,
    }),
  );
  dc.emit(logoff4634(dc.securityCtx(t + 3_100_000), q.user, session.logonId, 3));
  return session.logonId;
}
