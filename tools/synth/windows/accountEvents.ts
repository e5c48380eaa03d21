// Account and group management events: 4720, 4722, 4724, 4738, 4726, 4728/4732/4756, 4798, 4799.
import { securityEvent, TASKS } from './securityEvent.js';
import type { EventCtx } from './securityEvent.js';
import { hex32, hex64 } from './winEvent.js';
import type { Account, DataField, WinEvent } from './winEvent.js';

/** Who did it: the subject account and its logon session. */
export interface Actor {
  account: Account;
  logonId: number;
}

function subjectFields(actor: Actor): DataField[] {
  return [
    ['SubjectUserSid', actor.account.sid],
    ['SubjectUserName', actor.account.name],
    ['SubjectDomainName', actor.account.domain],
    ['SubjectLogonId', hex64(actor.logonId)],
  ];
}

function targetFields(target: Account): DataField[] {
  return [
    ['TargetUserName', target.name],
    ['TargetDomainName', target.domain],
    ['TargetSid', target.sid],
  ];
}

/**
 * The user-account-control flag list is rendered as message ids, one per line, each line starting with
 * CR LF and two tabs: the raw value really contains those characters.
 */
export function uacFlagList(ids: readonly string[]): string {
  return ids.map((id) => `\r\n\t\t${id}`).join('');
}

/** New accounts start disabled with "password not required" (UAC 0x15) until later events fix that. */
export interface NewAccount {
  account: Account;
  displayName: string;
  userPrincipalName: string;
}

export function userCreated4720(ctx: EventCtx, actor: Actor, n: NewAccount): WinEvent {
  return securityEvent(ctx, {
    eventId: 4720,
    version: 0,
    task: TASKS.userAccountManagement,
    data: [
      ...targetFields(n.account),
      ...subjectFields(actor),
      ['PrivilegeList', '-'],
      ['SamAccountName', n.account.name],
      ['DisplayName', n.displayName],
      ['UserPrincipalName', n.userPrincipalName],
      ['HomeDirectory', '%%1793'],
      ['HomePath', '%%1793'],
      ['ScriptPath', '%%1793'],
      ['ProfilePath', '%%1793'],
      ['UserWorkstations', '%%1793'],
      ['PasswordLastSet', '%%1794'],
      ['AccountExpires', '%%1794'],
      ['PrimaryGroupId', '513'],
      ['AllowedToDelegateTo', '-'],
      ['OldUacValue', hex32(0)],
      ['NewUacValue', hex32(0x15)],
      ['UserAccountControl', uacFlagList(['%%2080', '%%2082', '%%2084'])],
      ['UserParameters', '%%1793'],
      ['SidHistory', '-'],
      ['LogonHours', '%%1797'],
    ],
  });
}

function simpleAccountEvent(ctx: EventCtx, eventId: number, actor: Actor, target: Account): WinEvent {
  return securityEvent(ctx, {
    eventId,
    version: 0,
    task: TASKS.userAccountManagement,
    data: [...targetFields(target), ...subjectFields(actor)],
  });
}

export function userEnabled4722(ctx: EventCtx, actor: Actor, target: Account): WinEvent {
  return simpleAccountEvent(ctx, 4722, actor, target);
}

export function passwordReset4724(ctx: EventCtx, actor: Actor, target: Account): WinEvent {
  return simpleAccountEvent(ctx, 4724, actor, target);
}

export function userDeleted4726(ctx: EventCtx, actor: Actor, target: Account): WinEvent {
  return securityEvent(ctx, {
    eventId: 4726,
    version: 0,
    task: TASKS.userAccountManagement,
    data: [...targetFields(target), ...subjectFields(actor), ['PrivilegeList', '-']],
  });
}

/** 4738 after an account is enabled: only the changed attributes carry values, the rest read "-". */
export function userChanged4738(
  ctx: EventCtx,
  actor: Actor,
  target: Account,
  passwordLastSet: string,
): WinEvent {
  return securityEvent(ctx, {
    eventId: 4738,
    version: 0,
    task: TASKS.userAccountManagement,
    data: [
      ['Dummy', '-'],
      ...targetFields(target),
      ...subjectFields(actor),
      ['PrivilegeList', '-'],
      ['SamAccountName', '-'],
      ['DisplayName', '-'],
      ['UserPrincipalName', '-'],
      ['HomeDirectory', '-'],
      ['HomePath', '-'],
      ['ScriptPath', '-'],
      ['ProfilePath', '-'],
      ['UserWorkstations', '-'],
      ['PasswordLastSet', passwordLastSet],
      ['AccountExpires', '-'],
      ['PrimaryGroupId', '-'],
      ['AllowedToDelegateTo', '-'],
      ['OldUacValue', hex32(0x15)],
      ['NewUacValue', hex32(0x10)],
      ['UserAccountControl', uacFlagList(['%%2048', '%%2050'])],
      ['UserParameters', '-'],
      ['SidHistory', '-'],
      ['LogonHours', '-'],
    ],
  });
}

/** 4728 global, 4732 local (Builtin and machine groups), 4756 universal group membership added. */
export type GroupAddEventId = 4728 | 4732 | 4756;

export interface GroupMember {
  /** Distinguished name for domain accounts; "-" for local accounts, which have none. */
  memberName: string;
  memberSid: string;
}

export function memberAdded(
  ctx: EventCtx,
  eventId: GroupAddEventId,
  actor: Actor,
  group: Account,
  member: GroupMember,
): WinEvent {
  return securityEvent(ctx, {
    eventId,
    version: 0,
    task: TASKS.securityGroupManagement,
    data: [
      ['MemberName', member.memberName],
      ['MemberSid', member.memberSid],
      ...targetFields(group),
      ...subjectFields(actor),
      ['PrivilegeList', '-'],
    ],
  });
}

export interface CallerProcess {
  pid: number;
  image: string;
}

/** 4798: a user's local group membership was enumerated. */
export function userGroupsEnumerated4798(ctx: EventCtx, actor: Actor, user: Account, caller: CallerProcess) {
  return enumeration(ctx, 4798, TASKS.userAccountManagement, actor, user, caller);
}

/** 4799: a security-enabled local group's membership was enumerated. */
export function groupMembersEnumerated4799(
  ctx: EventCtx,
  actor: Actor,
  group: Account,
  caller: CallerProcess,
) {
  return enumeration(ctx, 4799, TASKS.securityGroupManagement, actor, group, caller);
}

function enumeration(
  ctx: EventCtx,
  eventId: number,
  task: number,
  actor: Actor,
  target: Account,
  caller: CallerProcess,
): WinEvent {
  return securityEvent(ctx, {
    eventId,
    version: 0,
    task,
    data: [
      ...targetFields(target),
      ...subjectFields(actor),
      ['CallerProcessId', hex64(caller.pid)],
      ['CallerProcessName', caller.image],
    ],
  });
}
