// Compares the rows the .evtx reader gives with the rows the XML reader gives for python-evtx's XML of
// the same file, field by field. python-evtx 0.6.1 writes some values otherwise than Windows renders
// them, and the reader follows Windows; each such difference is undone here by name, and nothing else is:
//   - FILETIMEs through a double (ticks * 1e-7), so its times can be off by a microsecond or two, and
//     without a fraction when it is zero: times compare as instants, within 2 µs;
//   - SYSTEMTIMEs as `2019-03-08 23:23:05`: compared as instants too;
//   - Booleans as `True`/`False` where Windows writes `true`/`false`;
//   - Binary values in base64 where Windows writes upper-case hex;
//   - ASCII control characters other than tab, LF and CR dropped from every text (its escape_value
//     removes XML 1.1's restricted characters after turning the rest of non-ASCII into references);
//   - HexInt values padded (`0x00000000000003e7`) and GUIDs in lower case;
//   - an array value as one `<string>a</string>\n<string>b</string>\n` text, where Windows repeats the
//     element once per item (MS-EVEN6 3.1.4.7.5): expanded here into the values Windows would give.
//     Its reading of a string array with empty strings in it is wrong (it finds the first non-empty
//     string, then cuts that many bytes from the start of what is left: four empty strings, `1176`, `60`
//     come out as `1176, 176, 60`): for the unnamed Data of classic events, python-evtx's own reading
//     is replayed on the items this reader found, and must give exactly what python-evtx wrote.
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';
import type { ReadError, WinEventRow } from '../../electron/engine/rowContract.js';
import { parseFile } from '../../electron/engine/import/parseFile.js';
import { sharedDir } from './paths.js';

/** Skips the test, saying why, where ../shared (this team's reference material) is not beside the project. */
export function needsShared(t: TestContext, path: string): boolean {
  if (existsSync(path)) return true;
  t.skip(`needs ${path}: ../shared is only on this team's machines and CI`);
  return false;
}

export { sharedDir };

export interface ReadBack {
  rows: WinEventRow[];
  errors: ReadError[];
  fatal: ReadError | null;
  format: string | undefined;
}

/** Every row and error of one file, read in the calling thread (an .evtx event with its XML rendered). */
export async function readRows(path: string, renderXml = true): Promise<ReadBack> {
  const rows: WinEventRow[] = [];
  const result = await parseFile(
    path,
    {
      batch: () => ({
        rows: 0,
        full: false,
        add(r) {
          if (r.kind === 'win') rows.push(r.row);
          this.rows++;
        },
      }),
      rows: () => undefined,
    },
    { renderXml },
  );
  return { rows, errors: result.errors, fatal: result.fatal, format: result.summary?.format };
}

const COLUMNS_NOT_COMPARED = new Set(['recordNo', 'recordOffset', 'data', 'xml', 'xmlUtf8', 'ts']);
const MAX_TIME_SKEW_MICROS = 2;

