// Most records nest a second template in a value: Windows writes System from the provider-neutral
// template and passes EventData or UserData as Binary XML (value type 0x21) holding a template instance
// of its own. For the compiled path (compiledTemplate.ts) such a record is flattened into one template
// instance: the nested template's tree stands where its value stood, its values appended after the
// outer ones. The flattened tree is built once per chunk for each pair of templates and reused.
import {
  isTemplateLoop,
  readFragment,
  type ChunkContext,
  type SubstitutionValue,
  type XmlNode,
} from './binXmlTokens.js';
import { ValueType } from './binXmlValues.js';

export interface TemplateUse {
  template: XmlNode[];
  values: SubstitutionValue[];
}

const ABSENT: SubstitutionValue = { type: ValueType.Null, offset: 0, size: 0 };

interface Flattened {
  inner: XmlNode[][];
  template: XmlNode[];
}

/** Per chunk: each outer template's flattened forms, by the templates nested in it. */
export type FlattenCache = Map<XmlNode[], Flattened[]>;

/**
 * The record's template with every nested template instance in its values flattened in; null when a
 * nested value is anything but one template instance with plain values (the walk renders those).
 */
export function flattenNested(
  ctx: ChunkContext,
  cache: FlattenCache,
  use: TemplateUse,
  depth: number,
): TemplateUse | null {
  let nested: Array<{ index: number; use: TemplateUse }> | null = null;
  for (let i = 0; i < use.values.length; i++) {
    const v = use.values[i]!;
    if (v.type !== ValueType.BinXml) continue;
    const { nodes } = readFragment(ctx, v.offset, v.offset + v.size, false, depth + 1);
    const only = nodes.length === 1 ? nodes[0]! : null;
    if (only?.kind !== 'template' || isTemplateLoop(only.instance.template)) return null;
    if (only.instance.values.some((x) => x.type === ValueType.BinXml)) return null;
    (nested ??= []).push({ index: i, use: only.instance });
  }
  if (nested === null) return use;
  const values = use.values.slice();
  const bases = new Map<number, { base: number; template: XmlNode[] }>();
  for (const n of nested) {
    bases.set(n.index, { base: values.length, template: n.use.template });
    values[n.index] = ABSENT;
    values.push(...n.use.values);
  }
  const inner = nested.map((n) => n.use.template);
  let forms = cache.get(use.template);
  if (forms === undefined) cache.set(use.template, (forms = []));
  let form = forms.find((f) => f.inner.length === inner.length && f.inner.every((t, k) => t === inner[k]));
  if (form === undefined) {
    form = { inner, template: substitute(use.template, bases) };
    forms.push(form);
  }
  return { template: form.template, values };
}

/** A copy of `nodes` with each nested value's slot replaced by its template, that template's indexes moved up. */
function substitute(
  nodes: readonly XmlNode[],
  bases: Map<number, { base: number; template: XmlNode[] }>,
): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'substitution') {
      const nested = bases.get(node.index);
      out.push(...(nested ? shift(nested.template, nested.base) : [node]));
    } else if (node.kind === 'element') {
      out.push({ ...node, children: substitute(node.children, bases) });
    } else out.push(node);
  }
  return out;
}

function shift(nodes: readonly XmlNode[], base: number): XmlNode[] {
  return nodes.map((node): XmlNode => {
    switch (node.kind) {
      case 'substitution':
        return { ...node, index: node.index + base };
      case 'element':
        return {
          ...node,
          attributes: node.attributes.map((a) => ({ name: a.name, value: shift(a.value, base) })),
          children: shift(node.children, base),
        };
      default:
        return node;
    }
  });
}
