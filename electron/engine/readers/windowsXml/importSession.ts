// One file being read: routes every chunk through the DOCTYPE guard and the splitter, every event through
// the record parser, and keeps the counts and the evidence for the summary. Everything here is
// synchronous per chunk; the only waiting is for the next chunk.
import type { ReadError } from '../../model.js';
import type { ReaderSink, ReaderSummary } from '../types.js';
import { InputFormatError } from '../types.js';
import { BetweenEventsMarkup, exportFlavour, type StretchIssue } from './betweenEventsMarkup.js';
import { DoctypeGuard } from './doctypeGuard.js';
import { EventSplitter } from './eventSplitter.js';
import { findNextEventStart, parseEventRecord } from './eventRecord.js';
import * as problems from './readProblems.js';
import type { EncodingInfo } from './textEncoding.js';

export class ImportSession {
  private readonly guard: DoctypeGuard;
  private readonly splitter: EventSplitter;
  private readonly markup: BetweenEventsMarkup;
  private offset = 0;
  private recordNo = 0;
  private records = 0;
  private skipped = 0;

  constructor(
    private readonly info: EncodingInfo,
    maxRecordBytes: number,
    private readonly sink: ReaderSink,
  ) {
    this.guard = new DoctypeGuard(info);
    this.markup = new BetweenEventsMarkup(info);
    this.splitter = new EventSplitter(info, maxRecordBytes, {
      between: (bytes, offset) => this.between(bytes, offset),
      event: (bytes, offset) => this.event(bytes, offset),
      oversized: (offset) => {
        this.stretchEnded(false);
        this.failed(problems.oversizedEvent(++this.recordNo, offset, maxRecordBytes));
      },
      incomplete: (offset) => {
        this.stretchEnded(false);
        this.failed(problems.truncatedEvent(++this.recordNo, offset));
      },
    });
  }

  push(chunk: Buffer): void {
    const doctype = this.guard.check(chunk, this.offset);
    if (doctype >= 0) {
      // Events wholly before the declaration are still handed on; nothing after it is looked at.
      if (doctype > this.offset) this.splitter.push(chunk.subarray(0, doctype - this.offset));
      throw new InputFormatError(problems.doctypeMessage(doctype), doctype);
    }
    this.offset += chunk.length;
    this.splitter.push(chunk);
  }

  finish(): void {
    this.splitter.finish();
    this.stretchEnded(true);
  }

  summary(): ReaderSummary {
    const variant = exportFlavour(this.markup.evidence, this.info);
    return { format: 'windows-xml', variant, records: this.records, skipped: this.skipped };
  }

  private between(bytes: Buffer, offset: number): void {
    this.markup.add(bytes, offset);
    // A legal prolog is tiny; a big one with no event yet is some other kind of file, so stop early.
    if (this.recordNo === 0 && this.markup.overflowing) this.stretchEnded(false, true);
  }

  private event(bytes: Buffer, offset: number): void {
    this.stretchEnded(false);
    let start = 0;
    for (;;) {
      const slice = start === 0 ? bytes : bytes.subarray(start);
      const at = offset + start;
      const recordNo = ++this.recordNo;
      const outcome = parseEventRecord(slice, recordNo, this.info, this.markup.evidence.xmlVersion ?? '1.0');
      if (outcome.ok) {
        this.records++;
        this.sink.row({ kind: 'win', row: outcome.row });
        return;
      }
      const next = findNextEventStart(slice, at, this.info);
      if (next > 0) {
        this.failed(problems.unclosedEvent(recordNo, at, at + next));
        start += next;
        continue;
      }
      this.failed(
        outcome.problem === 'encoding'
          ? problems.invalidEncoding(recordNo, at, encodingName(this.info), at + outcome.badByte)
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
    // Nothing but unknown content before the end, or a huge prolog: not an event export at all.
    if (this.recordNo === 0 && final) {
      throw new InputFormatError(problems.notAnEventLogMessage(issue.offset, issue.excerpt), issue.offset);
    }
    this.sink.error(problems.unexpectedContent(issue.offset, issue.excerpt));
  }
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
