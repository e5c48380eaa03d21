// TimeCreated/@SystemTime as it appears in the wild, to microseconds since the epoch, UTC:
//   2021-10-19T14:42:41.2027650Z   Windows (100 ns, 7 digits)
//   2021-10-19T14:42:41Z           no fraction
//   2021-10-19 14:42:41.202765     python-evtx (UTC, though it says nothing)
//   2021-10-19T16:42:41.20+02:00   explicit offset
// Digits past the sixth are truncated, not rounded, which is what python-evtx does when it converts the
// same FILETIME: the same event then gets the same timestamp whichever tool exported it.
import type { MicrosUtc } from '../../model.js';

const SYSTEM_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

export function parseSystemTime(text: string | null): MicrosUtc | null {
  if (text === null) return null;
  const m = SYSTEM_TIME.exec(text.trim());
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const epochSeconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  const micros = Number((m[7] ?? '').padEnd(6, '0').slice(0, 6));
  let offsetSeconds = 0;
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    offsetSeconds = (m[9] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  return BigInt(epochSeconds - offsetSeconds) * 1_000_000n + BigInt(micros);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm), for any year. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
