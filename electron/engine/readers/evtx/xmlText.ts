// How text from Binary XML is written into the event's XML and read as a value, the same way by the
// template walker and by compiled templates: as an XML parser would read it back from Windows' export.
import type { SubstitutionValue, XmlNode } from './binXmlTokens.js';
import { ValueType } from './binXmlValues.js';

export const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const TEXT_SPECIAL = /[&<>]/;
const ATTRIBUTE_SPECIAL = /[&<>'"]/;
const ATTRIBUTE_BREAK = /[\t\n\r]/;

export function escapeText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** For a single-quoted attribute. */
export function escapeAttribute(text: string): string {
  if (!ATTRIBUTE_SPECIAL.test(text)) return text;
  return escapeText(text).replaceAll("'", '&apos;').replaceAll('"', '&quot;');
}

/** Element text as an XML parser reads it: CR LF and a lone CR become LF. */
export function contentText(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

/** An attribute value as an XML parser reads it: line ends, then every line break and tab, become spaces. */
export function attributeText(raw: string): string {
  return ATTRIBUTE_BREAK.test(raw) ? raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' ') : raw;
}

/** True when a value is there to be written: a null or empty value leaves its attribute out. */
export function isPresent(value: SubstitutionValue | undefined): boolean {
  return value !== undefined && value.type !== ValueType.Null && value.size > 0;
}

/** True when every part is a substitution whose value is missing or null. */
export function allAbsent(parts: readonly XmlNode[], values: readonly SubstitutionValue[]): boolean {
  for (const part of parts) {
    if (part.kind !== 'substitution' || isPresent(values[part.index])) return false;
  }
  return parts.length > 0;
}
