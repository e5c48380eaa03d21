// TimeCreated/@SystemTime as it appears in the wild, to microseconds since the epoch, UTC:
//   2021-10-19T14:42:41.2027650Z   Windows (100 ns, 7 digits)
//   2021-10-19T14:42:41Z           no fraction
//   2021-10-19 14:42:41.202765     python-evtx (UTC, though it says nothing)
//   2021-10-19T16:42:41.20+02:00   explicit offset
// Digits past the sixth are truncated, not rounded, which is what python-evtx does when it converts the
// same FILETIME: the same event then gets the same timestamp whichever tool exported it.
import type { MicrosUtc } from '../../rowContract.js';
import { daysFromCivil, daysInMonth } from '../calendar.js';

/** Parsed by hand, not by a regular expression: this runs once per event, and is a measurable share. */
export function parseSystemTime(text: string | null): MicrosUtc | null {
  if (text === null) return null;
  const t = text.trim();
  const year = digits(t, 0, 4);
  const month = digits(t, 5, 2);
  const day = digits(t, 8, 2);
  const hour = digits(t, 11, 2);
  const minute = digits(t, 14, 2);
  const second = digits(t, 17, 2);
  const sep = t.charCodeAt(10);
  if (t.charCodeAt(4) !== 0x2d || t.charCodeAt(7) !== 0x2d || (sep !== 0x54 && sep !== 0x74 && sep !== 0x20))
    return null;
  if (t.charCodeAt(13) !== 0x3a || t.charCodeAt(16) !== 0x3a) return null;
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;

  let p = 19;
  let micros = 0;
  const dot = t.charCodeAt(p);
  if (dot === 0x2e || dot === 0x2c) {
    const from = ++p;
    while (p < t.length && p - from < 9 && isDigit(t.charCodeAt(p))) p++;
    if (p === from) return null;
    micros = Number(t.slice(from, Math.min(p, from + 6)).padEnd(6, '0'));
  }
  while (t.charCodeAt(p) === 0x20) p++;
  let offsetSeconds = 0;
  const zone = t.charCodeAt(p);
  if (zone === 0x5a || zone === 0x7a) p++;
  else if (zone === 0x2b || zone === 0x2d) {
    const offsetHours = digits(t, p + 1, 2);
    const colon = t.charCodeAt(p + 3) === 0x3a ? 1 : 0;
    const offsetMinutes = digits(t, p + 3 + colon, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return null;
    offsetSeconds = (zone === 0x2d ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
    p += 5 + colon;
  }
  if (p !== t.length) return null;
  const epochSeconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return BigInt(epochSeconds - offsetSeconds) * 1_000_000n + BigInt(micros);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The decimal number in t[at, at + count), or -1 unless all of it is digits. */
function digits(t: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = t.charCodeAt(i);
    if (!isDigit(c)) return -1;
    n = n * 10 + (c - 0x30);
  }
  return n;
}
