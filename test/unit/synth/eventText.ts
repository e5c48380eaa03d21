// Test helpers: split a Windows XML export into event texts and read fields out of them, written
// independently of the generator so the tests check its output rather than repeat its code.
import { readFileSync } from 'node:fs';

export function decodeExport(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('utf8');
}

/** Every <Event>…</Event> in a file, whatever the envelope. */
export function splitEvents(text: string): string[] {
  const out: string[] = [];
  let at = text.indexOf('<Event ');
  while (at >= 0) {
    const end = text.indexOf('</Event>', at);
    if (end < 0) throw new Error(`unterminated event at ${at}`);
    out.push(text.slice(at, end + '</Event>'.length));
    at = text.indexOf('<Event ', end);
  }
  return out;
}

export function readEvents(path: string): string[] {
  return splitEvents(decodeExport(readFileSync(path)));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

export function eventId(ev: string): number {
  return Number(/<EventID[^>]*>(\d+)</.exec(ev)![1]);
}

export function systemTime(ev: string): string {
  return /SystemTime=['"]([^'"]+)['"]/.exec(ev)![1]!;
}

/** Normalises Windows ("…T…1234567Z") and python-evtx ("… …123456") times to ISO text in microseconds. */
export function isoTime(ev: string): string {
  const t = systemTime(ev);
  return t.includes('T') ? `${t.slice(0, 26)}Z` : `${t.replace(' ', 'T')}Z`;
}

export function computer(ev: string): string {
  return /<Computer>([^<]*)<\/Computer>/.exec(ev)![1]!;
}

export function data(ev: string, name: string): string | undefined {
  const m = new RegExp(`<Data Name=['"]${name}['"]>([^<]*)</Data>`).exec(ev);
  return m ? unescapeXml(m[1]!) : undefined;
}

/** Data names in document order. */
export function dataNames(ev: string): string[] {
  return [...ev.matchAll(/<Data Name=['"](\w+)['"]/g)].map((m) => m[1]!);
}

export function hexValue(s: string | undefined): number {
  if (s === undefined) throw new Error('missing hex value');
  return parseInt(s, 16);
}
