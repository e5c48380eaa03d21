// Event times as integer microseconds since the Unix epoch (UTC), and the text forms each export uses.
// Microseconds fit a JS number exactly until the year 2255, so no bigint is needed on the hot path.

export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
export const MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
export const MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

/** UTC wall time to microseconds; month is 1-based like a calendar. */
export function utcMicros(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) * 1000;
}

export function seconds(n: number): number {
  return Math.round(n * MICROS_PER_SECOND);
}

export function minutes(n: number): number {
  return Math.round(n * MICROS_PER_MINUTE);
}

// Events come in time order, so consecutive calls usually fall in the same second: remembering the last
// second's text saves a Date and an ISO formatting per event when the bench writes millions of them.
let cachedSecond = NaN;
let cachedBase = '';

/** "2026-03-11T13:47:12" and the six microsecond digits, the parts every format is built from. */
function split(us: number): { base: string; micros: string } {
  const whole = Math.floor(us);
  const second = Math.floor(whole / MICROS_PER_SECOND);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedBase = new Date(second * 1000).toISOString().slice(0, 19);
  }
  const micros = String(whole - second * MICROS_PER_SECOND).padStart(6, '0');
  return { base: cachedBase, micros };
}

/**
 * The 100-ns digit Windows writes after the microseconds. Logs keep ticks, we keep microseconds, so the
 * seventh digit is derived from the value: stable, and not always zero as a rounded clock would be.
 */
function tickDigit(us: number): string {
  return String((Math.floor(us) * 7) % 10);
}

/** TimeCreated/@SystemTime as wevtutil and Event Viewer write it: 7 fraction digits (9 on newer builds). */
export function windowsSystemTime(us: number, digits: 7 | 9 = 7): string {
  const { base, micros } = split(us);
  return `${base}.${micros}${tickDigit(us)}${digits === 9 ? '00' : ''}Z`;
}

/** python-evtx 0.6 writes a space, microseconds and no zone: "2026-03-11 13:47:12.345678". */
export function pythonEvtxTime(us: number): string {
  const { base, micros } = split(us);
  return `${base.replace('T', ' ')}.${micros}`;
}

/** Sysmon's UtcTime and CreationUtcTime: "2026-03-11 13:47:12.345". */
export function sysmonUtcTime(us: number): string {
  const { base, micros } = split(us);
  return `${base.replace('T', ' ')}.${micros.slice(0, 3)}`;
}

/** ISO 8601 with Z and 0, 3, 6 or 7 fraction digits (Graph uses 0 or 7). */
export function isoZ(us: number, digits: 0 | 3 | 6 | 7): string {
  const { base, micros } = split(us);
  if (digits === 0) return `${base}Z`;
  const fraction = digits === 7 ? micros + tickDigit(us) : micros.slice(0, digits);
  return `${base}.${fraction}Z`;
}

/**
 * The diagnostic-settings form of properties.*DateTime: "+00:00" and up to 7 digits with trailing
 * zeros dropped ("…02.49832+00:00"), which trips parsers that expect a fixed width.
 */
export function isoOffsetTrimmed(us: number): string {
  const { base, micros } = split(us);
  const fraction = (micros + tickDigit(us)).replace(/0+$/, '');
  return fraction ? `${base}.${fraction}+00:00` : `${base}+00:00`;
}

/** Day index (0 = Thursday 1970-01-01) to weekday 0 = Sunday … 6 = Saturday. */
export function weekday(us: number): number {
  return new Date(Math.floor(us / 1000)).getUTCDay();
}

export function isWeekend(us: number): boolean {
  const day = weekday(us);
  return day === 0 || day === 6;
}

/** Start of the UTC day holding the time. */
export function dayStart(us: number): number {
  return us - (((us % MICROS_PER_DAY) + MICROS_PER_DAY) % MICROS_PER_DAY);
}
