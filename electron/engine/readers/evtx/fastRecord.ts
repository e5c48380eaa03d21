// The shape nearly every record has, read without building a tree: a template instance whose values
// may hold one nested template instance each (EventData or UserData), all values into a ValueTable.
// The record's template, with the nested ones flattened in (see inlineNested.ts), is then rendered by
// its compiled form. Anything else (several fragments, elements outside a template, nested values that
// are not one template instance) returns null and the record takes the general walk.
import { isTemplateLoop, templateAt, type ChunkContext, type XmlNode } from './binXmlTokens.js';
import { ValueType } from './binXmlValues.js';
import { EvtxDamage } from './evtxDamage.js';
import type { ValueTable } from './valueTable.js';

const TEMPLATE_INSTANCE = 0x0c;
const FRAGMENT_HEADER = 0x0f;
const END_OF_STREAM = 0x00;

interface Instance {
  template: XmlNode[];
  /** Where its values start in the table, and how many. */
  base: number;
  count: number;
  /** Offset just past its values. */
  end: number;
}

/**
 * A template instance at `at` (after an optional fragment header), its values appended to `table`;
 * null when the bytes hold something else.
 */
function readInstance(
  ctx: ChunkContext,
  at: number,
  end: number,
  table: ValueTable,
  depth: number,
): Instance | null {
  const buf = ctx.buf;
  let p = at;
  if (buf[p] === FRAGMENT_HEADER) p += 4;
  if (p + 10 > end || buf[p] !== TEMPLATE_INSTANCE) return null;
  const definition = buf.readUInt32LE(p + 6);
  p += 10;
  const template = templateAt(ctx, definition, depth);
  if (isTemplateLoop(template)) return null;
  if (definition === p) {
    if (p + 24 > end) throw new EvtxDamage('a template definition runs past its record', p);
    p += 24 + buf.readUInt32LE(p + 20);
  }
  if (p + 4 > end) throw new EvtxDamage('a value count runs past its record', p);
  const count = buf.readUInt32LE(p);
  p += 4;
  if (p + count * 4 > end) throw new EvtxDamage(`${count} value descriptors run past their record`, p);
  const base = table.length;
  let v = p + count * 4;
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt16LE(p + i * 4);
    if (v + size > end) throw new EvtxDamage('a substitution value runs past its record', v);
    table.push(buf[p + i * 4 + 2]!, v, size);
    v += size;
  }
  return { template, base, count, end: v };
}

export interface FastRecord {
  /** The outer template, and the templates nested in its values with the table index they stood at. */
  template: XmlNode[];
  nested: Array<{ index: number; base: number; template: XmlNode[] }>;
}

/** The record's BinXML at [at, end) in the fast shape, its values in `table`; null otherwise. */
export function readFastRecord(
  ctx: ChunkContext,
  at: number,
  end: number,
  table: ValueTable,
): FastRecord | null {
  table.clear();
  const outer = readInstance(ctx, at, end, table, 0);
  if (outer === null) return null;
  // Past the values: the end-of-stream token, and nothing else that counts.
  if (outer.end < end && ctx.buf[outer.end] !== END_OF_STREAM) return null;
  const nested: FastRecord['nested'] = [];
  for (let i = outer.base; i < outer.base + outer.count; i++) {
    if (table.types[i] !== ValueType.BinXml) continue;
    const start = table.offsets[i]!;
    const stop = start + table.sizes[i]!;
    const inner = readInstance(ctx, start, stop, table, 1);
    if (inner === null || (inner.end < stop && ctx.buf[inner.end] !== END_OF_STREAM)) return null;
    for (let k = inner.base; k < inner.base + inner.count; k++) {
      if (table.types[k] === ValueType.BinXml) return null;
    }
    table.types[i] = ValueType.Null; // its content now stands in the flattened template
    nested.push({ index: i, base: inner.base, template: inner.template });
  }
  return { template: outer.template, nested };
}
