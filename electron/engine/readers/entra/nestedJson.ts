// Log Analytics exports hold many nested values as JSON text inside a string column (Status,
// DeviceDetail, LocationDetails, InitiatedBy, ...). That text is parsed only on demand, and checked for
// depth first for the same reason whole records are: JSON.parse must never see hostile nesting.

/** True when the JSON text nests no deeper than maxDepth; strings inside it are skipped. */
export function nestsWithin(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return false;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return true;
}

/**
 * Parses a string that holds a JSON object or array; anything else (plain text, bad JSON, too deep)
 * gives undefined, so a column of free text is never mistaken for structure.
 */
export function parseNestedJson(text: string, maxDepth: number): unknown {
  let at = 0;
  while (at < text.length && text.charCodeAt(at) <= 0x20) at++;
  const first = text.charCodeAt(at);
  if (first !== 0x7b && first !== 0x5b) return undefined;
  if (!nestsWithin(text, maxDepth)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
