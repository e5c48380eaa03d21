// A template as a small tree (elements, static text, substitutions) and its BinXML encoding inside a
// chunk. Names are written inline the first time the chunk needs them and referenced by offset after.
import { FRAGMENT_HEADER, nameHash, TOKEN } from './binXmlTokens.js';
import type { ValueType } from './binXmlTokens.js';
import type { ByteWriter } from './byteWriter.js';
import type { ChunkIndex } from './chunkIndex.js';

export interface TemplateText {
  kind: 'text';
  text: string;
}

export interface TemplateSubstitution {
  kind: 'substitution';
  index: number;
  type: ValueType;
  /** Optional substitutions drop their attribute (or element) when the value is NULL. */
  optional: boolean;
}

export interface TemplateElement {
  kind: 'element';
  name: string;
  attributes: ReadonlyArray<{ name: string; value: TemplateText | TemplateSubstitution }>;
  children: ReadonlyArray<TemplateElement | TemplateText | TemplateSubstitution>;
}

/** Element start: token, dependency id, data size, name; the size counts from after the first 7 bytes. */
const ELEMENT_SIZE_SKIP = 7;
const NO_DEPENDENCY = 0xffff;

function writeName(w: ByteWriter, name: string, names: ChunkIndex): void {
  const known = names.find(name);
  if (known !== undefined) {
    w.u32(known);
    return;
  }
  const at = w.chunkOffset + 4;
  const hash = nameHash(name);
  w.u32(at);
  w.u32(names.add(name, hash, at));
  w.u16(hash);
  w.u16(name.length);
  w.utf16(name);
  w.u16(0);
}

function writeContent(w: ByteWriter, node: TemplateText | TemplateSubstitution): void {
  if (node.kind === 'text') {
    w.u8(TOKEN.value);
    w.u8(0x01); // string
    w.u16(node.text.length);
    w.utf16(node.text);
  } else {
    w.u8(node.optional ? TOKEN.optionalSubstitution : TOKEN.normalSubstitution);
    w.u16(node.index);
    w.u8(node.type);
  }
}

function writeElement(w: ByteWriter, el: TemplateElement, names: ChunkIndex): void {
  const start = w.pos;
  const hasAttributes = el.attributes.length > 0;
  w.u8(hasAttributes ? TOKEN.openStartElement | TOKEN.hasMore : TOKEN.openStartElement);
  w.u16(NO_DEPENDENCY);
  const sizeAt = w.pos;
  w.u32(0);
  writeName(w, el.name, names);
  if (hasAttributes) {
    const listAt = w.pos;
    w.u32(0);
    el.attributes.forEach((a, i) => {
      const last = i === el.attributes.length - 1;
      w.u8(last ? TOKEN.attribute : TOKEN.attribute | TOKEN.hasMore);
      writeName(w, a.name, names);
      writeContent(w, a.value);
    });
    w.patchU32(listAt, w.pos - listAt - 4);
  }
  if (el.children.length === 0) {
    w.u8(TOKEN.closeEmptyElement);
  } else {
    w.u8(TOKEN.closeStartElement);
    for (const c of el.children) {
      if (c.kind === 'element') writeElement(w, c, names);
      else writeContent(w, c);
    }
    w.u8(TOKEN.endElement);
  }
  w.patchU32(sizeAt, w.pos - start - ELEMENT_SIZE_SKIP);
}

/** The template's fragment: header, root element, end of stream. */
export function writeTemplateFragment(w: ByteWriter, root: TemplateElement, names: ChunkIndex): void {
  w.raw(FRAGMENT_HEADER);
  writeElement(w, root, names);
  w.u8(TOKEN.endOfStream);
}
