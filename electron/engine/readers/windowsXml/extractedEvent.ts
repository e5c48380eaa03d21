// What both extractors (the fast one and the conformant fallback) hand to the row mapping: the raw text
// of the System values and the payload values in document order, decoded but not yet interpreted.
// Keeping the two extractors' output identical in shape is what lets the tests compare them value by value.

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

/** System child elements whose text is kept, by element name. */
export const SYSTEM_TEXT_ELEMENTS: Readonly<Record<string, keyof SystemValues | undefined>> = Object.assign(
  Object.create(null) as Record<string, keyof SystemValues>,
  {
    EventID: 'eventId',
    Version: 'version',
    Level: 'level',
    Task: 'task',
    Keywords: 'keywords',
    EventRecordID: 'recordId',
    Channel: 'channel',
    Computer: 'computer',
  },
);

/** System child elements of which one attribute is kept. */
export const SYSTEM_ATTRIBUTES: Readonly<Record<string, readonly [string, keyof SystemValues] | undefined>> =
  Object.assign(Object.create(null) as Record<string, readonly [string, keyof SystemValues]>, {
    Provider: ['Name', 'provider'],
    TimeCreated: ['SystemTime', 'systemTime'],
    Execution: ['ProcessID', 'processId'],
    Security: ['UserID', 'userId'],
  } as const);

/** First occurrence wins, as a repeated System element can only be a producer's mistake. */
export function setSystemValue(system: SystemValues, key: keyof SystemValues, value: string): void {
  if (system[key] === null) system[key] = value;
}
