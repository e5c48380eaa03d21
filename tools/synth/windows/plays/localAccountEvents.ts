// The Security events a local account creation writes, in the order Windows writes them:
// 4720 created (disabled, UAC 0x15), 4722 enabled, 4724 password set, 4728 to the machine's "None"
// group, 4732 to Users, 4738 changed (UAC 0x10) - all within a few milliseconds.
import type { HostSim } from '../hostSim.js';
import {
  memberAdded,
  passwordReset4724,
  userChanged4738,
  userCreated4720,
  userEnabled4722,
} from '../accountEvents.js';
import type { Actor } from '../accountEvents.js';
import type { Account } from '../winEvent.js';

export const BUILTIN_USERS: Account = { sid: 'S-1-5-32-545', name: 'Users', domain: 'Builtin' };
export const BUILTIN_ADMINISTRATORS: Account = {
  sid: 'S-1-5-32-544',
  name: 'Administrators',
  domain: 'Builtin',
};

/** "3/11/2026 1:49:41 PM", the en-US form 4738 uses for PasswordLastSet. */
export function passwordLastSetText(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const h = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h}:${mm}:${ss} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
}

export interface LocalAccountSpec {
  name: string;
  rid: number;
  /** The host's SAM SID prefix. */
  machineSid: string;
}

export function localAccount(host: HostSim, spec: LocalAccountSpec): Account {
  return { sid: `${spec.machineSid}-${spec.rid}`, name: spec.name, domain: host.name };
}

/** Writes the creation burst at time t and returns the new account. */
export function createLocalAccount(host: HostSim, t: number, actor: Actor, spec: LocalAccountSpec): Account {
  const account = localAccount(host, spec);
  const at = (ms: number) => host.securityCtx(t + ms * 1000);
  const none: Account = { sid: `${spec.machineSid}-513`, name: 'None', domain: host.name };
  const member = { memberName: '-', memberSid: account.sid };
  host.emit(userCreated4720(at(0), actor, { account, displayName: '%%1793', userPrincipalName: '-' }));
  host.emit(userEnabled4722(at(2), actor, account));
  host.emit(passwordReset4724(at(5), actor, account));
  host.emit(memberAdded(at(9), 4728, actor, none, member));
  host.emit(memberAdded(at(12), 4732, actor, BUILTIN_USERS, member));
  host.emit(userChanged4738(at(16), actor, account, passwordLastSetText(t)));
  return account;
}
