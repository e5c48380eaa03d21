// Lays a one-line XML record out one element per line, for reading. Pure text in, text out: entities stay
// as written (`&lt;img …&gt;` is not decoded), nothing is parsed into a DOM, and the stored record is
// still one click away ("as stored").
const TOKEN = /(<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[^>]+>)/;

export function indentXml(text: string, unit = '  '): string {
  const out: string[] = [];
  let depth = 0;
  let pendingOpen: string | null = null; // an open tag waiting to see if only text follows
  let pendingText = '';
  const flush = () => {
    if (pendingOpen !== null) out.push(unit.repeat(depth - 1) + pendingOpen + pendingText);
    else if (pendingText.trim()) out.push(unit.repeat(depth) + pendingText.trim());
    pendingOpen = null;
    pendingText = '';
  };
  for (const token of text.split(TOKEN)) {
    if (token === '') continue;
    if (!token.startsWith('<') || token.startsWith('<![CDATA[')) {
      pendingText += token;
    } else if (token.startsWith('</')) {
      if (pendingOpen !== null) {
        // <Data>value</Data> stays on one line.
        out.push(unit.repeat(depth - 1) + pendingOpen + pendingText + token);
        pendingOpen = null;
        pendingText = '';
      } else {
        flush();
        out.push(unit.repeat(Math.max(0, depth - 1)) + token);
      }
      depth = Math.max(0, depth - 1);
    } else if (token.endsWith('/>') || token.startsWith('<?') || token.startsWith('<!')) {
      flush();
      out.push(unit.repeat(depth) + token);
    } else {
      flush();
      pendingOpen = token;
      depth++;
    }
  }
  flush();
  return out.join('\n');
}
