// Splits a cell's text around what find is looking for, so the match can be marked. Plain text matches
// without regard to case, like the engine's find; a regular expression is tried as JavaScript understands
// it (the engine's RE2 agrees on everything but a few constructs, and a pattern JavaScript refuses is
// simply not marked).
export interface Segment {
  text: string;
  match: boolean;
}

const MAX_MARKS = 50;

export function findPattern(text: string, regex: boolean): RegExp | null {
  if (text.length === 0) return null;
  try {
    return new RegExp(regex ? text : text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  } catch {
    return null;
  }
}

export function splitMatches(value: string, pattern: RegExp | null): Segment[] {
  if (!pattern) return [{ text: value, match: false }];
  const out: Segment[] = [];
  let at = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(value); m && out.length < MAX_MARKS * 2; m = pattern.exec(value)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (m.index > at) out.push({ text: value.slice(at, m.index), match: false });
    out.push({ text: m[0], match: true });
    at = m.index + m[0].length;
  }
  if (at < value.length) out.push({ text: value.slice(at), match: false });
  return out.length ? out : [{ text: value, match: false }];
}
