// How a time reads to a person, on every screen and in the HTML report: the case's display time zone, and
// ISO-like text that sorts by eye (`2026-03-14 09:12:03 UTC`). Times are stored and exchanged as ISO 8601
// UTC; only this turns them into another zone. Plain Intl, so the page and the engine share it.

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

/** The date and clock fields of a time in a zone (UTC when the zone is not one the runtime knows). */
export function timeParts(ms: number, timeZone: string): Record<string, string> {
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
  const p = timeParts(ms, timeZone);
  const zone = timeZone === 'UTC' || !isValidTimeZone(timeZone) ? 'UTC' : (p.timeZoneName ?? timeZone);
  const text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  return withZone ? `${text} ${zone}` : text;
}
