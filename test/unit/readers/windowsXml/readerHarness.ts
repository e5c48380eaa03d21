// Runs the reader over in-memory bytes or a file and collects what it hands the sink.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import type { ReadError, WinEventRow } from '../../../../electron/engine/rowContract.js';
import type { ReaderOptions, ReaderSummary } from '../../../../electron/engine/readers/types.js';
import { readWindowsXml } from '../../../../electron/engine/readers/windowsXml/index.js';

export interface ReadResult {
  rows: WinEventRow[];
  errors: ReadError[];
  summary: ReaderSummary;
}

/** Splits bytes into chunks of `chunkSize` (small sizes exercise every boundary case). */
export async function* chunksOf(bytes: Buffer, chunkSize = 65536): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
}

export interface PartialRead {
  rows: WinEventRow[];
  errors: ReadError[];
  /** What the reader threw, if it did: rows and errors handed over before it stay valid. */
  failure: unknown;
}

/** Reads to the end or to the first thrown error, keeping whatever reached the sink before it. */
export async function readUntilFailure(
  source: AsyncIterable<Buffer>,
  options?: ReaderOptions,
): Promise<PartialRead> {
  const rows: WinEventRow[] = [];
  const errors: ReadError[] = [];
  try {
    await readWindowsXml(
      source,
      {
        row: (r) => {
          if (r.kind !== 'win') throw new Error(`unexpected row kind ${r.kind}`);
          rows.push(r.row);
        },
        error: (e) => errors.push(e),
      },
      options,
    );
    return { rows, errors, failure: undefined };
  } catch (failure) {
    return { rows, errors, failure };
  }
}

export async function readChunks(
  source: AsyncIterable<Buffer>,
  options?: ReaderOptions,
): Promise<ReadResult> {
  const rows: WinEventRow[] = [];
  const errors: ReadError[] = [];
  const summary = await readWindowsXml(
    source,
    {
      row: (r) => {
        if (r.kind !== 'win') throw new Error(`unexpected row kind ${r.kind}`);
        rows.push(r.row);
      },
      error: (e) => errors.push(e),
    },
    options,
  );
  return { rows, errors, summary };
}

export function readBytes(bytes: Buffer, chunkSize?: number, options?: ReaderOptions): Promise<ReadResult> {
  return readChunks(chunksOf(bytes, chunkSize), options);
}

export function readText(text: string, chunkSize?: number, options?: ReaderOptions): Promise<ReadResult> {
  return readBytes(Buffer.from(text, 'utf8'), chunkSize, options);
}

export function readFile(file: string, options?: ReaderOptions): Promise<ReadResult> {
  return readChunks(createReadStream(file), options);
}

/**
 * A row without its raw XML, for comparing what was parsed rather than how it was written. The XML's
 * bytes, when a reader keeps them, must be exactly the UTF-8 of its text: checked here for every row
 * any reader test compares.
 */
export function withoutXml(row: WinEventRow): Omit<WinEventRow, 'xml' | 'xmlUtf8'> {
  const { xml: _xml, xmlUtf8, ...rest } = row;
  if (xmlUtf8 !== undefined)
    assert.ok(xmlUtf8.equals(Buffer.from(row.xml ?? '', 'utf8')), 'xmlUtf8 is the XML');
  return { ...rest, data: { ...row.data } };
}

/** A minimal Security event in the form Windows renders it (single quotes, self-closing tags). */
export function securityEvent(eventId: number, data: Record<string, string>, recordId = 1): string {
  const fields = Object.entries(data)
    .map(([name, value]) => `<Data Name='${name}'>${value}</Data>`)
    .join('');
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/>` +
    `<EventID>${eventId}</EventID><Version>0</Version><Level>0</Level><Task>13824</Task><Opcode>0</Opcode>` +
    `<Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2024-03-01T10:00:00.1234567Z'/>` +
    `<EventRecordID>${recordId}</EventRecordID><Correlation/><Execution ProcessID='640' ThreadID='7'/>` +
    `<Channel>Security</Channel><Computer>WS01.corp.local</Computer><Security/></System>` +
    `<EventData>${fields}</EventData></Event>`
  );
}
