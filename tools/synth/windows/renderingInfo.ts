// The <RenderingInfo> block Event Viewer adds when it saves events as XML: the formatted message in the
// exporting machine's language plus display names for level, task, opcode, channel and keywords.
// Messages follow the layout of the Windows message tables (title, blank line, tabbed sections, CR LF).
import { escapeXml } from '../xmlText.js';
import { TASK_NAMES } from './securityEvent.js';
import { KEYWORDS_AUDIT_FAILURE } from './winEvent.js';
import type { DataValue, WinEvent } from './winEvent.js';
import { messageValue } from './messageValues.js';
import { MESSAGE_TEMPLATES } from './messageTemplates.js';

function fieldMap(ev: WinEvent): Map<string, DataValue> {
  return new Map(ev.userData ? ev.userData.fields : (ev.eventData ?? []));
}

export function renderMessage(ev: WinEvent): string {
  const fields = fieldMap(ev);
  const template = MESSAGE_TEMPLATES[ev.eventId];
  if (!template) {
    const lines = [...fields].map(([name, value]) => `\t${name}:\t${messageValue(value)}`);
    return [`Event ${ev.eventId}`, '', ...lines].join('\r\n');
  }
  const out: string[] = [template.title];
  for (const section of template.sections) {
    out.push('');
    if (section.heading) out.push(`${section.heading}:`);
    for (const [label, source] of section.lines) {
      const value = typeof source === 'function' ? source(fields) : messageValue(fields.get(source));
      out.push(`\t${label}:\t\t${value}`);
    }
  }
  if (template.footer) out.push('', template.footer);
  return out.join('\r\n');
}

function keywordName(ev: WinEvent): string {
  if (ev.channel !== 'Security') return 'Classic';
  return ev.keywords === KEYWORDS_AUDIT_FAILURE ? 'Audit Failure' : 'Audit Success';
}

/** The whole <RenderingInfo> element for one event. */
export function renderingInfoXml(ev: WinEvent): string {
  const task = TASK_NAMES[ev.task] ?? 'None';
  const level = ev.level === 3 ? 'Warning' : ev.level === 5 ? 'Verbose' : 'Information';
  return (
    `<RenderingInfo Culture='en-US'><Message>${escapeXml(renderMessage(ev))}</Message>` +
    `<Level>${level}</Level><Task>${task}</Task><Opcode>Info</Opcode>` +
    `<Channel>${escapeXml(ev.channel)}</Channel><Provider>${escapeXml(ev.provider.displayName)}</Provider>` +
    `<Keywords><Keyword>${keywordName(ev)}</Keyword></Keywords></RenderingInfo>`
  );
}
