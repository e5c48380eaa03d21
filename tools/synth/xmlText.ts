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

const PY_TEXT = /[&<>]/g;
const PY_ATTR = /[&<>"]/g;

/** python-evtx (xml.sax.saxutils.escape) escapes only & < > in text, and adds " inside attributes. */
export function escapePythonEvtxText(value: string): string {
  return value.replace(PY_TEXT, (c) => WINDOWS_ENTITIES[c]!);
}

export function escapePythonEvtxAttr(value: string): string {
  return value.replace(PY_ATTR, (c) => WINDOWS_ENTITIES[c]!);
}
