// A template compiled once per chunk into what every record that uses it needs: the XML as literal
// pieces with slots for the values, and where each value the row keeps comes from (a System field or a
// payload entry, made of literal text and values). A record then costs its values' texts and a few
// concatenations, instead of a walk of the template through the EventCollector: the walk is what the
// compiled form is made from (with markers standing for the values), so the two cannot disagree on what
// is kept. Templates the compiled form cannot express (a template inside a template, a payload name
// made from a value) and records it cannot express (an array or Binary XML value, an absent value that
// would drop a payload attribute) go through the walk (renderEvent.ts).
import { EventCollector } from '../windowsXml/eventCollector.js';
import type { ExtractedEvent, SystemValues } from '../windowsXml/extractedEvent.js';
import type { ChunkContext, XmlNode } from './binXmlTokens.js';
import { ValueType, fileTimeMicros, scalarValueText } from './binXmlValues.js';
import type { ValueTable } from './valueTable.js';
import { ENTITIES, attributeText, contentText, escapeAttribute, escapeText } from './xmlText.js';

/** A value, or literal text; a value in an attribute is read as attributes are (see xmlText). */
type Part = string | { index: number; inAttribute: boolean };

type XmlOp =
  | { op: 'literal'; text: string }
  /** A value as element text. */
  | { op: 'value'; index: number }
  /** ` name='…'`, left out when all its values are absent. */
  | { op: 'attribute'; name: string; parts: Part[]; optional: boolean }
  /** `>…</name>` for an element whose content is only values, or `/>` when they are all absent. */
  | { op: 'content'; name: string; indexes: number[] };

/** The System values in a fixed order: a record's are built as one object literal from them. */
const SYSTEM_KEYS = [
  'provider',
  'eventId',
  'version',
  'level',
  'task',
  'keywords',
  'systemTime',
  'recordId',
  'processId',
  'channel',
  'computer',
  'userId',
] as const satisfies ReadonlyArray<keyof SystemValues>;

export interface CompiledTemplate {
  xml: XmlOp[];
  /** Each System value (in SYSTEM_KEYS order) as parts, or null where the template has none. */
  system: Array<Part[] | null>;
  names: (string | null)[];
  values: Part[][];
  /** Values whose absence would leave out an attribute the row keeps: such records take the walk. */
  mustBePresent: number[];
  /** No literal text the row keeps holds a control character but tab, LF and CR. */
  plainLiterals: boolean;
  /** The value that is TimeCreated/@SystemTime all by itself, or -1. */
  systemTimeIndex: number;
}

// The characters segment files cannot carry as they are (see store/segmentFormat.ts).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f]/;

// Private-use characters mark where a value stands while the template is walked to compile it.
const OPEN = '\uE000';
const OPEN_ATTRIBUTE = '\uE001';
const CLOSE = '\uE002';
const MARKER = /[\uE000\uE001]/;

class NotCompilable extends Error {}

/** The compiled form of a template, or null when only the walk can render it. */
export function compileTemplate(nodes: readonly XmlNode[]): CompiledTemplate | null {
  try {
    const xml = mergeLiterals(xmlOps(nodes));
    const collector = new EventCollector();
    const mustBePresent: number[] = [];
    collectMarked(nodes, collector, mustBePresent, 0, false);
    const event = collector.event;
    const system = SYSTEM_KEYS.map((key) => {
      const text = event.system[key];
      return text === null ? null : parts(text);
    });
    if (event.names.some((n) => n !== null && MARKER.test(n))) return null;
    const literals = [...event.names, ...event.values, ...Object.values(event.system)];
    const plainLiterals = !literals.some(
      (t) => t !== null && CONTROL.test(t.replace(/[\uE000-\uE002]/g, '')),
    );
    const time = system[SYSTEM_KEYS.indexOf('systemTime')];
    const systemTimeIndex = time?.length === 1 && typeof time[0] !== 'string' ? time[0]!.index : -1;
    return {
      xml,
      system,
      names: event.names,
      values: event.values.map(parts),
      mustBePresent,
      plainLiterals,
      systemTimeIndex,
    };
  } catch (e) {
    if (e instanceof NotCompilable) return null;
    throw e;
  }
}

function marker(index: number, inAttribute: boolean): string {
  return `${inAttribute ? OPEN_ATTRIBUTE : OPEN}${index}${CLOSE}`;
}

