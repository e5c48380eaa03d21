// Binary XML (MS-EVEN6 2.2.12) read into a small tree: elements, attributes, text, references and the
// substitution slots a template leaves for its values. A template is read once per chunk and its tree is
// reused by every record of the chunk that names it; a record contributes only its values.
//
// Every offset here is relative to the chunk, because that is what names and template definitions point
// at. Nothing is trusted: each read is bounds-checked and each recursion depth-limited, so damaged bytes
// end in an EvtxDamage for one record, never in a hang or an exception that escapes the reader.
import type { CompiledTemplate } from './compiledTemplate.js';
import { EvtxDamage } from './evtxDamage.js';
import type { FlattenCache } from './inlineNested.js';
import type { ValueTable } from './valueTable.js';
import { ValueType, fixedSize, utf16Text, valueTexts } from './binXmlValues.js';

export const enum Token {
  EndOfStream = 0x00,
  OpenStartElement = 0x01,
  CloseStartElement = 0x02,
  CloseEmptyElement = 0x03,
  EndElement = 0x04,
  Value = 0x05,
  Attribute = 0x06,
  CData = 0x07,
  CharRef = 0x08,
  EntityRef = 0x09,
  PITarget = 0x0a,
  PIData = 0x0b,
  TemplateInstance = 0x0c,
  NormalSubstitution = 0x0d,
  OptionalSubstitution = 0x0e,
  FragmentHeader = 0x0f,
  /** On OpenStartElement: attributes follow; on the others: more of the same kind follows. */
  MoreFlag = 0x40,
}

export type XmlNode =
  | { kind: 'element'; name: string; attributes: XmlAttribute[]; children: XmlNode[] }
  | { kind: 'text'; text: string }
  | { kind: 'cdata'; text: string }
  | { kind: 'charRef'; code: number }
  | { kind: 'entityRef'; name: string }
  | { kind: 'pi'; target: string; data: string }
  | { kind: 'substitution'; index: number; optional: boolean }
  | { kind: 'template'; instance: TemplateInstance };

export interface XmlAttribute {
  name: string;
  /** Text, references and substitutions, in order. */
  value: XmlNode[];
}

/** One use of a template: its tree and the values that fill its substitution slots. */
export interface TemplateInstance {
  template: XmlNode[];
  values: SubstitutionValue[];
}

/** A value in the chunk, decoded only when rendered. */
export interface SubstitutionValue {
  type: number;
  offset: number;
  size: number;
}

/** What reading Binary XML in one chunk needs: the chunk, and its name and template caches. */
export interface ChunkContext {
  readonly buf: Buffer;
  readonly names: Map<number, string>;
  readonly templates: Map<number, XmlNode[]>;
  /** Each template's compiled form (see compiledTemplate.ts), null where it has none. */
  readonly compiled: Map<XmlNode[], CompiledTemplate | null>;
  /** Templates with the templates nested in their values flattened in (see inlineNested.ts). */
  readonly flattened: FlattenCache;
  /** Compiled forms by template signature, shared by every chunk of a file. */
  readonly compiledBySignature: Map<string, CompiledTemplate | null>;
  /** The value table records are read into (see fastRecord.ts). */
  readonly values: ValueTable;
}

/** Deeper than any real event; bounds the recursion of elements, nested Binary XML and templates. */
const MAX_DEPTH = 64;

/** A cursor over one chunk, bounded by `end`. */
class Cursor {
  constructor(
    readonly ctx: ChunkContext,
    public at: number,
    readonly end: number,
  ) {}

  need(n: number, what: string): void {
    if (this.at + n > this.end) throw new EvtxDamage(`${what} runs past the end of its data`, this.at);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.ctx.buf[this.at++]!;
  }

  u16(what: string): number {
    this.need(2, what);
    const v = this.ctx.buf.readUInt16LE(this.at);
    this.at += 2;
    return v;
  }

  u32(what: string): number {
    this.need(4, what);
    const v = this.ctx.buf.readUInt32LE(this.at);
    this.at += 4;
    return v;
  }

  /** A UTF-16 string prefixed by its length in characters. */
  prefixedText(what: string): string {
    const count = this.u16(what);
    this.need(count * 2, what);
    const text = utf16Text(this.ctx.buf, this.at, this.at + count * 2);
    this.at += count * 2;
    return text;
  }
}

/**
 * A name reference: the offset of a name structure in the chunk (next-name offset, hash, length, text,
 * NUL). When the structure is written right here, the cursor steps over it.
 */
