// Every time on every screen goes through here, so one setting (the display time zone) governs them all.
// Output is ISO-like and sortable by eye: `2026-03-14 09:12:03 UTC`.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Parses an ISO 8601 string; engine times may carry microseconds, which Date drops to milliseconds. */
export function parseTime(iso: string): number {
  const trimmed = iso.replace(/(\.\d{3})\d+/, '$1');
  return Date.parse(trimmed);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function parts(ms: number, timeZone: string): Record<string, string> {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const out: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(ms))) out[p.type] = p.value;
  return out;
}

/** `2026-03-14 09:12:03 UTC`; an em dash for a missing time. */
export function formatTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const ms = parseTime(iso);
  if (Number.isNaN(ms)) return iso;
  return formatMs(ms, timeZone);
}

export function formatMs(ms: number, timeZone: string, withZone = true): string {
  const p = parts(ms, timeZone);
  const zone = timeZone === 'UTC' || !isValidTimeZone(timeZone) ? 'UTC' : (p.timeZoneName ?? timeZone);
  const text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  return withZone ? `${text} ${zone}` : text;
}

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