/** Marked text back into literal parts and values. */
function parts(text: string): Part[] {
  const out: Part[] = [];
  let at = 0;
  for (;;) {
    const open = text.slice(at).search(MARKER);
    if (open < 0) break;
    const start = at + open;
    if (start > at) out.push(text.slice(at, start));
    const close = text.indexOf(CLOSE, start);
    out.push({ index: Number(text.slice(start + 1, close)), inAttribute: text[start] === OPEN_ATTRIBUTE });
    at = close + 1;
  }
  if (at < text.length || out.length === 0) out.push(text.slice(at));
  return out;
}

/** Walks the template as renderEvent does, feeding the collector markers in place of values. */
function collectMarked(
  nodes: readonly XmlNode[],
  collector: EventCollector,
  mustBePresent: number[],
  depth: number,
  inPayload: boolean,
): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'element': {
        // Below <Event>, every section but these is payload (UserData and the like), whose attributes are kept.
        const payload =
          depth === 1 ? !['System', 'EventData', 'RenderingInfo'].includes(node.name) : inPayload;
        const attributes = node.attributes.map((a) => {
          let text = '';
          for (const part of a.value) {
            if (part.kind === 'text') text += attributeText(part.text);
            else if (part.kind === 'charRef') text += attributeText(String.fromCharCode(part.code));
            else if (part.kind === 'entityRef') text += ENTITIES[part.name] ?? `&${part.name};`;
            else if (part.kind === 'substitution') text += marker(part.index, true);
          }
          // An absent value leaves the attribute out: where the attribute is kept, it must be there.
          if (payload && a.value.every((p) => p.kind === 'substitution'))
            for (const p of a.value) if (p.kind === 'substitution') mustBePresent.push(p.index);
          return [a.name, text] as const;
        });
        collector.open(node.name, attributes);
        collectMarked(node.children, collector, mustBePresent, depth + 1, payload);
        collector.close();
        break;
      }
      case 'text':
        collector.text(contentText(node.text));
        break;
      case 'cdata':
        collector.text(node.text);
        break;
      case 'charRef':
        collector.text(String.fromCharCode(node.code));
        break;
      case 'entityRef':
        collector.text(ENTITIES[node.name] ?? `&${node.name};`);
        break;
      case 'pi':
        break;
      case 'substitution':
        collector.text(marker(node.index, false));
        break;
      case 'template':
        throw new NotCompilable();
    }
  }
}

/** The XML as renderEvent writes it, with the values left as slots. */
function xmlOps(nodes: readonly XmlNode[]): XmlOp[] {
  const ops: XmlOp[] = [];
  for (const node of nodes) {
    switch (node.kind) {
      case 'element': {
        ops.push({ op: 'literal', text: `<${node.name}` });
        for (const a of node.attributes) {
          const p: Part[] = [];
          for (const part of a.value) {
            if (part.kind === 'text') p.push(part.text);
            else if (part.kind === 'charRef') p.push(String.fromCharCode(part.code));
            else if (part.kind === 'entityRef') p.push(ENTITIES[part.name] ?? `&${part.name};`);
            else if (part.kind === 'substitution') p.push({ index: part.index, inAttribute: true });
          }
          const optional = a.value.length > 0 && a.value.every((v) => v.kind === 'substitution');
          ops.push({ op: 'attribute', name: a.name, parts: p, optional });
        }
        if (node.children.length === 0) ops.push({ op: 'literal', text: '/>' });
        else if (node.children.every((c) => c.kind === 'substitution')) {
          ops.push({
            op: 'content',
            name: node.name,
            indexes: node.children.map((c) => (c.kind === 'substitution' ? c.index : -1)),
          });
        } else {
          ops.push({ op: 'literal', text: '>' });
          ops.push(...xmlOps(node.children));
          ops.push({ op: 'literal', text: `</${node.name}>` });
        }
        break;
      }
      case 'text':
        ops.push({ op: 'literal', text: escapeText(contentText(node.text)) });
        break;
      case 'cdata':
        ops.push({ op: 'literal', text: `<![CDATA[${node.text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>` });
        break;
      case 'charRef':
        ops.push({ op: 'literal', text: `&#${node.code};` });
        break;
      case 'entityRef':
        ops.push({ op: 'literal', text: `&${node.name};` });
        break;
      case 'pi':
        ops.push({
          op: 'literal',
          text: node.data === '' ? `<?${node.target}?>` : `<?${node.target} ${node.data}?>`,
        });
        break;
      case 'substitution':
        ops.push({ op: 'value', index: node.index });
        break;
      case 'template':
        throw new NotCompilable();
    }
  }
  return ops;
}