function readName(c: Cursor): string {
  const offset = c.u32('a name reference');
  if (offset === c.at) {
    const name = nameAt(c.ctx, offset);
    c.need(8 + name.length * 2 + 2, 'a name');
    c.at += 8 + name.length * 2 + 2;
    return name;
  }
  return nameAt(c.ctx, offset);
}

function nameAt(ctx: ChunkContext, offset: number): string {
  const known = ctx.names.get(offset);
  if (known !== undefined) return known;
  if (offset + 8 > ctx.buf.length) throw new EvtxDamage(`a name at ${offset} lies outside its chunk`, offset);
  const count = ctx.buf.readUInt16LE(offset + 6);
  if (offset + 8 + count * 2 > ctx.buf.length)
    throw new EvtxDamage(`a name at ${offset} runs past its chunk`, offset);
  const name = ctx.buf.toString('utf16le', offset + 8, offset + 8 + count * 2);
  ctx.names.set(offset, name);
  return name;
}

/** How one fragment is read: inside a template definition, elements carry a dependency identifier. */
interface Reading {
  inTemplate: boolean;
  depth: number;
}

/**
 * A fragment of Binary XML from `start` up to its end-of-stream token (or `end`): the top-level nodes,
 * and where it stopped.
 */
export function readFragment(
  ctx: ChunkContext,
  start: number,
  end: number,
  inTemplate: boolean,
  depth = 0,
): { nodes: XmlNode[]; end: number } {
  if (depth > MAX_DEPTH) throw new EvtxDamage('Binary XML nested too deeply', start);
  const c = new Cursor(ctx, start, end);
  const reading: Reading = { inTemplate, depth };
  const nodes: XmlNode[] = [];
  while (c.at < c.end) {
    const token = ctx.buf[c.at]!;
    const base = token & ~Token.MoreFlag;
    if (base === Token.EndOfStream) {
      c.at++;
      break;
    }
    if (base === Token.FragmentHeader) {
      c.need(4, 'a fragment header');
      c.at += 4;
      continue;
    }
    if (base === Token.OpenStartElement) nodes.push(readElement(c, reading));
    else if (base === Token.TemplateInstance) nodes.push(readTemplateInstance(c, reading));
    else nodes.push(readContent(c));
  }
  return { nodes, end: c.at };
}

function readElement(c: Cursor, r: Reading): XmlNode {
  if (r.depth > MAX_DEPTH) throw new EvtxDamage('elements nested too deeply', c.at);
  const token = c.u8('an element');
  if (r.inTemplate) c.u16('a dependency identifier');
  c.u32('an element size');
  const name = readName(c);
  const attributes: XmlAttribute[] = [];
  if (token & Token.MoreFlag) {
    c.u32('an attribute list size');
    for (;;) {
      const t = c.ctx.buf[c.at];
      if (t === undefined || (t & ~Token.MoreFlag) !== Token.Attribute) break;
      c.at++;
      const attributeName = readName(c);
      const value: XmlNode[] = [];
      while (c.at < c.end && isAttributeValue(c.ctx.buf[c.at]!)) value.push(readContent(c));
      attributes.push({ name: attributeName, value });
      if (!(t & Token.MoreFlag)) break;
    }
  }
  const close = c.u8('the end of a start tag');
  const children: XmlNode[] = [];
  if (close === Token.CloseEmptyElement) return { kind: 'element', name, attributes, children };
  if (close !== Token.CloseStartElement)
    throw new EvtxDamage(`token 0x${close.toString(16)} where a start tag should close`, c.at - 1);
  const inner: Reading = { inTemplate: r.inTemplate, depth: r.depth + 1 };
  for (;;) {
    const t = c.ctx.buf[c.at];
    if (t === undefined || c.at >= c.end) throw new EvtxDamage(`<${name}> is never closed`, c.at);
    const base = t & ~Token.MoreFlag;
    if (base === Token.EndElement) {
      c.at++;
      break;
    }
    if (base === Token.OpenStartElement) children.push(readElement(c, inner));
    else if (base === Token.TemplateInstance) children.push(readTemplateInstance(c, inner));
    else children.push(readContent(c));
  }
  return { kind: 'element', name, attributes, children };
}

function isAttributeValue(token: number): boolean {
  switch (token & ~Token.MoreFlag) {
    case Token.Value:
    case Token.CharRef:
    case Token.EntityRef:
    case Token.NormalSubstitution:
    case Token.OptionalSubstitution:
      return true;
    default:
      return false;
  }
}

