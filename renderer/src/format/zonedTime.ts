// Reads a time the user typed as a wall-clock time in the display time zone (`2026-03-14 09:12`, seconds
// optional) and gives the instant as ISO 8601 UTC, the form the engine takes. A time with its own zone
// (`…Z`, `…+01:00`) is read as written.

const WALL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(utcMs))) p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant for a typed time, or null when the text is not a time. */
export function zonedToIso(text: string, timeZone: string): string | null {
  const t = text.trim();
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const m = WALL.exec(t);
  if (!m) return null;
  const [y, mo, d, h, mi, s, frac] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0', m[7] ?? ''].map((x, i) =>
    i === 6 ? x : Number(x),
  ) as [number, number, number, number, number, number, string];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== d) return null;
  let utc = wall;
  try {
    // Twice: the offset at the guessed instant can differ from the one at the answer around a DST change.
    utc = wall - zoneOffsetMs(wall, timeZone);
    utc = wall - zoneOffsetMs(utc, timeZone);
  } catch {
    return null;
  }
  const iso = new Date(utc).toISOString();
  return frac ? `${iso.slice(0, 19)}.${frac.padEnd(6, '0')}Z` : iso;
}
