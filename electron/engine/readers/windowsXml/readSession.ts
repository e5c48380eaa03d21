// One file being read: routes every chunk through the DOCTYPE guard and the splitter, every event through
// the record parser, and keeps the counts and the evidence for the summary. Everything here is
// synchronous per chunk; the only waiting is for the next chunk.
//
// A session may read one slice of a file (parallel import): it then starts at a file offset other than 0
// and/or stops short of the end. Offsets stay file offsets; record numbers count from the slice's first
// event, since the slices before it are read at the same time and their counts are not known yet.
import type { ReadError } from '../../rowContract.js';
import type { ReaderSink, ReaderSummary } from '../types.js';
import { InputFormatError } from '../types.js';
import {
  BetweenEventsMarkup,
  exportFlavour,
  type FlavourEvidence,
  type StretchIssue,
} from './betweenEventsMarkup.js';
import { DoctypeGuard } from './doctypeGuard.js';
import { EventSplitter, findNextEventStart } from './eventSplitter.js';
import { parseEventFast, parseEventRecord } from './eventRecord.js';
import * as problems from './readProblems.js';
import { encodeAscii, type EncodingInfo } from './textEncoding.js';

/** Where in its file a session reads. */
export interface SessionPlace {
  /** File offset of the first byte pushed. */
  startOffset: number;
  /** False for a slice that stops short of the end of the file: its end is not the file's. */
  reachesEnd: boolean;
  /** The file's first bytes, when the session starts past them: the flavour evidence they hold. */
  fileHead: Buffer | null;
}

const WHOLE_FILE: SessionPlace = { startOffset: 0, reachesEnd: true, fileHead: null };

/** Full parses of one splitter slice before the events left in it with another start after them are skipped. */
const MAX_PARSES_PER_SLICE = 16;

/** Whether `bytes` before `end` hold `<!` or `<?`: a comment, CDATA or instruction an `<Event` could sit in. */
function mayHideMarkup(bytes: Buffer, end: number, info: EncodingInfo): boolean {
  const head = bytes.subarray(0, end);
  return head.indexOf(encodeAscii('<!', info)) >= 0 || head.indexOf(encodeAscii('<?', info)) >= 0;
}

export class ReadSession {
  private readonly guard: DoctypeGuard;
  private readonly splitter: EventSplitter;
  private readonly markup: BetweenEventsMarkup;
  /** Reading from the start of the file, where an export must begin with its prolog or an event. */
  private readonly atFileStart: boolean;
  private readonly reachesEnd: boolean;
  private offset: number;
  private recordNo = 0;
  private records = 0;
  private skipped = 0;

  constructor(
    private readonly info: EncodingInfo,
    maxRecordBytes: number,
    private readonly sink: ReaderSink,
    place: SessionPlace = WHOLE_FILE,
  ) {
    this.offset = place.startOffset;
    this.atFileStart = place.startOffset === 0;
    this.reachesEnd = place.reachesEnd;
    this.guard = new DoctypeGuard(info);
    this.markup = new BetweenEventsMarkup(info);
    if (place.fileHead !== null) this.markup.adoptEvidence(headEvidence(place.fileHead, info));
    this.splitter = new EventSplitter(
      info,
      maxRecordBytes,
      {
        between: (bytes, offset) => this.between(bytes, offset),
        event: (bytes, offset) => this.event(bytes, offset),
        oversized: (offset) => {
          this.stretchEnded(false);
          this.failed(problems.oversizedEvent(++this.recordNo, offset, maxRecordBytes));
        },
        incomplete: (offset) => {
          this.stretchEnded(false);
          // A slice ends where the planner saw the next event begin, so an event still open there is
          // one cut short before that event, as a whole-file read would say; not a truncated file.
          this.failed(
            this.reachesEnd
              ? problems.truncatedEvent(++this.recordNo, offset)
              : problems.unclosedEvent(++this.recordNo, offset, this.offset),
          );
        },
      },
      place.startOffset,
    );
  }

  push(chunk: Buffer): void {
    const doctype = this.guard.check(chunk, this.offset);
    if (doctype >= 0) {
      // Events wholly before the declaration are still handed on; nothing after it is looked at.
      if (doctype > this.offset) this.splitter.push(chunk.subarray(0, doctype - this.offset));
      throw new InputFormatError(problems.doctypeMessage(), doctype);
    }
    this.offset += chunk.length;
    this.splitter.push(chunk);
  }

  finish(): void {
    this.splitter.finish();
    // The markup at the end of a slice that stops short goes on in the next slice, up to an event:
    // closed as a whole-file read closes it there, so nothing is said about an end the file does not have.
    this.stretchEnded(this.reachesEnd);
  }