/** Text, a reference, CDATA, a processing instruction or a substitution slot. */
function readContent(c: Cursor): XmlNode {
  const at = c.at;
  const token = c.u8('a token');
  switch (token & ~Token.MoreFlag) {
    case Token.Value:
      return { kind: 'text', text: readValueToken(c) };
    case Token.CData:
      return { kind: 'cdata', text: c.prefixedText('CDATA') };
    case Token.CharRef:
      return { kind: 'charRef', code: c.u16('a character reference') };
    case Token.EntityRef:
      return { kind: 'entityRef', name: readName(c) };
    case Token.PITarget: {
      const target = readName(c);
      let data = '';
      if ((c.ctx.buf[c.at]! & ~Token.MoreFlag) === Token.PIData) {
        c.at++;
        data = c.prefixedText('processing instruction data');
      }
      return { kind: 'pi', target, data };
    }
    case Token.PIData:
      return { kind: 'pi', target: '', data: c.prefixedText('processing instruction data') };
    case Token.NormalSubstitution:
    case Token.OptionalSubstitution: {
      const index = c.u16('a substitution');
      c.u8('a substitution type');
      return {
        kind: 'substitution',
        index,
        optional: (token & ~Token.MoreFlag) === Token.OptionalSubstitution,
      };
    }
    default:
      throw new EvtxDamage(`unexpected token 0x${token.toString(16)}`, at);
  }
}

/** The value of a Value token: almost always a length-prefixed UTF-16 string. */
function readValueToken(c: Cursor): string {
  const type = c.u8('a value type');
  if (type === ValueType.String) return c.prefixedText('a text value');
  const size = fixedSize(type);
  if (size === 0) throw new EvtxDamage(`a Value token of type 0x${type.toString(16)}`, c.at - 1);
  c.need(size, 'a value');
  const at = c.at;
  c.at += size;
  return valueTexts(type, c.ctx.buf, at, size).join(' ');
}

/**
 * A template instance: the template (read from its definition, here or earlier in the chunk, and cached
 * by offset), then the values: a count, a (size, type) descriptor each, and the values themselves.
 */
function readTemplateInstance(c: Cursor, r: Reading): XmlNode {
  c.u8('a template instance');
  c.u8('a template instance');
  c.u32('a template id');
  const definition = c.u32('a template offset');
  let template = c.ctx.templates.get(definition);
  if (definition === c.at) {
    c.need(24, 'a template definition');
    const dataSize = c.ctx.buf.readUInt32LE(c.at + 20);
    template ??= readTemplateDefinition(c.ctx, definition, r.depth);
    c.need(24 + dataSize, 'a template definition');
    c.at += 24 + dataSize;
  } else template ??= readTemplateDefinition(c.ctx, definition, r.depth);
  const count = c.u32('a value count');
  c.need(count * 4, 'value descriptors');
  const descriptors = c.at;
  c.at += count * 4;
  const values: SubstitutionValue[] = new Array<SubstitutionValue>(count);
  for (let i = 0; i < count; i++) {
    const size = c.ctx.buf.readUInt16LE(descriptors + i * 4);
    const type = c.ctx.buf[descriptors + i * 4 + 2]!;
    c.need(size, 'a substitution value');
    values[i] = { type, offset: c.at, size };
    c.at += size;
  }
  return { kind: 'template', instance: { template, values } };
}

/** The template defined at `offset` in the chunk, read once and then taken from the chunk's cache. */
export function templateAt(ctx: ChunkContext, offset: number, depth: number): XmlNode[] {
  return ctx.templates.get(offset) ?? readTemplateDefinition(ctx, offset, depth);
}

/** A template definition at `offset`: next-template offset, GUID, data size, then its fragment. */
function readTemplateDefinition(ctx: ChunkContext, offset: number, depth: number): XmlNode[] {
  if (offset < 512 || offset + 24 > ctx.buf.length)
    throw new EvtxDamage(`a template at ${offset} lies outside its chunk`, offset);
  const dataSize = ctx.buf.readUInt32LE(offset + 20);
  const end = offset + 24 + dataSize;
  if (end > ctx.buf.length) throw new EvtxDamage(`the template at ${offset} runs past its chunk`, offset);
  // Marked before reading, so a template that names itself is caught rather than recursed into.
  ctx.templates.set(offset, TEMPLATE_BEING_READ);
  try {
    const { nodes } = readFragment(ctx, offset + 24, end, true, depth + 1);
    ctx.templates.set(offset, nodes);
    return nodes;
  } catch (e) {
    ctx.templates.delete(offset);
    throw e;
  }
}

const TEMPLATE_BEING_READ: XmlNode[] = [
  {
    kind: 'element',
    name: '__unreadable_template__',
    attributes: [],
    children: [],
  },
];

/** True for the placeholder of a template that contains itself. */
export function isTemplateLoop(nodes: XmlNode[]): boolean {
  return nodes === TEMPLATE_BEING_READ;
}
