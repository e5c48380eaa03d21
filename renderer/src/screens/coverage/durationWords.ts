// A length of time as a responder says it: "40 min", "3.1 h", "6.9 d".

export function durationWords(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${trimmed(hours)} h`;
  return `${trimmed(hours / 24)} d`;
}

/** One decimal, without a trailing ".0": 1 h, 1.5 h, 3.1 h. */
function trimmed(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}
