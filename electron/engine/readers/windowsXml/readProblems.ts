// The words a responder reads when part of a file could not be imported: what is wrong and what happened
// to it. Where it is (the event's place in the file and its byte offset) travels in the `record` and
// `offset` fields only, never in the text: a parallel import renumbers records after the reader has
// spoken, and the CLI and the UI render the place from the fields. An offset inside a message is always
// a second, more precise, absolute file offset.
import type { ReadError } from '../../rowContract.js';

function size(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

function hexByte(value: number): string {
  return `0x${value.toString(16).padStart(2, '0')}`;
}

/** `badByte`: absolute offset of the first byte that breaks the encoding; `value`: that byte, if known. */
export function invalidEncoding(
  record: number,
  offset: number,
  encoding: string,
  badByte: number,
  value: number | undefined,
): ReadError {
  const what =
    value === undefined ? `at file offset ${badByte}` : `byte ${hexByte(value)} at file offset ${badByte}`;
  return { message: `invalid ${encoding} (${what}); the event is skipped`, offset, record };
}

export function malformedEvent(record: number, offset: number, detail: string): ReadError {
  return { message: `malformed XML (${detail}); the event is skipped`, offset, record };
}

export function oversizedEvent(record: number, offset: number, limit: number): ReadError {
  return {
    message: `larger than the ${size(limit)} limit for one event; the event is skipped and reading goes on after it`,
    offset,
    record,
  };
}

export function truncatedEvent(record: number, offset: number): ReadError {
  return {
    message: 'the file ends before this event does (truncated export?); the event is skipped',
    offset,
    record,
  };
}

export function unclosedEvent(record: number, offset: number, nextOffset: number): ReadError {
  return {
    message: `not closed before the next <Event> at file offset ${nextOffset} (cut short?); the event is skipped`,
    offset,
    record,
  };
}

export function unexpectedContent(offset: number, excerpt: string): ReadError {
  return {
    message: `unexpected content outside any event: ${JSON.stringify(excerpt)}; it is ignored`,
    offset,
  };
}

/** The offset travels in InputFormatError.offset. */
export function doctypeMessage(): string {
  return (
    'the file contains a document type declaration (<!DOCTYPE). Windows never writes one, ' +
    'and it can expand entities without limit or read other files, so the file is refused'
  );
}

export function notAnEventLogMessage(excerpt: string): string {
  return `no Windows <Event> found, starting with ${JSON.stringify(excerpt)}: this is not a Windows event XML export`;
}