/** The differences between two rows of the same event, as readable lines (empty when they agree). */
export function rowDifferences(evtx: WinEventRow, python: WinEventRow): string[] {
  const out: string[] = [];
  const id = String(evtx.recordId);
  if (evtx.ts === null || python.ts === null) {
    if (evtx.ts !== python.ts) out.push(`${id} ts: ${evtx.ts} vs ${python.ts}`);
  } else if (abs(evtx.ts - python.ts) > MAX_TIME_SKEW_MICROS)
    out.push(`${id} ts: ${evtx.ts} vs ${python.ts}`);
  for (const key of Object.keys(evtx) as Array<keyof WinEventRow>) {
    if (COLUMNS_NOT_COMPARED.has(key)) continue;
    if (!sameValue(evtx[key], python[key]))
      out.push(`${id} ${key}: ${show(evtx[key])} vs ${show(python[key])}`);
  }
  let ours = evtx.data;
  let theirs = expandPythonArrays(python.data);
  const replayed = replayUnnamedArray(evtx.data, python.data);
  if (replayed !== null) {
    if (!replayed.same) out.push(`${id} array: ${replayed.detail}`);
    [ours, theirs] = [withoutUnnamed(evtx.data), withoutUnnamed(python.data)];
  }
  const names = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  for (const name of names) {
    const a = ours[name];
    const b = theirs[name];
    if (a === undefined || b === undefined || !sameText(a, b))
      out.push(`${id} data.${name}: ${show(a)} vs ${show(b)}`);
  }
  return out;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function show(v: unknown): string {
  return typeof v === 'bigint' ? `${v}n` : JSON.stringify(v);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return sameText(a, b);
  return a === b;
}

const HEX = /^0x[0-9a-f]+$/i;
const GUID = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const PYTHON_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/;

// eslint-disable-next-line no-control-regex -- python-evtx's RESTRICTED_CHARS, as far as ASCII goes
const RESTRICTED_ASCII = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

function sameText(ours: string, theirs: string): boolean {
  if (ours === theirs) return true;
  if (RESTRICTED_ASCII.test(ours)) return sameText(ours.replace(RESTRICTED_ASCII, ''), theirs);
  if (HEX.test(ours) && HEX.test(theirs)) return BigInt(ours) === BigInt(theirs);
  if (GUID.test(ours) && GUID.test(theirs)) return ours.toLowerCase() === theirs.toLowerCase();
  if ((ours === 'true' && theirs === 'True') || (ours === 'false' && theirs === 'False')) return true;
  if (ISO_TIME.test(ours) && PYTHON_TIME.test(theirs)) {
    return Math.abs(micros(ours) - micros(`${theirs.replace(' ', 'T')}Z`)) <= MAX_TIME_SKEW_MICROS;
  }
  if (/^[0-9A-F]+$/.test(ours) && /^[A-Za-z0-9+/]+=*$/.test(theirs)) {
    return Buffer.from(theirs, 'base64').toString('hex').toUpperCase() === ours;
  }
  return false;
}

/** An ISO time to microseconds since the epoch (as a double: exact to well under a microsecond here). */
function micros(iso: string): number {
  const dot = iso.indexOf('.');
  const whole = Date.parse(dot < 0 ? iso : `${iso.slice(0, dot)}Z`);
  const fraction = dot < 0 ? '' : iso.slice(dot + 1, -1);
  return whole * 1000 + Number(fraction.padEnd(6, '0').slice(0, 6) || '0');
}

const STRING_LIST = /^(<string>[\s\S]*?<\/string>\n)+$/;

/** python-evtx's array texts expanded into one value per item, named as the row mapping names them. */
function expandPythonArrays(data: Record<string, string>): Record<string, string> {
  if (!Object.values(data).some((v) => STRING_LIST.test(v))) return data;
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  let unnamed = 0;
  for (const [key, value] of Object.entries(data)) {
    const items = STRING_LIST.test(value)
      ? [...value.matchAll(/<string>([\s\S]*?)<\/string>\n/g)].map((m) => unescapeXml(m[1]!))
      : [value];
    const base = /^Data\d+$/.test(key) ? null : key.replace(/#\d+$/, '');
    for (const item of items) {
      let name = base ?? `Data${++unnamed}`;
      if (out[name] !== undefined) {
        let n = 2;
        while (out[`${name}#${n}`] !== undefined) n++;
        name = `${name}#${n}`;
      }
      out[name] = item;
    }
  }
  return out;
}

const UNNAMED = /^Data\d+$/;

function withoutUnnamed(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !UNNAMED.test(k)));
}

/**
 * For an event whose only unnamed Data is a python-evtx string list: whether python-evtx's reading of
 * the items this reader found (joined as the bytes hold them) is exactly what it wrote. Null otherwise.
 */
function replayUnnamedArray(
  ours: Record<string, string>,
  python: Record<string, string>,
): { same: boolean; detail: string } | null {
  const unnamed = Object.entries(python).filter(([k]) => UNNAMED.test(k));
  if (unnamed.length !== 1 || !STRING_LIST.test(unnamed[0]![1])) return null;
  const written = [...unnamed[0]![1].matchAll(/<string>([\s\S]*?)<\/string>\n/g)].map((m) =>
    unescapeXml(m[1]!),
  );
  const items = Object.entries(ours)
    .filter(([k]) => UNNAMED.test(k))
    .map(([, v]) => v);
  const replay = pythonEvtxStringArray(Buffer.from(`${items.join('\0')}\0`, 'utf16le'));
  const same = JSON.stringify(replay) === JSON.stringify(written);
  return {
    same,
    detail: `${JSON.stringify(items)} read by python-evtx gives ${JSON.stringify(replay)}, it wrote ${JSON.stringify(written)}`,
  };
}

/** python-evtx 0.6.1's WstringArrayTypeNode.string(), step for step (bytes as latin1 text). */
// Its regular expressions are about NUL bytes, so these must name them.
/* eslint-disable no-control-regex */
function pythonEvtxStringArray(bytes: Buffer): string[] {
  let rest = bytes.toString('latin1');
  const out: string[] = [];
  while (rest.length > 0) {
    // Its regex: pairs of bytes whose first is not NUL (`.` stops at a line feed byte).
    const match = /(?:[^\x00][^\n])+/.exec(rest);
    if (match !== null) {
      out.push(Buffer.from(match[0], 'latin1').toString('utf16le'));
      rest = rest.slice(match[0].length + 2);
      if (rest.length === 0) break;
    }
    const nuls = /^\x00*/.exec(rest)![0].length;
    for (let i = 0; i < nuls / 2; i++) out.push('');
    rest = rest.slice(nuls);
  }
  return out;
}
/* eslint-enable no-control-regex */

function unescapeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}
