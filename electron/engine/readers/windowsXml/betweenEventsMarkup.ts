// Reads what lies between events: the XML declaration(s), the `<Events>` root of Event Viewer and
// python-evtx, the "Record N" lines of the Rust evtx_dump, comments and whitespace. These tell the export
// flavour apart; anything else is reported, because it usually means a damaged or concatenated file.
import type { FormatVariant } from '../../rowContract.js';
import type { XmlVersion } from './conformantEventExtractor.js';
import { decodeLoosely, encodedLength, type EncodingInfo } from './textEncoding.js';

/** A real stretch between events is a few dozen bytes; more than this is not a Windows export. */
export const MAX_STRETCH_BYTES = 64 * 1024;

const NOTHING = Buffer.alloc(0);

export type StretchIssue =
  | { kind: 'unexpected'; offset: number; excerpt: string }
  /** The file ends in the first bytes of an `<Event` tag. */
  | { kind: 'cut-event-start'; offset: number };

export interface FlavourEvidence {
  xmlVersion: XmlVersion | null;
  eventsRoot: boolean;
  recordLines: boolean;
  /** Stretches that follow an event, and how many of them hold a line break. */
  afterEvents: number;
  withLineBreak: number;
}

export class BetweenEventsMarkup {
  readonly evidence: FlavourEvidence = {
    xmlVersion: null,
    eventsRoot: false,
    recordLines: false,
    afterEvents: 0,
    withLineBreak: 0,
  };
  private pieces: Buffer[] = [];
  private size = 0;
  private start = -1;
  private stretchesClosed = 0;

  constructor(private readonly info: EncodingInfo) {}

  /**
   * Starts from evidence gathered elsewhere: a later slice of a parallel import takes what the file's
   * head shows (its prolog, and how its first events are separated), so that it names the flavour as a
   * read of the whole file does even when the slice alone shows too little.
   */
  adoptEvidence(evidence: FlavourEvidence): void {
    Object.assign(this.evidence, evidence);
  }

  /** True once bytes past the cap arrived in the current stretch. */
  get overflowing(): boolean {
    return this.size > MAX_STRETCH_BYTES;
  }

  add(bytes: Buffer, offset: number): void {
    if (this.start < 0) this.start = offset;
    // Copied: the bytes are a view of the splitter's window, which moves on.
    if (this.size <= MAX_STRETCH_BYTES)
      this.pieces.push(Buffer.from(bytes.subarray(0, MAX_STRETCH_BYTES + 1 - this.size)));
    this.size += bytes.length;
  }

  /** Classifies the stretch that just ended (at the next event, or at the end of the file). */
  close(atEnd: boolean): StretchIssue | null {
    const count = this.pieces.length;
    const bytes = count === 0 ? NOTHING : count === 1 ? this.pieces[0]! : Buffer.concat(this.pieces);
    // The end of the file right after an event says nothing about how events are separated.
    if (this.stretchesClosed > 0 && !(atEnd && bytes.length === 0)) {
      this.evidence.afterEvents++;
      if (bytes.includes(0x0a)) this.evidence.withLineBreak++;
    }
    const issue = bytes.length === 0 || isBlank(bytes, this.info) ? null : this.classify(bytes, atEnd);
    if (count > 0) this.pieces = [];
    this.size = 0;
    this.start = -1;
    this.stretchesClosed++;
    return issue;
  }

  private classify(bytes: Buffer, atEnd: boolean): StretchIssue | null {
    const text = decodeLoosely(bytes, this.info);
    let i = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) {
        i++;
        continue;
      }
      const next = this.skipKnown(text, i);
      if (next > i) {
        i = next;
        continue;
      }
      const offset = this.start + encodedLength(text.slice(0, i), this.info);
      const rest = text.slice(i).trimEnd();
      if (atEnd && rest.length <= 6 && '<Event'.startsWith(rest)) return { kind: 'cut-event-start', offset };
      return { kind: 'unexpected', offset, excerpt: text.slice(i, i + 40) };
    }
    return null;
  }

  /** Position after a recognised construct at `i`, or `i` when there is none. */
  private skipKnown(text: string, i: number): number {
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end < 0) return i;
      const version = /^<\?xml\s[^>]*?version\s*=\s*["'](1\.[01])["']/.exec(text.slice(i, end + 2));
      if (version !== null) this.evidence.xmlVersion ??= version[1] as XmlVersion;
      return end + 2;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      return end < 0 ? i : end + 3;
    }
    const root = /^<(\/?)Events(?=[\s>/])[^<>]*>/.exec(text.slice(i, i + 4096));
    if (root !== null) {
      this.evidence.eventsRoot = true;
      return i + root[0].length;
    }
    const record = /^Record[ \t]+\d+/.exec(text.slice(i, i + 40));
    if (record !== null) {
      this.evidence.recordLines = true;
      return i + record[0].length;
    }
    return i;
  }
}

/** Only whitespace (the usual line break between events), judged on the bytes without decoding: in
 * UTF-16 a zero byte is the other half of a whitespace character. */
function isBlank(bytes: Buffer, info: EncodingInfo): boolean {
  for (const b of bytes) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    if (b === 0 && info.unit === 2) continue;
    return false;
  }
  return true;
}

/**
 * Names the tool that wrote a file from what lay between its events. Informational only (shown in the
 * import summary): every flavour is read by the same code.
 */
export function exportFlavour(evidence: FlavourEvidence, info: EncodingInfo): FormatVariant {
  // evtx_dump (Rust) writes "Record N" and a declaration before every event.
  if (evidence.recordLines) return 'rust-evtx-dump';
  // python-evtx declares XML 1.1, which no Windows tool does.
  if (evidence.xmlVersion === '1.1') return 'python-evtx';
  if (evidence.eventsRoot) return 'event-viewer';
  // Without a root: Out-File writes UTF-16 with one event per line; wevtutil writes UTF-8 events back to
  // back. PowerShell 7's Out-File writes UTF-8, but still one event per line.
  if (info.unit === 2) return 'powershell-lines';
  if (evidence.afterEvents > 0 && evidence.withLineBreak === evidence.afterEvents) return 'powershell-lines';
  return 'wevtutil';
}
