// The fallback: a conformant XML parser (saxes) reads one event the fast path declined. It is slower but
// handles everything XML allows (CDATA, comments, processing instructions, XML 1.1 characters, any
// nesting), and it is the one that decides an event is malformed and says where.
// What it keeps of the event is decided by the EventCollector, shared with the .evtx reader.
import { SaxesParser } from 'saxes';
import { EventCollector, MalformedEventError } from './eventCollector.js';
import type { ExtractedEvent } from './extractedEvent.js';

export { MalformedEventError };

export type XmlVersion = '1.0' | '1.1';

export function extractEventConformant(s: string, xmlVersion: XmlVersion): ExtractedEvent {
  const parser = new SaxesParser<{ xmlns: false; defaultXMLVersion: XmlVersion; forceXMLVersion: true }>({
    xmlns: false,
    defaultXMLVersion: xmlVersion,
    forceXMLVersion: true,
  });
  const collector = new EventCollector();
  parser.on('opentag', (tag) => collector.open(tag.name, Object.entries(tag.attributes)));
  parser.on('text', (text) => collector.text(text));
  parser.on('cdata', (text) => collector.text(text));
  parser.on('closetag', () => collector.close());
  try {
    parser.write(s).close();
  } catch (error) {
    if (error instanceof MalformedEventError) throw error;
    throw new MalformedEventError(error instanceof Error ? error.message : String(error));
  }
  return collector.event;
}
