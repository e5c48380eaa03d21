// Most records nest a second template in a value: Windows writes System from the provider-neutral
// template and passes EventData or UserData as Binary XML (value type 0x21) holding a template instance
// of its own. For the compiled path such a record is one template: the nested template's tree stands
// where its value stood, its indexes moved to where its values lie in the record's ValueTable. The
// flattened tree is built once per chunk for each combination and reused.
import type { XmlNode } from './binXmlTokens.js';
import type { FastRecord } from './fastRecord.js';

interface Flattened {
  nested: FastRecord['nested'];
  template: XmlNode[];
}

/** Per chunk: each outer template's flattened forms, by the templates nested in it and where. */
export type FlattenCache = Map<XmlNode[], Flattened[]>;

export function flattenedTemplate(cache: FlattenCache, record: FastRecord): XmlNode[] {
  if (record.nested.length === 0) return record.template;
  let forms = cache.get(record.template);
  if (forms === undefined) cache.set(record.template, (forms = []));
  const same = (f: Flattened): boolean =>
    f.nested.length === record.nested.length &&
    f.nested.every((n, k) => {
      const m = record.nested[k]!;
      return n.template === m.template && n.index === m.index && n.base === m.base;
    });
  let form = forms.find(same);
  if (form === undefined) {
    const bases = new Map(record.nested.map((n) => [n.index, n]));
    form = { nested: record.nested, template: substitute(record.template, bases) };
    forms.push(form);
  }
  return form.template;
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

/**
 * A text that is the same for two templates exactly when they render alike: names, literal text and
 * value slots in order. Compiled forms are shared across chunks by it (each chunk has its own copy of a
 * template, with its own offsets, but the same tree).
 */
export function templateSignature(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'element':
        out += `<${node.name}`;
        for (const a of node.attributes) out += ` ${a.name}=${templateSignature(a.value)}`;
        out += `>${templateSignature(node.children)}</>`;
        break;
      case 'text':
      case 'cdata':
        out += `${node.kind}${JSON.stringify(node.text)}`;
        break;
      case 'charRef':
        out += `&#${node.code};`;
        break;
      case 'entityRef':
        out += `&${node.name};`;
        break;
      case 'pi':
        out += `<?${JSON.stringify(node.target)} ${JSON.stringify(node.data)}?>`;
        break;
      case 'substitution':
        out += `{${node.index}${node.optional ? '?' : ''}}`;
        break;
      case 'template':
        out += '{template}';
        break;
    }
  }
  return out;
}
