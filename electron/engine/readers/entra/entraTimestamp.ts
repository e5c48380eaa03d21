// Entra timestamps to microseconds since the epoch, UTC. Parsed by hand: Graph writes 7 fraction digits
// (100 ns ticks), which Date cannot hold and some engines parse inconsistently, and exports add
// "+00:00", other offsets and the US "11/14/2025 1:48:53 AM" form. Digits past microseconds are cut.
import { daysFromCivil, daysInMonth } from '../calendar.js';

const ISO =
  /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?\s*$/;
const US =
  /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*([AaPp][Mm])?\s*$/;

const MICROS_PER_SECOND = 1_000_000n;

/** Microseconds UTC, or null when the text is no timestamp this reader knows. */
export function parseEntraTimestamp(text: string): bigint | null {
  let m = ISO.exec(text);
  if (m) {
    return toMicros(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      m[7] ?? '',
      offsetMinutes(m[8]),
    );
  }
  m = US.exec(text);
  if (!m) return null;
  let hour = Number(m[4]);
  const meridiem = m[8]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  // US-style exports carry no zone; the exporting tools write UTC.
  return toMicros(
    Number(m[3]),
    Number(m[1]),
    Number(m[2]),
    hour,
    Number(m[5]),
    Number(m[6] ?? 0),
    m[7] ?? '',
    0,
  );
}

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function toMicros(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string,
  zoneMinutes: number | null,
): bigint | null {
  if (zoneMinutes === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const localSeconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  const utcSeconds = localSeconds - zoneMinutes * 60;
  const micros = fraction === '' ? 0 : Number(fraction.slice(0, 6).padEnd(6, '0'));
  return BigInt(utcSeconds) * MICROS_PER_SECOND + BigInt(micros);
}
