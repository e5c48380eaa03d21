// The fast path: walks one event's tags in order and keeps only what the row needs. It understands the
// shape Windows, python-evtx and evtx_dump write (System, EventData with Data and Binary, RenderingInfo)
// and nothing else: CDATA, comments, processing instructions, UserData, unusual characters or anything
// malformed make it return null, and the event goes to the conformant parser, which either reads it
// properly or says precisely what is wrong. So the fast path may be strict, but it is never the judge.
import {
  emptyExtractedEvent,
  setSystemValue,
  systemAttribute,
  systemTextKey,
  type ExtractedEvent,
  type SystemValues,
} from './extractedEvent.js';
import { FastTagScanner, isXmlSpace, scanName } from './fastTagScanner.js';
import { hasCharactersForConformantParser } from './xmlTextDecoding.js';

const SLASH = 0x2f;
const GT = 0x3e;

/** `<Data` at `lt` as a whole name: most tags of an event are Data, so they skip the general path. */
function isDataTag(s: string, lt: number): boolean {
  if (!s.startsWith('Data', lt + 1)) return false;
  const c = s.charCodeAt(lt + 5);
  return isXmlSpace(c) || c === GT || c === SLASH;
}

const enum Section {
  None,
  System,
  EventData,
  RenderingInfo,
}

const enum Capture {
  None,
  SystemText,
  Data,
  Binary,
}

export function extractEventFast(s: string): ExtractedEvent | null {
  // `<!` (CDATA, comments) and `<?` need no search of their own: the walk below visits every `<`, and
  // neither `!` nor `?` starts a name. `]]>` is the one construct that can hide in plain text.
  if (s.charCodeAt(0) !== 0x3c || s.indexOf(']]>') >= 0 || hasCharactersForConformantParser(s)) return null;
  const out = emptyExtractedEvent();
  const scan = new FastTagScanner(s);
  const stack: string[] = [];
  let section = Section.None;
  let capture = Capture.None;
  let captureDepth = 0;
  let captureKey: keyof SystemValues | null = null;
  let captureName: string | null = null;
  let captured = '';

  let lt = 0;
  for (;;) {
    let nextLt = s.indexOf('<', lt + 1);
    if (nextLt < 0) nextLt = s.length;

    if (s.charCodeAt(lt + 1) === SLASH) {
      const name = stack.pop();
      if (name === undefined || !scan.endTag(lt, name) || scan.gt > nextLt) return null;
      if (capture !== Capture.None && stack.length === captureDepth - 1) {
        if (capture === Capture.SystemText) setSystemValue(out.system, captureKey!, captured);
        else {
          out.names.push(capture === Capture.Binary ? 'Binary' : captureName);
          out.values.push(captured);
        }
        capture = Capture.None;
      }
      if (stack.length === 1) section = Section.None;
      if (stack.length === 0) {
        return scan.gt === s.length - 1 && !scan.strayAmpersandBefore(s.length) ? out : null;
      }
    } else {
      if (capture !== Capture.None) return null; // an element inside a value: leave it to the parser
      const depth = stack.length;
      const dataTag = section === Section.EventData && isDataTag(s, lt);
      const nameEnd = dataTag ? lt + 5 : scanName(s, lt + 1);
      if (nameEnd < 0) return null;
      const name = dataTag ? 'Data' : s.slice(lt + 1, nameEnd);
      let wanted: string | null = null;
      let attributeKey: keyof SystemValues | null = null;
      if (depth === 0) {
        if (name !== 'Event') return null;
      } else if (depth === 1) {
        if (name === 'System') section = Section.System;
        else if (name === 'EventData') section = Section.EventData;
        else if (name === 'RenderingInfo') section = Section.RenderingInfo;
        else return null; // UserData and anything rarer
      } else if (name === 'Event') {
        // Another event starting inside this one (one cut short swallowed it): the reader's slower
        // path finds it (see ReadSession.event), so a row from here means no event starts inside.
        return null;
      } else if (section === Section.System) {
        if (depth !== 2) return null;
        const textKey = systemTextKey(name);
        if (textKey !== null) {
          capture = Capture.SystemText;
          captureKey = textKey;
        }
        const attribute = systemAttribute(name);
        if (attribute !== null) {
          wanted = attribute[0];
          attributeKey = attribute[1];
        }
      } else if (section === Section.EventData) {
        if (depth !== 2) return null;
        if (dataTag) {
          capture = Capture.Data;
          wanted = 'Name';
        } else if (name === 'Binary') capture = Capture.Binary;
        else return null;
      }

      if (!scan.startTag(nameEnd, wanted, nextLt)) return null;
      if (attributeKey !== null && scan.attribute !== null)
        setSystemValue(out.system, attributeKey, scan.attribute);
      if (capture === Capture.Data) captureName = scan.attribute === '' ? null : scan.attribute;
      if (scan.selfClosing) {
        if (capture === Capture.SystemText) setSystemValue(out.system, captureKey!, '');
        else if (capture !== Capture.None) {
          out.names.push(capture === Capture.Binary ? 'Binary' : captureName);
          out.values.push('');
        }
        capture = Capture.None;
        if (depth === 1) section = Section.None;
      } else {
        stack.push(name);
        if (capture !== Capture.None) captureDepth = stack.length;
      }
    }

    if (nextLt >= s.length) return null; // the root never closed
    const keep = capture !== Capture.None;
    const text = scan.text(scan.gt + 1, nextLt, keep);
    if (text === null) return null;
    if (keep) captured = text;
    lt = nextLt;
  }
}
