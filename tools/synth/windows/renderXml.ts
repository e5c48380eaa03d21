// Renders a WinEvent as the text Windows itself produces (wevtutil /f:xml, Event Viewer, .ToXml():
// one line, single-quoted attributes, self-closed empty elements, hex without padding) and as
// python-evtx 0.6 writes it (line breaks, double quotes, padded hex, "Qualifiers=''" everywhere).
import { escapeXml, escapePythonEvtxAttr, escapePythonEvtxText } from '../xmlText.js';
import { pythonEvtxTime, windowsSystemTime } from '../timeFormat.js';
import { Hex } from './winEvent.js';
import type { DataField, DataValue, WinEvent } from './winEvent.js';

const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

function windowsValue(v: DataValue): string {
  return v instanceof Hex ? `0x${v.value.toString(16)}` : escapeXml(v);
}

function paddedHex(v: Hex): string {
  return `0x${v.value.toString(16).padStart(v.bits / 4, '0')}`;
}

function windowsFields(fields: readonly DataField[], tag: 'Data' | 'named'): string {
  let out = '';
  for (const [name, value] of fields) {
    const text = windowsValue(value);
    if (tag === 'Data')
      out += text === '' ? `<Data Name='${name}'></Data>` : `<Data Name='${name}'>${text}</Data>`;
    else out += text === '' ? `<${name}></${name}>` : `<${name}>${text}</${name}>`;
  }
  return out;
}

export interface WindowsRenderOptions {
  /** Fraction digits of SystemTime: 7 on most builds, 9 on some newer ones. */
  timeDigits?: 7 | 9;
  /** Already-rendered <RenderingInfo> element, inserted last (Event Viewer exports). */
  renderingInfo?: string;
}

/** One event exactly as wevtutil, Event Viewer or .ToXml() writes it, without a trailing newline. */
export function renderWindowsXml(ev: WinEvent, options: WindowsRenderOptions = {}): string {
  const p = ev.provider;
  const source = p.eventSourceName ? ` EventSourceName='${p.eventSourceName}'` : '';
  const eventId = ev.qualifiers === undefined ? `<EventID>` : `<EventID Qualifiers='${ev.qualifiers}'>`;
  const correlation = ev.activityId ? `<Correlation ActivityID='${ev.activityId}'/>` : '<Correlation/>';
  const security = ev.userSid ? `<Security UserID='${ev.userSid}'/>` : '<Security/>';
  let body: string;
  if (ev.userData) {
    const u = ev.userData;
    body = `<UserData><${u.element} xmlns='${u.xmlns}'>${windowsFields(u.fields, 'named')}</${u.element}></UserData>`;
  } else {
    const binary = ev.binary ? `<Binary>${ev.binary}</Binary>` : '';
    body = `<EventData>${windowsFields(ev.eventData ?? [], 'Data')}${binary}</EventData>`;
  }
  return (
    `<Event xmlns='${EVENT_NS}'><System><Provider Name='${p.name}' Guid='${p.guid}'${source}/>` +
    `${eventId}${ev.eventId}</EventID><Version>${ev.version}</Version><Level>${ev.level}</Level>` +
    `<Task>${ev.task}</Task><Opcode>${ev.opcode}</Opcode><Keywords>${ev.keywords}</Keywords>` +
    `<TimeCreated SystemTime='${windowsSystemTime(ev.time, options.timeDigits ?? 7)}'/>` +
    `<EventRecordID>${ev.recordId}</EventRecordID>${correlation}` +
    `<Execution ProcessID='${ev.execPid}' ThreadID='${ev.execTid}'/><Channel>${escapeXml(ev.channel)}</Channel>` +
    `<Computer>${escapeXml(ev.computer)}</Computer>${security}</System>${body}${options.renderingInfo ?? ''}</Event>`
  );
}

function pythonValue(v: DataValue): string {
  return v instanceof Hex ? paddedHex(v) : escapePythonEvtxText(v);
}

/** One event as python-evtx 0.6.1's evtx_dump.py writes it (newline after most elements). */
export function renderPythonEvtxXml(ev: WinEvent): string {
  const p = ev.provider;
  const source = p.eventSourceName ? ` EventSourceName="${escapePythonEvtxAttr(p.eventSourceName)}"` : '';
  const qualifiers = ev.qualifiers === undefined ? '' : String(ev.qualifiers);
  const lines = [
    `<Event xmlns="${EVENT_NS}"><System><Provider Name="${p.name}" Guid="${p.guid}"${source}></Provider>`,
    `<EventID Qualifiers="${qualifiers}">${ev.eventId}</EventID>`,
    `<Version>${ev.version}</Version>`,
    `<Level>${ev.level}</Level>`,
    `<Task>${ev.task}</Task>`,
    `<Opcode>${ev.opcode}</Opcode>`,
    `<Keywords>${ev.keywords}</Keywords>`,
    `<TimeCreated SystemTime="${pythonEvtxTime(ev.time)}"></TimeCreated>`,
    `<EventRecordID>${ev.recordId}</EventRecordID>`,
    `<Correlation ActivityID="${(ev.activityId ?? '').toLowerCase()}" RelatedActivityID=""></Correlation>`,
    `<Execution ProcessID="${ev.execPid}" ThreadID="${ev.execTid}"></Execution>`,
    `<Channel>${escapePythonEvtxText(ev.channel)}</Channel>`,
    `<Computer>${escapePythonEvtxText(ev.computer)}</Computer>`,
    `<Security UserID="${ev.userSid ?? ''}"></Security>`,
    `</System>`,
  ];
  if (ev.userData) {
    const u = ev.userData;
    const fields = u.fields.map(([n, v]) => `<${n}>${pythonValue(v)}</${n}>`);
    lines.push(
      `<UserData><${u.element} xmlns="${u.xmlns}">${fields.join('\n')}`,
      `</${u.element}>`,
      `</UserData>`,
    );
  } else {
    const data = (ev.eventData ?? []).map(([n, v]) => `<Data Name="${n}">${pythonValue(v)}</Data>`);
    if (ev.binary) data.push(`<Binary>${ev.binary}</Binary>`);
    lines.push(`<EventData>${data.join('\n')}`, `</EventData>`);
  }
  lines.push('</Event>');
  return lines.join('\n');
}
