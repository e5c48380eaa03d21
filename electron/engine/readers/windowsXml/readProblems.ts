// The words a responder reads when part of a file could not be imported: which event (its place in the
// file, not its EventRecordID), at which byte, what is wrong, and what happened to it.
import type { ReadError } from '../../model.js';

function size(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

function where(record: number, offset: number): string {
  return `event ${record} at byte ${offset}`;
}

export function invalidEncoding(
  record: number,
  offset: number,
  encoding: string,
  badByteOffset: number,
): ReadError {
  return {
    message: `${where(record, offset)}: invalid ${encoding} at byte ${badByteOffset}; the event is skipped`,
    offset,
    record,
  };
}

export function malformedEvent(record: number, offset: number, detail: string): ReadError {
  return {
    message: `${where(record, offset)}: malformed XML (${detail}); the event is skipped`,
    offset,
    record,
  };
}

export function oversizedEvent(record: number, offset: number, limit: number): ReadError {
  return {
    message: `${where(record, offset)}: larger than the ${size(limit)} limit for one event; the event is skipped and reading goes on after it`,
    offset,
    record,
  };
}

export function truncatedEvent(record: number, offset: number): ReadError {
  return {
    message: `${where(record, offset)}: the file ends before this event does (truncated export?); the event is skipped`,
    offset,
    record,
  };
}

export function unclosedEvent(record: number, offset: number, nextOffset: number): ReadError {
  return {
    message: `${where(record, offset)}: not closed before the next <Event> at byte ${nextOffset} (cut short?); the event is skipped`,
    offset,
    record,
  };
}

export function unexpectedContent(offset: number, excerpt: string): ReadError {
  return {
    message: `byte ${offset}: unexpected content outside any event: ${JSON.stringify(excerpt)}; it is ignored`,
    offset,
  };
}

export function doctypeMessage(offset: number): string {
  return (
    `byte ${offset}: the file contains a document type declaration (<!DOCTYPE). Windows never writes one, ` +
    'and it can expand entities without limit or read other files, so the file is refused'
  );
}

export function notAnEventLogMessage(offset: number, excerpt: string): string {
  return `byte ${offset}: no Windows <Event> found, starting with ${JSON.stringify(excerpt)}: this is not a Windows event XML export`;
}
