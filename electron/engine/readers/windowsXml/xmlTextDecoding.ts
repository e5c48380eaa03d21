// What an XML processor does to character data before an application sees it, for the fast extractor:
// line ends become LF, then the five predefined entities and character references are expanded. The
// order matters: a `&#13;` reference is a real CR and must survive line-end normalisation.
// Anything outside this small, common subset returns null so the event goes to the conformant parser.

/** Characters the fast extractor leaves to the conformant parser: they are either forbidden in XML or
 * handled differently by XML 1.0 and 1.1 (NEL, LINE SEPARATOR, C1 controls), and surrogates, which only a
 * full parser checks for pairing. Rare in real logs, so handing them over costs nothing measurable. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point of this pattern
const NEEDS_CONFORMANT_PARSER = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\uD800-\uDFFF\uFFFE\uFFFF]/;

export function hasCharactersForConformantParser(text: string): boolean {
  return NEEDS_CONFORMANT_PARSER.test(text);
}

export function normaliseLineEnds(raw: string): string {
  return raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
}

/** Character data: line ends normalised, references expanded. Null when a reference is not understood. */
export function decodeCharData(raw: string): string | null {
  return expandReferences(normaliseLineEnds(raw));
}

/** Attribute values also turn each literal tab and line end into a space (XML 1.0 section 3.3.3). */
export function decodeAttributeValue(raw: string): string | null {
  // A plain loop: attribute values are short, and this runs for every Data Name.
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) < 0x20) return expandReferences(normaliseLineEnds(raw).replace(/[\t\n]/g, ' '));
  }
  return expandReferences(raw);
}

export function expandReferences(text: string): string | null {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let copied = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0) return null;
    const expanded = expandOne(text.slice(amp + 1, semi));
    if (expanded === null) return null;
    out += text.slice(copied, amp) + expanded;
    copied = semi + 1;
    amp = text.indexOf('&', copied);
  }
  return out + text.slice(copied);
}

function expandOne(name: string): string | null {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  if (name.charCodeAt(0) !== 0x23) return null; // anything but '#': an entity only a DTD could declare
  const hex = name.charCodeAt(1) === 0x78; // only lower-case 'x' is XML
  const digits = name.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return null;
  const code = parseInt(digits, hex ? 16 : 10);
  return isPlainXmlChar(code) ? String.fromCodePoint(code) : null;
}

/** A character both XML 1.0 and 1.1 accept from a reference. Control characters are left to the parser. */
function isPlainXmlChar(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
