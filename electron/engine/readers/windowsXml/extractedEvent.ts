// What both extractors (the fast one and the conformant fallback) hand to the row mapping: the raw text
// of the System values and the payload values in document order, decoded but not yet interpreted.
// Keeping the two extractors' output identical in shape is what lets the tests compare them value by value.
import type { MicrosUtc } from '../../rowContract.js';

export interface SystemValues {
  provider: string | null; // Provider/@Name
  eventId: string | null;
  version: string | null;
  level: string | null;
  task: string | null;
  keywords: string | null;
  systemTime: string | null; // TimeCreated/@SystemTime
  recordId: string | null; // EventRecordID
  processId: string | null; // Execution/@ProcessID
  channel: string | null;
  computer: string | null;
  userId: string | null; // Security/@UserID
}

export interface ExtractedEvent {
  system: SystemValues;
  /**
   * Payload names in document order: the Name of an EventData `<Data>`, null for an unnamed one,
   * `Binary` for `<Binary>`, and for UserData leaves the path below the payload's root element.
   */
  names: (string | null)[];
  values: string[];
  /** TimeCreated as microseconds, when the reader had it as a number (an .evtx FILETIME), not text. */
  ts?: MicrosUtc | null;
}

export function emptyExtractedEvent(): ExtractedEvent {
  return {
    system: {
      provider: null,
      eventId: null,
      version: null,
      level: null,
      task: null,
      keywords: null,
      systemTime: null,
      recordId: null,
      processId: null,
      channel: null,
      computer: null,
      userId: null,
    },
    names: [],
    values: [],
  };
}

// Switches rather than lookup tables: element names are fresh substrings, and comparing them costs less
// than interning them for a property lookup, on every System element of every event.

/** The System child elements whose text is kept. */
export function systemTextKey(element: string): keyof SystemValues | null {
  switch (element) {
    case 'EventID':
      return 'eventId';
    case 'Version':
      return 'version';
    case 'Level':
      return 'level';
    case 'Task':
      return 'task';
    case 'Keywords':
      return 'keywords';
    case 'EventRecordID':
      return 'recordId';
    case 'Channel':
      return 'channel';
    case 'Computer':
      return 'computer';
    default:
      return null;
  }
}

const PROVIDER_NAME = ['Name', 'provider'] as const;
const SYSTEM_TIME = ['SystemTime', 'systemTime'] as const;
const EXECUTION_PROCESS = ['ProcessID', 'processId'] as const;
const SECURITY_USER = ['UserID', 'userId'] as const;

/** The System child elements of which one attribute is kept: [attribute, key]. */
export function systemAttribute(element: string): readonly [string, keyof SystemValues] | null {
  switch (element) {
    case 'Provider':
      return PROVIDER_NAME;
    case 'TimeCreated':
      return SYSTEM_TIME;
    case 'Execution':
      return EXECUTION_PROCESS;
    case 'Security':
      return SECURITY_USER;
    default:
      return null;
  }
}

/** First occurrence wins, as a repeated System element can only be a producer's mistake. */
export function setSystemValue(system: SystemValues, key: keyof SystemValues, value: string): void {
  if (system[key] === null) system[key] = value;
}
