// One record to one row: read in the fast shape and rendered by its template's compiled form where it
// can be (nearly always), otherwise through the general walk of its Binary XML. The same code renders a
// single record's XML when the raw-event viewer asks for it, from the record's chunk in the evidence.
import type { WinEventRow } from '../../rowContract.js';
import { MalformedEventError } from '../windowsXml/eventCollector.js';
import type { ExtractedEvent } from '../windowsXml/extractedEvent.js';
import { toWinEventRow } from '../windowsXml/winEventRow.js';
import { readFragment, type ChunkContext } from './binXmlTokens.js';
import { compileTemplate, renderCompiled, type CompiledTemplate } from './compiledTemplate.js';
import { EvtxDamage } from './evtxDamage.js';
import { RECORD_HEADER_BYTES } from './evtxLayout.js';
import { readFastRecord } from './fastRecord.js';
import { flattenedTemplate, templateSignature } from './inlineNested.js';
import { renderEvent } from './renderEvent.js';
import { ValueTable } from './valueTable.js';

/** What outlives a chunk while a file is read: settings, compiled templates by signature, the value table. */
export interface ReadingState {
  renderXml: boolean;
  maxRecordBytes: number;
  compiledBySignature: Map<string, CompiledTemplate | null>;
  values: ValueTable;
}

export function newReadingState(renderXml: boolean, maxRecordBytes: number): ReadingState {
  return { renderXml, maxRecordBytes, compiledBySignature: new Map(), values: new ValueTable() };
}

export function chunkContext(chunk: Buffer, state: ReadingState): ChunkContext & ReadingState {
  return {
    buf: chunk,
    names: new Map(),
    templates: new Map(),
    compiled: new Map(),
    flattened: new Map(),
    ...state,
  };
}

/**
 * One record's row, or what is wrong with it. `at` is the record's offset in its chunk, `fileOffset` in
 * its file (kept in the row, for rendering its XML later).
 */
export function readRecord(
  ctx: ChunkContext & ReadingState,
  at: number,
  size: number,
  recordNo: number,
  fileOffset: number,
): WinEventRow | string {
  try {
    const rendered = renderRecord(ctx, at + RECORD_HEADER_BYTES, at + size - 4);
    if (rendered === null) return 'it holds no event';
    const row = toWinEventRow(rendered.event, recordNo, rendered.xml, fileOffset);
    if (rendered.plainText && rendered.xml === null) row.plainText = true;
    return row;
  } catch (e) {
    if (e instanceof EvtxDamage || e instanceof RangeError) return `damaged Binary XML (${e.message})`;
    if (e instanceof MalformedEventError) return `not an event (${e.message})`;
    throw e;
  }
}

/**
 * A record is almost always one template instance (with one nested in a value): read into the value
 * table and rendered by the template's compiled form, compiled once per file and shared by every chunk's
 * copy of the template. Any other shape takes the general walk. Null when the record holds no event.
 */
function renderRecord(
  ctx: ChunkContext & ReadingState,
  start: number,
  end: number,
): { event: ExtractedEvent; xml: string | null; plainText: boolean } | null {
  const fast = readFastRecord(ctx, start, end, ctx.values);
  if (fast !== null) {
    const template = flattenedTemplate(ctx.flattened, fast);
    let compiled = ctx.compiled.get(template);
    if (compiled === undefined) {
      const signature = templateSignature(template);
      compiled = ctx.compiledBySignature.get(signature);
      if (compiled === undefined) {
        compiled = compileTemplate(template);
        ctx.compiledBySignature.set(signature, compiled);
      }
      ctx.compiled.set(template, compiled);
    }
    const rendered = compiled === null ? null : renderCompiled(ctx, compiled, ctx.values, ctx.renderXml);
    if (rendered !== null) return rendered;
  }
  const { nodes } = readFragment(ctx, start, end, false);
  const { event, xml } = renderEvent(ctx, nodes, ctx.maxRecordBytes);
  if (xml === '') return null;
  return { event, xml: ctx.renderXml ? xml : null, plainText: false };
}

/**
 * The XML of the record at `recordOffset` of `chunk` (a whole chunk, read from the evidence file), as
 * the import would have rendered it, and its System/EventRecordID, to check it is the event imported
 * (the record header's own number differs from it in forwarded-event logs).
 */
export function renderRecordXml(
  chunk: Buffer,
  recordOffset: number,
  maxRecordBytes: number,
): { xml: string; recordId: bigint | null } {
  const ctx = chunkContext(chunk, newReadingState(true, maxRecordBytes));
  if (recordOffset < 0 || recordOffset + 28 > chunk.length || chunk.readUInt32LE(recordOffset) !== 0x2a2a)
    throw new EvtxDamage('there is no event record at that offset');
  const size = chunk.readUInt32LE(recordOffset + 4);
  if (recordOffset + size > chunk.length) throw new EvtxDamage('the record runs past its chunk');
  const rendered = renderRecord(ctx, recordOffset + RECORD_HEADER_BYTES, recordOffset + size - 4);
  if (rendered === null || rendered.xml === null) throw new EvtxDamage('the record holds no event');
  const id = rendered.event.system.recordId?.trim();
  return { xml: rendered.xml, recordId: id !== undefined && /^\d+$/.test(id) ? BigInt(id) : null };
}
