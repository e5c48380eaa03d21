// The tag-level half of the fast extractor: reads one start or end tag of an event string with indexOf
// and charCodeAt, checking as it goes what a well-formed document needs (names, quoting, `=`, whitespace
// between attributes, no `<` inside a tag, references that resolve). It reports failure instead of
// guessing, and the event then goes to the conformant parser.
import { decodeAttributeValue, expandReferences } from './xmlTextDecoding.js';

const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;

export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

/** End of an ASCII XML name starting at `at`, or -1. Non-ASCII names are left to the conformant parser. */
export function scanName(s: string, at: number): number {
  if (!isNameStart(s.charCodeAt(at))) return -1;
  let p = at + 1;
  while (isNameChar(s.charCodeAt(p))) p++;
  return p;
}

export class FastTagScanner {
  /** Position of the next `&` at or after everything checked so far; -1 when there is none. */
  private amp: number;
  /** Filled by startTag/endTag: position of the tag's closing `>`. */
  gt = 0;
  selfClosing = false;
  /** Filled by startTag: the decoded value of the attribute asked for, or null when absent. */
  attribute: string | null = null;

  constructor(private readonly s: string) {
    this.amp = s.indexOf('&');
  }

  /**
   * Reads the attributes of a start tag whose name ends at `p`, keeping only `wanted`. `limit` is the
   * next `<` after this tag's own, which no part of the tag may reach. Returns false when malformed.
   */
  startTag(p: number, wanted: string | null, limit: number): boolean {
    const s = this.s;
    this.attribute = null;
    if (wanted !== null && this.singleWantedAttribute(p, wanted, limit)) return this.gt < limit;
    let seen: string[] | null = null;
    let firstName = -1;
    let firstEnd = -1;
    for (;;) {
      let c = s.charCodeAt(p);
      const spaced = isXmlSpace(c);
      while (isXmlSpace(c)) c = s.charCodeAt(++p);
      if (c === GT || c === SLASH) {
        this.selfClosing = c === SLASH;
        if (this.selfClosing && s.charCodeAt(++p) !== GT) return false;
        this.gt = p;
        return p < limit;
      }
      if (!spaced) return false;
      const nameEnd = scanName(s, p);
      if (nameEnd < 0) return false;
      // Duplicate attributes make a document malformed; tags carry one or two, so compare directly.
      if (firstName < 0) {
        firstName = p;
        firstEnd = nameEnd;
      } else {
        seen ??= [s.slice(firstName, firstEnd)];
        const name = s.slice(p, nameEnd);
        if (seen.includes(name)) return false;
        seen.push(name);
      }
      const isWanted = wanted !== null && nameEnd - p === wanted.length && s.startsWith(wanted, p);
      p = nameEnd;
      while (isXmlSpace(s.charCodeAt(p))) p++;
      if (s.charCodeAt(p) !== EQ) return false;
      do p++;
      while (isXmlSpace(s.charCodeAt(p)));
      const quote = s.charCodeAt(p);
      if (quote !== QUOT && quote !== APOS) return false;
      const close = s.indexOf(quote === QUOT ? '"' : "'", p + 1);
      if (close < 0 || close > limit) return false;
      if (this.amp >= 0 && this.amp <= p) return false; // an `&` outside any value
      if (isWanted) {
        const value = decodeAttributeValue(s.slice(p + 1, close));
        if (value === null) return false;
        this.attribute = value;
      } else if (!this.checkReferences(p + 1, close)) return false;
      if (this.amp >= 0 && this.amp < close) this.amp = s.indexOf('&', close);
      p = close + 1;
    }
  }

  /**
   * The shape of nearly every tag that has a wanted attribute, `<Data Name='X'>`: exactly that one
   * attribute, no space around `=`. Read without the general loop; false means "not this shape" (or
   * malformed), and the general loop then decides.
   */
  private singleWantedAttribute(p: number, wanted: string, limit: number): boolean {
    const s = this.s;
    if (s.charCodeAt(p) !== 0x20 || !s.startsWith(wanted, p + 1)) return false;
    const q = p + 1 + wanted.length + 1;
    const quote = s.charCodeAt(q);
    if (s.charCodeAt(q - 1) !== EQ || (quote !== QUOT && quote !== APOS)) return false;
    const close = s.indexOf(quote === QUOT ? '"' : "'", q + 1);
    if (close < 0 || close > limit) return false;
    const after = s.charCodeAt(close + 1);
    const selfClosing = after === SLASH && s.charCodeAt(close + 2) === GT;
    if (after !== GT && !selfClosing) return false;
    if (this.amp >= 0 && this.amp <= q) return false;
    const value = decodeAttributeValue(s.slice(q + 1, close));
    if (value === null) return false;
    if (this.amp >= 0 && this.amp < close) this.amp = s.indexOf('&', close);
    this.attribute = value;
    this.selfClosing = selfClosing;
    this.gt = selfClosing ? close + 2 : close + 1;
    return true;
  }

  /** Reads `</name>` at `lt` for the expected name. */
  endTag(lt: number, name: string): boolean {
    const s = this.s;
    if (!s.startsWith(name, lt + 2)) return false;
    let p = lt + 2 + name.length;
    while (isXmlSpace(s.charCodeAt(p))) p++;
    if (s.charCodeAt(p) !== GT) return false;
    this.gt = p;
    return true;
  }

  /** Character data in [from, to): decoded when `keep`, otherwise only checked. Null when malformed. */
  text(from: number, to: number, keep: boolean): string | null {
    const hasAmp = this.amp >= 0 && this.amp < to;
    if (hasAmp && this.amp < from) return null; // an `&` somewhere no text or value can be
    if (hasAmp) this.amp = this.s.indexOf('&', to);
    if (!keep) {
      return hasAmp && expandReferences(this.s.slice(from, to)) === null ? null : '';
    }
    let raw = this.s.slice(from, to);
    if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
    return hasAmp ? expandReferences(raw) : raw;
  }

  private checkReferences(from: number, to: number): boolean {
    if (this.amp < 0 || this.amp >= to) return true;
    if (this.amp < from) return false;
    return expandReferences(this.s.slice(from, to)) !== null;
  }

  /** True when a stray `&` lies before `to` (in a place only a malformed document has one). */
  strayAmpersandBefore(to: number): boolean {
    return this.amp >= 0 && this.amp < to;
  }
}
