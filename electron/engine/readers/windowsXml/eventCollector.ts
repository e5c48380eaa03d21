// Collects what the row needs from one event's element events (open, text, close), whichever parser
// produces them: the conformant XML parser for text exports, the Binary XML renderer for .evtx. One
// collector is what makes an event read from an .evtx file and the same event read from its XML export
// give the same values.
// UserData and other payload sections are flattened: every leaf element becomes one value named by its
// path below the payload's root element (`LogFileCleared/SubjectUserName` -> `SubjectUserName`), every
// attribute one value named `path@attribute`.
import {
  emptyExtractedEvent,
  setSystemValue,
  systemAttribute,
  systemTextKey,
  type ExtractedEvent,
} from './extractedEvent.js';

/** An event the collector cannot take: the root is not <Event>. */
export class MalformedEventError extends Error {}

interface OpenElement {
  name: string;
  text: string;
  hasChild: boolean;
  /** For payload elements: the name the value of a leaf is kept under. */
  key: string;
}

type Section = 'system' | 'eventData' | 'payload' | 'ignored';

export type AttributeList = ReadonlyArray<readonly [name: string, value: string]>;

export class EventCollector {
  readonly event: ExtractedEvent = emptyExtractedEvent();
  private readonly stack: OpenElement[] = [];
  private section: Section = 'ignored';
  /** The EventData element (Data, Binary, ...) all text below it belongs to. */
  private valueHolder: OpenElement | null = null;
  private dataName: string | null = null;

  /** Names as written, with any namespace prefix. */
  open(qualifiedName: string, attributes: AttributeList): void {
    const name = localName(qualifiedName);
    const stack = this.stack;
    const depth = stack.length;
    const parent = stack[depth - 1];
    if (parent !== undefined) parent.hasChild = true;
    const element: OpenElement = { name, text: '', hasChild: false, key: name };
    if (depth === 0 && name !== 'Event')
      throw new MalformedEventError(`the root element is <${name}>, not <Event>`);
    if (depth === 1) {
      this.section =
        name === 'System'
          ? 'system'
          : name === 'EventData'
            ? 'eventData'
            : name === 'RenderingInfo'
              ? 'ignored'
              : 'payload';
    } else if (depth === 2 && this.section === 'system') {
      const attribute = systemAttribute(name);
      if (attribute !== null) {
        const value = attributeValue(attributes, attribute[0]);
        if (value !== undefined) setSystemValue(this.event.system, attribute[1], value);
      }
    } else if (depth === 2 && this.section === 'eventData') {
      this.valueHolder = element;
      this.dataName = name === 'Data' ? attributeValue(attributes, 'Name') || null : name;
    } else if (depth >= 2 && this.section === 'payload') {
      // The payload's root element (LogFileCleared, EventXML, ...) names the event type, not a value.
      element.key = depth <= 3 ? name : `${parent!.key}/${name}`;
      for (const [attribute, value] of attributes) {
        if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
        this.push(`${element.key}@${localName(attribute)}`, value);
      }
    }
    stack.push(element);
  }

  text(text: string): void {
    const target = this.valueHolder ?? this.stack[this.stack.length - 1];
    if (target !== undefined) target.text += text;
  }

  close(): void {
    const element = this.stack.pop()!;
    const depth = this.stack.length;
    if (depth === 2 && this.section === 'system') {
      const key = systemTextKey(element.name);
      if (key !== null) setSystemValue(this.event.system, key, element.text);
    } else if (depth === 2 && this.section === 'eventData') {
      this.push(this.dataName, element.text);
      this.valueHolder = null;
    } else if (depth >= 2 && this.section === 'payload' && !element.hasChild) {
      this.push(element.key, element.text);
    }
    if (depth === 1) this.section = 'ignored';
  }

  private push(name: string | null, value: string): void {
    this.event.names.push(name);
    this.event.values.push(value);
  }
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Attributes are looked up by their qualified name, as the saxes parser keyed them before. */
function attributeValue(attributes: AttributeList, name: string): string | undefined {
  for (const [n, v] of attributes) if (n === name) return v;
  return undefined;
}
