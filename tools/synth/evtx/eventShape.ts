// How a WinEvent becomes a template plus substitution values. The System block follows Windows' own
// event template (every System value a substitution, typed as Windows types it); EventData Data names and
// UserData element names are static text, so events of one (provider, id, version, fields) shape share a
// template and a record carries only its values.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Hex } from '../windows/winEvent.js';
import type { DataField, DataValue, WinEvent } from '../windows/winEvent.js';
import { VALUE_TYPE } from './binXmlTokens.js';
import type { ValueType } from './binXmlTokens.js';
import {
  fileTimeOf,
  guidValue,
  NULL_VALUE,
  parseGuid,
  parseSid,
  sidValue,
  stringValue,
} from './evtxValues.js';
import type { EvtxValue } from './evtxValues.js';
import type { TemplateElement, TemplateSubstitution, TemplateText } from './templateFragment.js';

const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** Substitution indexes of the System block; EventSourceName follows them when the provider has one. */
const SYS = {
  providerName: 0,
  providerGuid: 1,
  eventId: 2,
  qualifiers: 3,
  version: 4,
  level: 5,
  task: 6,
  opcode: 7,
  keywords: 8,
  timeCreated: 9,
  eventRecordId: 10,
  activityId: 11,
  relatedActivityId: 12,
  processId: 13,
  threadId: 14,
  channel: 15,
  computer: 16,
  userId: 17,
} as const;
const SYSTEM_VALUES = 18;

export interface EventShape {
  key: string;
  templateId: number;
  /** Deterministic per shape; its first 4 bytes are the template id, as in Windows' own files. */
  templateGuid: Buffer;
  root: TemplateElement;
}

export interface PreparedEvent {
  shape: EventShape;
  values: EvtxValue[];
  fileTime: bigint;
}

const text = (t: string): TemplateText => ({ kind: 'text', text: t });
const sub = (index: number, type: ValueType, optional = false): TemplateSubstitution => ({
  kind: 'substitution',
  index,
  type,
  optional,
});

function el(
  name: string,
  attributes: TemplateElement['attributes'] = [],
  children: TemplateElement['children'] = [],
): TemplateElement {
  return { kind: 'element', name, attributes, children };
}

function systemElement(hasSourceName: boolean): TemplateElement {
  const provider = [
    { name: 'Name', value: sub(SYS.providerName, VALUE_TYPE.string) },
    { name: 'Guid', value: sub(SYS.providerGuid, VALUE_TYPE.guid) },
  ];
  if (hasSourceName) provider.push({ name: 'EventSourceName', value: sub(SYSTEM_VALUES, VALUE_TYPE.string) });
  const simple = (name: string, index: number, type: ValueType) => el(name, [], [sub(index, type)]);
  return el(
    'System',
    [],
    [
      el('Provider', provider),
      el(
        'EventID',
        [{ name: 'Qualifiers', value: sub(SYS.qualifiers, VALUE_TYPE.uint16, true) }],
        [sub(SYS.eventId, VALUE_TYPE.uint16)],
      ),
      simple('Version', SYS.version, VALUE_TYPE.uint8),
      simple('Level', SYS.level, VALUE_TYPE.uint8),
      simple('Task', SYS.task, VALUE_TYPE.uint16),
      simple('Opcode', SYS.opcode, VALUE_TYPE.uint8),
      simple('Keywords', SYS.keywords, VALUE_TYPE.hexInt64),
      el('TimeCreated', [{ name: 'SystemTime', value: sub(SYS.timeCreated, VALUE_TYPE.fileTime) }]),
      simple('EventRecordID', SYS.eventRecordId, VALUE_TYPE.uint64),
      el('Correlation', [
        { name: 'ActivityID', value: sub(SYS.activityId, VALUE_TYPE.guid, true) },
        { name: 'RelatedActivityID', value: sub(SYS.relatedActivityId, VALUE_TYPE.guid, true) },
      ]),
      el('Execution', [
        { name: 'ProcessID', value: sub(SYS.processId, VALUE_TYPE.uint32) },
        { name: 'ThreadID', value: sub(SYS.threadId, VALUE_TYPE.uint32) },
      ]),
      simple('Channel', SYS.channel, VALUE_TYPE.string),
      simple('Computer', SYS.computer, VALUE_TYPE.string),
      el('Security', [{ name: 'UserID', value: sub(SYS.userId, VALUE_TYPE.sid, true) }]),
    ],
  );
}

/** Hex stays a HexInt, a parsable SID in a *Sid field becomes a SID (as Windows stores them), else text. */
function fieldValue(name: string, value: DataValue): EvtxValue {
  if (value instanceof Hex) {
    const n = BigInt.asUintN(value.bits, BigInt(Math.trunc(value.value)));
    return value.bits === 32 ? { type: VALUE_TYPE.hexInt32, n: Number(n) } : { type: VALUE_TYPE.hexInt64, n };
  }
  if (name.endsWith('Sid')) {
    const bytes = parseSid(value);
    if (bytes) return { type: VALUE_TYPE.sid, bytes };
  }
  return stringValue(value);
}

interface BodyValue {
  name: string;
  value: EvtxValue;
}

