// One record's Binary XML, templates filled with its values, walked once to give both the event's XML
// text (for the raw-event viewer, rendered as Windows renders it: single-quoted attributes, empty
// elements closed with `/>`, an optional value that is absent leaves its attribute out) and the values
// the row needs (through the EventCollector the XML readers use too).
import { EventCollector } from '../windowsXml/eventCollector.js';
import type { ExtractedEvent } from '../windowsXml/extractedEvent.js';
import {
  isTemplateLoop,
  readFragment,
  type ChunkContext,
  type SubstitutionValue,
  type XmlNode,
} from './binXmlTokens.js';
import { ValueType, valueTexts } from './binXmlValues.js';
import { EvtxDamage } from './evtxDamage.js';
import { ENTITIES, allAbsent, attributeText, contentText, escapeAttribute, escapeText } from './xmlText.js';

/** Elements, texts and values one record may expand to: templates inside templates could multiply. */
const MAX_NODES = 100_000;
const MAX_DEPTH = 64;

export interface RenderedEvent {
  event: ExtractedEvent;
  xml: string;
}

class EventRenderer {
  xml = '';
  readonly collector = new EventCollector();
  private nodes = 0;

  constructor(
    private readonly ctx: ChunkContext,
    private readonly maxChars: number,
  ) {}

  walk(nodes: readonly XmlNode[], values: readonly SubstitutionValue[], depth: number): void {
    if (depth > MAX_DEPTH) throw new EvtxDamage('templates and nested Binary XML too deep');
    for (const node of nodes) {
      if (++this.nodes > MAX_NODES) throw new EvtxDamage(`the event expands to over ${MAX_NODES} nodes`);
      switch (node.kind) {
        case 'element':
          this.element(node, values, depth);
          break;
        case 'text':
          this.text(node.text);
          break;
        case 'cdata':
          this.xml += `<![CDATA[${node.text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
          this.collector.text(node.text);
          break;
        case 'charRef':
          this.xml += `&#${node.code};`;
          this.collector.text(String.fromCharCode(node.code));
          break;
        case 'entityRef':
          this.xml += `&${node.name};`;
          this.collector.text(ENTITIES[node.name] ?? `&${node.name};`);
          break;
        case 'pi':
          this.xml += node.data === '' ? `<?${node.target}?>` : `<?${node.target} ${node.data}?>`;
          break;
        case 'substitution':
          this.substitution(values[node.index], depth);
          break;
        case 'template':
          if (isTemplateLoop(node.instance.template)) throw new EvtxDamage('a template contains itself');
          this.walk(node.instance.template, node.instance.values, depth + 1);
          break;
      }
    }
    if (this.xml.length > this.maxChars)
      throw new EvtxDamage(`the event renders to over ${this.maxChars} characters`);
  }

  private element(
    node: Extract<XmlNode, { kind: 'element' }>,
    values: readonly SubstitutionValue[],
    depth: number,
  ): void {
    // An array value repeats the element that holds it, once per item (MS-EVEN6 3.1.4.7.5).
    const array = this.arrayChild(node, values);
    if (array === null) {
      this.elementOnce(node, values, depth, null);
      return;
    }
    for (const item of array.items) this.elementOnce(node, values, depth, { index: array.index, item });
  }

  private arrayChild(
    node: Extract<XmlNode, { kind: 'element' }>,
    values: readonly SubstitutionValue[],
  ): { index: number; items: string[] } | null {
    for (const child of node.children) {
      if (child.kind !== 'substitution') continue;
      const value = values[child.index];
      if (value === undefined || !(value.type & ValueType.ArrayFlag)) continue;
      const items = valueTexts(value.type, this.ctx.buf, value.offset, value.size);
      if (items.length > 1) return { index: child.index, items };
    }
    return null;
  }

  /** The element, with the substitution `override.index` (an array) standing for one of its items. */
  private elementOnce(
    node: Extract<XmlNode, { kind: 'element' }>,
    values: readonly SubstitutionValue[],
    depth: number,
    override: { index: number; item: string } | null,
  ): void {
    const attributes: Array<readonly [string, string]> = [];
    let tag = `<${node.name}`;
    for (const attribute of node.attributes) {
      const value = this.attributeValue(attribute.value, values);
      if (value === null) continue;
      attributes.push([attribute.name, value]);
      tag += ` ${attribute.name}='${escapeAttribute(value)}'`;
    }
    this.collector.open(node.name, attributes);
    if (override !== null) {
      this.xml += `${tag}>`;
      for (const child of node.children) {
        if (child.kind === 'substitution' && child.index === override.index) this.text(override.item);
        else this.walk([child], values, depth + 1);
      }
      this.xml += `</${node.name}>`;
    } else if (node.children.length === 0 || allAbsent(node.children, values)) {
      this.xml += `${tag}/>`;
    } else {
      this.xml += `${tag}>`;
      this.walk(node.children, values, depth + 1);
      this.xml += `</${node.name}>`;
    }
    this.collector.close();
  }

  /** An attribute's text, or null when it is only optional values that are absent (left out). */
  private attributeValue(parts: readonly XmlNode[], values: readonly SubstitutionValue[]): string | null {
    if (allAbsent(parts, values)) return null;
    let text = '';
    for (const part of parts) {
      switch (part.kind) {
        case 'text':
          text += part.text;
          break;
        case 'charRef':
          text += String.fromCharCode(part.code);
          break;
        case 'entityRef':
          text += ENTITIES[part.name] ?? `&${part.name};`;
          break;
        case 'substitution': {
          const value = values[part.index];
          if (value !== undefined && value.type !== ValueType.BinXml)
            text += valueTexts(value.type, this.ctx.buf, value.offset, value.size).join(' ');
          break;
        }
        default:
          break;
      }
    }
    return attributeText(text);
  }

  private substitution(value: SubstitutionValue | undefined, depth: number): void {
    if (value === undefined || value.type === ValueType.Null) return;
    if (value.type === ValueType.BinXml) {
      const { nodes } = readFragment(this.ctx, value.offset, value.offset + value.size, false, depth + 1);
      this.walk(nodes, [], depth + 1);
      return;
    }
    this.text(valueTexts(value.type, this.ctx.buf, value.offset, value.size).join(' '));
  }

  private text(raw: string): void {
    const text = contentText(raw);
    this.xml += escapeText(text);
    this.collector.text(text);
  }
}

/** Renders one record's top-level nodes (normally one template instance). */
export function renderEvent(ctx: ChunkContext, nodes: readonly XmlNode[], maxChars: number): RenderedEvent {
  const renderer = new EventRenderer(ctx, maxChars);
  renderer.walk(nodes, [], 0);
  return { event: renderer.collector.event, xml: renderer.xml };
}
