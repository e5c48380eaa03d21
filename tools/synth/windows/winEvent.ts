// The in-memory form of one Windows event, before it is rendered in any export flavour.
// Values keep their Windows type where the flavours disagree on the text: hex numbers are written
// "0x3e7" by wevtutil and "0x00000000000003e7" by python-evtx, so they stay numbers until rendering.

/** A HexInt32 / HexInt64 value from the event manifest. */
export class Hex {
  constructor(
    readonly value: number,
    readonly bits: 32 | 64,
  ) {}
}

export function hex64(value: number): Hex {
  return new Hex(value, 64);
}

export function hex32(value: number): Hex {
  return new Hex(value, 32);
}

export type DataValue = string | Hex;
export type DataField = readonly [name: string, value: DataValue];

export interface Provider {
  name: string;
  guid: string;
  /** Classic providers (Service Control Manager) also carry EventSourceName. */
  eventSourceName?: string;
  /** Shown in Event Viewer's RenderingInfo. */
  displayName: string;
}

export const SECURITY_AUDITING: Provider = {
  name: 'Microsoft-Windows-Security-Auditing',
  guid: '{54849625-5478-4994-a5ba-3e3b0328c30d}',
  displayName: 'Microsoft Windows security auditing.',
};

export const SYSMON: Provider = {
  name: 'Microsoft-Windows-Sysmon',
  guid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
  displayName: 'Microsoft-Windows-Sysmon',
};

export const EVENTLOG: Provider = {
  name: 'Microsoft-Windows-Eventlog',
  guid: '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}',
  displayName: 'Microsoft-Windows-Eventlog',
};

export const POWERSHELL: Provider = {
  name: 'Microsoft-Windows-PowerShell',
  guid: '{a0c1853e-5c40-4b15-8766-3cf1c58f985a}',
  displayName: 'Microsoft-Windows-PowerShell',
};

export const SERVICE_CONTROL_MANAGER: Provider = {
  name: 'Service Control Manager',
  guid: '{555908d1-a6d7-4695-8e1e-26931d2012f4}',
  eventSourceName: 'Service Control Manager',
  displayName: 'Service Control Manager',
};

export const CHANNEL_SECURITY = 'Security';
export const CHANNEL_SYSTEM = 'System';
export const CHANNEL_SYSMON = 'Microsoft-Windows-Sysmon/Operational';
export const CHANNEL_POWERSHELL = 'Microsoft-Windows-PowerShell/Operational';

export const KEYWORDS_AUDIT_SUCCESS = '0x8020000000000000';
export const KEYWORDS_AUDIT_FAILURE = '0x8010000000000000';

export interface UserDataPayload {
  /** Element under <UserData>, e.g. LogFileCleared. */
  element: string;
  xmlns: string;
  fields: readonly DataField[];
}

export interface WinEvent {
  /** Microseconds since the epoch, UTC. */
  time: number;
  /** System/Computer, the host's FQDN. */
  computer: string;
  provider: Provider;
  eventId: number;
  qualifiers?: number;
  version: number;
  level: number;
  task: number;
  opcode: number;
  keywords: string;
  channel: string;
  execPid: number;
  execTid: number;
  /** System/Security/@UserID; absent renders <Security/>. */
  userSid?: string;
  /** System/Correlation/@ActivityID, braces included. */
  activityId?: string;
  eventData?: readonly DataField[];
  /** <Binary> inside EventData, as upper-case hex. */
  binary?: string;
  userData?: UserDataPayload;
  /** System/EventRecordID; 0 until the event is placed in its channel's order. */
  recordId: number;
}

/** Who the event is about or by: the SID, the name and the domain as Windows writes them. */
export interface Account {
  sid: string;
  name: string;
  domain: string;
}

export const SYSTEM_ACCOUNT: Account = { sid: 'S-1-5-18', name: 'SYSTEM', domain: 'NT AUTHORITY' };
export const NULL_ACCOUNT: Account = { sid: 'S-1-0-0', name: '-', domain: '-' };
export const SYSTEM_LOGON_ID = 0x3e7;