function mergeLiterals(ops: XmlOp[]): XmlOp[] {
  const out: XmlOp[] = [];
  for (const op of ops) {
    const last = out[out.length - 1];
    if (op.op === 'literal' && last?.op === 'literal') last.text += op.text;
    else out.push(op.op === 'literal' ? { ...op } : op);
  }
  return out;
}

/**
 * One record through its compiled template: the event and its XML, or null when this record's values
 * need the walk (an array, Binary XML, or an absent value the row would notice).
 */
export function renderCompiled(
  ctx: ChunkContext,
  compiled: CompiledTemplate,
  table: ValueTable,
  withXml: boolean,
): { event: ExtractedEvent; xml: string | null; plainText: boolean } | null {
  const { types, offsets, sizes } = table;
  const n = table.length;
  for (let i = 0; i < n; i++) {
    const type = types[i]!;
    if (type & ValueType.ArrayFlag || type === ValueType.BinXml) return null;
  }
  for (const index of compiled.mustBePresent) if (!present(table, index)) return null;
  const texts = new Array<string>(n);
  let plainText = true;
  for (let i = 0; i < n; i++) {
    const type = types[i]!;
    const size = sizes[i]!;
    const text =
      type === ValueType.Null || size === 0 ? '' : scalarValueText(type, ctx.buf, offsets[i]!, size);
    // Only text values can hold control characters; the literal text of templates is checked once.
    if (plainText && (type === ValueType.String || type === ValueType.AnsiString) && CONTROL.test(text))
      plainText = false;
    texts[i] = text;
  }

  const xml = withXml ? compiledXml(compiled, table, texts) : null;
  const values = new Array<string>(compiled.values.length);
  for (let k = 0; k < values.length; k++) values[k] = joinParts(compiled.values[k]!, texts);
  // The time straight from its FILETIME, rather than written out and parsed back.
  const t = compiled.systemTimeIndex;
  const ts =
    t >= 0 && t < n && types[t] === ValueType.FileTime && sizes[t]! >= 8
      ? fileTimeMicros(ctx.buf.readBigUInt64LE(offsets[t]!))
      : undefined;
  const event: ExtractedEvent = {
    system: systemValues(compiled.system, texts),
    names: compiled.names,
    values,
    ts,
  };
  return { event, xml, plainText: plainText && compiled.plainLiterals };
}

/**
 * A record's System values. One literal of a fixed shape: filling an empty object key by key was a
 * keyed store with a different key each time, a seventh of the whole .evtx parse (measured).
 */
function systemValues(system: ReadonlyArray<Part[] | null>, texts: readonly string[]): SystemValues {
  const at = (i: number): string | null => {
    const ps = system[i];
    return ps === null || ps === undefined ? null : joinParts(ps, texts);
  };
  // In SYSTEM_KEYS order.
  return {
    provider: at(0),
    eventId: at(1),
    version: at(2),
    level: at(3),
    task: at(4),
    keywords: at(5),
    systemTime: at(6),
    recordId: at(7),
    processId: at(8),
    channel: at(9),
    computer: at(10),
    userId: at(11),
  };
}

/** The event's XML, its values in their slots. */
function compiledXml(compiled: CompiledTemplate, table: ValueTable, texts: readonly string[]): string {
  let xml = '';
  for (const op of compiled.xml) {
    switch (op.op) {
      case 'literal':
        xml += op.text;
        break;
      case 'value':
        xml += escapeText(contentText(texts[op.index] ?? ''));
        break;
      case 'attribute':
        if (op.optional && op.parts.every((p) => typeof p !== 'string' && !present(table, p.index))) break;
        xml += ` ${op.name}='${escapeAttribute(joinParts(op.parts, texts))}'`;
        break;
      case 'content':
        if (op.indexes.every((i) => !present(table, i))) xml += '/>';
        else {
          xml += '>';
          for (const i of op.indexes) xml += escapeText(contentText(texts[i] ?? ''));
          xml += `</${op.name}>`;
        }
        break;
    }
  }
  return xml;
}

/** As isPresent, for a value in the table (an index past it is a value the record does not have). */
function present(table: ValueTable, index: number): boolean {
  return index < table.length && table.types[index] !== ValueType.Null && table.sizes[index]! > 0;
}

function partText(p: Part, texts: readonly string[]): string {
  if (typeof p === 'string') return p;
  const raw = texts[p.index] ?? '';
  return p.inAttribute ? attributeText(raw) : contentText(raw);
}

function joinParts(ps: readonly Part[], texts: readonly string[]): string {
  if (ps.length === 1) return partText(ps[0]!, texts);
  let out = '';
  for (const p of ps) out += partText(p, texts);
  return out;
}