  summary(): ReaderSummary {
    const variant = exportFlavour(this.markup.evidence, this.info);
    return { format: 'windows-xml', variant, records: this.records, skipped: this.skipped };
  }

  private between(bytes: Buffer, offset: number): void {
    this.markup.add(bytes, offset);
    // A legal prolog is tiny; a big one with no event yet is some other kind of file, so stop early.
    if (this.atFileStart && this.recordNo === 0 && this.markup.overflowing) this.stretchEnded(false, true);
  }

  private event(bytes: Buffer, offset: number): void {
    this.stretchEnded(false);
    // Nearly every event: the fast path reads it whole, which also rules out another event starting
    // inside it, so the search for one (a scan of every event's bytes) is left to the rest.
    const row = parseEventFast(bytes, this.recordNo + 1, this.info);
    if (row !== null) {
      this.recordNo++;
      this.records++;
      this.sink.row({ kind: 'win', row });
      return;
    }
    let start = 0;
    let parses = 0;
    for (;;) {
      const slice = start === 0 ? bytes : bytes.subarray(start);
      const at = offset + start;
      const recordNo = ++this.recordNo;
      // An event with another event start after it in the slice cannot be whole (the slice ends at the
      // first `</Event>`), unless that start sits in a comment, CDATA or processing instruction: when
      // nothing before it could open one, or after MAX_PARSES_PER_SLICE attempts, it is skipped without
      // parsing. Parsing each rest of a slice of thousands of unclosed `<Event>`s took quadratic time.
      const ahead = findNextEventStart(slice, at, this.info);
      if (ahead > 0 && (parses >= MAX_PARSES_PER_SLICE || !mayHideMarkup(slice, ahead, this.info))) {
        this.failed(problems.unclosedEvent(recordNo, at, at + ahead));
        start += ahead;
        continue;
      }
      parses++;
      const outcome = parseEventRecord(slice, recordNo, this.info, this.markup.evidence.xmlVersion ?? '1.0');
      if (outcome.ok) {
        this.records++;
        this.sink.row({ kind: 'win', row: outcome.row });
        return;
      }
      const next = ahead;
      if (next > 0) {
        this.failed(problems.unclosedEvent(recordNo, at, at + next));
        start += next;
        continue;
      }
      this.failed(
        outcome.problem === 'encoding'
          ? problems.invalidEncoding(
              recordNo,
              at,
              encodingName(this.info),
              at + outcome.badByte,
              slice[outcome.badByte],
            )
          : problems.malformedEvent(recordNo, at, outcome.detail),
      );
      return;
    }
  }

  private failed(error: ReadError): void {
    this.skipped++;
    this.sink.error(error);
  }

  private stretchEnded(atEnd: boolean, hugeProlog = false): void {
    const issue = this.markup.close(atEnd);
    if (issue !== null) this.report(issue, atEnd || hugeProlog);
  }

  /** `final`: no event can follow any more (end of file), or the prolog is already too big for one. */
  private report(issue: StretchIssue, final: boolean): void {
    if (issue.kind === 'cut-event-start') {
      this.failed(problems.truncatedEvent(++this.recordNo, issue.offset));
      return;
    }
    // Nothing but unknown content before the end, or a huge prolog: not an event export at all. A later
    // slice has no prolog of its own and follows events of the first, so this is never said of it.
    if (this.atFileStart && this.recordNo === 0 && final) {
      throw new InputFormatError(problems.notAnEventLogMessage(issue.excerpt), issue.offset);
    }
    this.sink.error(problems.unexpectedContent(issue.offset, issue.excerpt));
  }
}

/**
 * What the markup in a file's head says about its flavour: the prolog, and the stretches between the
 * events that lie wholly in the head (the bytes after the last of them may be cut anywhere, so they are
 * left out). The head's events are not parsed, and nothing is reported: the first slice does that.
 */
function headEvidence(fileHead: Buffer, info: EncodingInfo): FlavourEvidence {
  const markup = new BetweenEventsMarkup(info);
  // A stretch is whole once an event follows it, whether or not that event ends within the head.
  const stretchEnded = (): void => void markup.close(false);
  const splitter = new EventSplitter(info, Number.MAX_SAFE_INTEGER, {
    between: (bytes, offset) => markup.add(bytes, offset),
    event: stretchEnded,
    oversized: () => {},
    incomplete: stretchEnded,
  });
  splitter.push(fileHead);
  splitter.finish();
  return markup.evidence;
}

function encodingName(info: EncodingInfo): string {
  switch (info.encoding) {
    case 'utf8':
      return 'UTF-8';
    case 'utf16le':
      return 'UTF-16LE';
    case 'utf16be':
      return 'UTF-16BE';
  }
}