function bodyElement(ev: WinEvent, body: readonly BodyValue[], first: number): TemplateElement {
  const slot = (i: number) => sub(first + i, body[i]!.value.type);
  if (ev.userData) {
    const u = ev.userData;
    const fields = u.fields.map(([name], i) => el(name, [], [slot(i)]));
    return el('UserData', [], [el(u.element, [{ name: 'xmlns', value: text(u.xmlns) }], fields)]);
  }
  const data = (ev.eventData ?? []).map(([name], i) =>
    el('Data', [{ name: 'Name', value: text(name) }], [slot(i)]),
  );
  if (ev.binary !== undefined) data.push(el('Binary', [], [slot(body.length - 1)]));
  return el('EventData', [], data);
}

function bodyValues(ev: WinEvent): BodyValue[] {
  const fields: readonly DataField[] = ev.userData ? ev.userData.fields : (ev.eventData ?? []);
  const out = fields.map(([name, value]) => ({ name, value: fieldValue(name, value) }));
  if (!ev.userData && ev.binary !== undefined) {
    out.push({ name: 'Binary', value: { type: VALUE_TYPE.binary, bytes: Buffer.from(ev.binary, 'hex') } });
  }
  return out;
}

function shapeKey(ev: WinEvent, body: readonly BodyValue[]): string {
  const p = ev.provider;
  let key = `${p.name}\u0000${p.guid}\u0000${p.eventSourceName ?? ''}\u0000${ev.eventId}\u0000${ev.version}`;
  key += ev.userData ? `\u0000U\u0000${ev.userData.element}\u0000${ev.userData.xmlns}` : '\u0000E';
  for (const b of body) key += `\u0000${b.name}\u0001${b.value.type}`;
  return key;
}

function templateGuid(key: string, templateId: number): Buffer {
  const guid = createHash('md5').update(key).digest();
  guid.writeUInt32LE(templateId, 0);
  return guid;
}

/** Templates met so far (one per shape) and the conversion of each event into its values. */
export class EventShapes {
  private readonly shapes = new Map<string, EventShape>();
  private readonly keywords = new Map<string, bigint>();
  private readonly providerGuids = new Map<string, EvtxValue>();

  get count(): number {
    return this.shapes.size;
  }

  /** `recordId` fills System/EventRecordID when the event has none of its own (0). */
  prepare(ev: WinEvent, recordId: number): PreparedEvent {
    const body = bodyValues(ev);
    const key = shapeKey(ev, body);
    let shape = this.shapes.get(key);
    if (!shape) {
      const hasSourceName = ev.provider.eventSourceName !== undefined;
      const first = SYSTEM_VALUES + (hasSourceName ? 1 : 0);
      const root = el(
        'Event',
        [{ name: 'xmlns', value: text(EVENT_NS) }],
        [systemElement(hasSourceName), bodyElement(ev, body, first)],
      );
      const templateId = crc32(key);
      shape = { key, templateId, templateGuid: templateGuid(key, templateId), root };
      this.shapes.set(key, shape);
    }
    const fileTime = fileTimeOf(ev.time);
    const values: EvtxValue[] = [
      stringValue(ev.provider.name),
      this.providerGuid(ev.provider.guid),
      { type: VALUE_TYPE.uint16, n: ev.eventId },
      ev.qualifiers === undefined ? NULL_VALUE : { type: VALUE_TYPE.uint16, n: ev.qualifiers },
      { type: VALUE_TYPE.uint8, n: ev.version },
      { type: VALUE_TYPE.uint8, n: ev.level },
      { type: VALUE_TYPE.uint16, n: ev.task },
      { type: VALUE_TYPE.uint8, n: ev.opcode },
      { type: VALUE_TYPE.hexInt64, n: this.keywordBits(ev.keywords) },
      { type: VALUE_TYPE.fileTime, n: fileTime },
      { type: VALUE_TYPE.uint64, n: BigInt(ev.recordId > 0 ? ev.recordId : recordId) },
      guidValue(ev.activityId),
      NULL_VALUE, // RelatedActivityID: no WinEvent carries one
      { type: VALUE_TYPE.uint32, n: ev.execPid },
      { type: VALUE_TYPE.uint32, n: ev.execTid },
      stringValue(ev.channel),
      stringValue(ev.computer),
      sidValue(ev.userSid),
    ];
    if (ev.provider.eventSourceName !== undefined) values.push(stringValue(ev.provider.eventSourceName));
    for (const b of body) values.push(b.value);
    return { shape, values, fileTime };
  }

  private keywordBits(keywords: string): bigint {
    let bits = this.keywords.get(keywords);
    if (bits === undefined) {
      bits = BigInt.asUintN(64, BigInt(keywords));
      this.keywords.set(keywords, bits);
    }
    return bits;
  }

  private providerGuid(guid: string): EvtxValue {
    let v = this.providerGuids.get(guid);
    if (!v) {
      const bytes = parseGuid(guid);
      v = bytes ? { type: VALUE_TYPE.guid, bytes } : stringValue(guid);
      this.providerGuids.set(guid, v);
    }
    return v;
  }
}
