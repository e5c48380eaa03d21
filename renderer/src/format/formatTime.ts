// Every time on every screen goes through here, so one setting (the display time zone) governs them all.
// Output is ISO-like and sortable by eye: `2026-03-14 09:12:03 UTC`. The formatting itself is shared with
// the HTML report (shared/displayTime.ts), so a report reads the way the screens do.

import { timeParts as parts } from '../../../shared/displayTime';

export { formatMs, formatTime, isValidTimeZone, parseTime } from '../../../shared/displayTime';

/** A short axis label: `03-14 09:12` (the zone is named once, in the axis title). */
export function formatAxisTime(ms: number, timeZone: string, spanMs: number): string {
  const p = parts(ms, timeZone);
  if (spanMs <= 2 * 3600_000) return `${p.hour}:${p.minute}:${p.second}`;
  if (spanMs <= 21 * 86400_000) return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day}`;
}

/** Offset from a reference time, as an analyst says it: `+40 s`, `+3 min 5 s`, `+2 h 10 min`, `−5 s`. */
export function formatRelative(ms: number, referenceMs: number): string {
  const delta = Math.round((ms - referenceMs) / 1000);
  const sign = delta < 0 ? '−' : '+';
  let s = Math.abs(delta);
  if (s < 60) return `${sign}${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  s %= 60;
  if (h === 0) return s === 0 ? `${sign}${m} min` : `${sign}${m} min ${s} s`;
  if (h < 48) return m === 0 ? `${sign}${h} h` : `${sign}${h} h ${m} min`;
  return `${sign}${Math.round(h / 24)} d`;
}
