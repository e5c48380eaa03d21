// The fallback: a conformant XML parser (saxes) reads one event the fast path declined. It is slower but
// handles everything XML allows (CDATA, comments, processing instructions, XML 1.1 characters, any
// nesting), and it is the one that decides an event is malformed and says where.
// UserData and other payload sections are flattened here: every leaf element becomes one value named by
// its path below the payload's root element (`LogFileCleared/SubjectUserName` -> `SubjectUserName`),
// every attribute one value named `path@attribute`.
import { SaxesParser } from 'saxes';
import {
  emptyExtractedEvent,
  setSystemValue,
  systemAttribute,
  systemTextKey,
  type ExtractedEvent,
} from './extractedEvent.js';

export type XmlVersion = '1.0' | '1.1';

export class MalformedEventError extends Error {}

interface OpenElement {
  name: string;
  text: string;
  hasChild: boolean;
  /** For payload elements: the name the value of a leaf is kept under. */
  key: string;
}

type Section = 'system' | 'eventData' | 'payload' | 'ignored';

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

export function extractEventConformant(s: string, xmlVersion: XmlVersion): ExtractedEvent {
  const out = emptyExtractedEvent();
  const parser = new SaxesParser<{ xmlns: false; defaultXMLVersion: XmlVersion; forceXMLVersion: true }>({
    xmlns: false,
    defaultXMLVersion: xmlVersion,
    forceXMLVersion: true,
  });
  const stack: OpenElement[] = [];
  let section: Section = 'ignored';
  /** The EventData element (Data, Binary, ...) all text below it belongs to. */
  let valueHolder: OpenElement | null = null;
  let dataName: string | null = null;

  const push = (name: string | null, value: string): void => {
    out.names.push(name);
    out.values.push(value);
  };

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const depth = stack.length;
    const parent = stack[depth - 1];
    if (parent !== undefined) parent.hasChild = true;
    const element: OpenElement = { name, text: '', hasChild: false, key: name };
    if (depth === 0 && name !== 'Event')
      throw new MalformedEventError(`the root element is <${name}>, not <Event>`);
    if (depth === 1) {
      section =
        name === 'System'
          ? 'system'
          : name === 'EventData'
            ? 'eventData'
            : name === 'RenderingInfo'
              ? 'ignored'
              : 'payload';
    } else if (depth === 2 && section === 'system') {
      const attribute = systemAttribute(name);
      const value = attribute === null ? undefined : tag.attributes[attribute[0]];
      if (attribute !== null && value !== undefined) setSystemValue(out.system, attribute[1], value);
    } else if (depth === 2 && section === 'eventData') {
      valueHolder = element;
      dataName = name === 'Data' ? (tag.attributes['Name'] ?? null) || null : name;
    } else if (depth >= 2 && section === 'payload') {
      // The payload's root element (LogFileCleared, EventXML, ...) names the event type, not a value.
      element.key = depth <= 3 ? name : `${parent!.key}/${name}`;
      for (const [attribute, value] of Object.entries(tag.attributes)) {
        if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
        push(`${element.key}@${localName(attribute)}`, value);
      }
    }
    stack.push(element);
  });

  const addText = (text: string): void => {
    const target = valueHolder ?? stack[stack.length - 1];
    if (target !== undefined) target.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.on('closetag', () => {
    const element = stack.pop()!;
    const depth = stack.length;
    if (depth === 2 && section === 'system') {
      const key = systemTextKey(element.name);
      if (key !== null) setSystemValue(out.system, key, element.text);
    } else if (depth === 2 && section === 'eventData') {
      push(dataName, element.text);
      valueHolder = null;
    } else if (depth >= 2 && section === 'payload' && !element.hasChild) {
      push(element.key, element.text);
    }
    if (depth === 1) section = 'ignored';
  });

  try {
    parser.write(s).close();
  } catch (error) {
    if (error instanceof MalformedEventError) throw error;
    throw new MalformedEventError(error instanceof Error ? error.message : String(error));
  }
  return out;
}
