// The fallback: a conformant XML parser (saxes) reads one event the fast path declined. It is slower but
// handles everything XML allows (CDATA, comments, processing instructions, XML 1.1 characters, any
// nesting), and it is the one that decides an event is malformed and says where.
// What it keeps of the event is decided by the EventCollector, shared with the .evtx reader.
//
// saxes is loaded the first time an event needs it, which most files never do, and with require: an
// ES import of the CommonJS package cost ~50 CPU-ms of every parse worker's and the coordinator's
// start, against ~11 through require (measured, 3 runs each).
import { createRequire } from 'node:module';
import type * as Saxes from 'saxes';
import { EventCollector, MalformedEventError } from './eventCollector.js';
import type { ExtractedEvent } from './extractedEvent.js';

export { MalformedEventError };

export type XmlVersion = '1.0' | '1.1';

let saxes: typeof Saxes | null = null;

export function extractEventConformant(s: string, xmlVersion: XmlVersion): ExtractedEvent {
  saxes ??= createRequire(import.meta.url)('saxes') as typeof Saxes;
  const parser = new saxes.SaxesParser<{
    xmlns: false;
    defaultXMLVersion: XmlVersion;
    forceXMLVersion: true;
  }>({
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
