// Escaping for XML text and attribute values. Windows' own renderer escapes all five predefined
// entities, in element text as well as attributes (a quoted command line reads &quot;C:\…&quot;).

const WINDOWS_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;

/** Escapes & < > " ' as wevtutil, Event Viewer and .ToXml() do. */
export function escapeXml(value: string): string {
  // Most values need nothing; skipping the regex replace keeps the bench generator fast.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(ESCAPE_ALL, (c) => WINDOWS_ENTITIES[c]!);
}

const PY_TEXT = /[&<>\u0080-\uffff]/g;
const PY_ATTR = /[&<>"\u0080-\uffff]/g;

/** python-evtx's escape: & < > as entities, and anything past ASCII as a character reference (&#174;). */
function pythonEscape(c: string): string {
  return WINDOWS_ENTITIES[c] ?? `&#${c.charCodeAt(0)};`;
}

/** python-evtx escapes only & < > in text (quotes stay), and adds " inside attributes. */
export function escapePythonEvtxText(value: string): string {
  return value.replace(PY_TEXT, pythonEscape);
}

export function escapePythonEvtxAttr(value: string): string {
  return value.replace(PY_ATTR, pythonEscape);
}
