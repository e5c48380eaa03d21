// Everything in the HTML report that came from evidence is hostile until escaped: account names, command
// lines and event text are written by whoever attacked the machine. Every value goes through `html`,
// which escapes markup and defangs URLs, so the report neither runs nor links to anything.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values, and defangs URLs (hxxp://). */
export function html(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!).replace(/\b(h)tt(ps?):\/\//gi, '$1xx$2://');
}

/** A tagged template whose interpolations are escaped; pass `raw(...)` for markup already built here. */
export class RawHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export function raw(markup: string): RawHtml {
  return new RawHtml(markup);
}

export function h(strings: TemplateStringsArray, ...values: unknown[]): RawHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    const part = Array.isArray(v)
      ? v.map((x) => (x instanceof RawHtml ? x.markup : html(x))).join('')
      : v instanceof RawHtml
        ? v.markup
        : html(v);
    out += part + strings[i + 1]!;
  });
  return new RawHtml(out);
}
