// Rewrites python-evtx renderings into the other flavours responders are handed, the way each tool
// writes them, so that one recording can be read in every form. Works on the text of known recordings,
// not on arbitrary XML: python-evtx puts each element on its own line and never writes `>` in attributes.

/** The events of a python-evtx file, each exactly as written. */
export function splitEvents(text: string): string[] {
  return text.match(/<Event[\s>][\s\S]*?<\/Event>/g) ?? [];
}

/** `2019-08-05 09:24:56.740217` (python-evtx) as Windows writes it: `2019-08-05T09:24:56.7402170Z`. */
function windowsTime(pythonTime: string): string {
  return `${pythonTime.replace(' ', 'T')}${pythonTime.includes('.') ? '0' : ''}Z`;
}

/**
 * How EvtRender writes the same event: single-quoted attributes, no empty attributes, self-closing empty
 * elements, ISO times with 100 ns precision, no line breaks between elements.
 */
export function toWindowsRendering(event: string): string {
  return event
    .replace(/<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*>/g, (_tag, name: string, attrs: string) => {
      const kept = [...attrs.matchAll(/([\w:.-]+)="([^"]*)"/g)]
        .filter(([, , value]) => value !== '')
        .map(([, attr, value]) => {
          const v = attr === 'SystemTime' ? windowsTime(value!) : value!;
          return ` ${attr}='${v.replace(/'/g, '&apos;')}'`;
        });
      return `<${name}${kept.join('')}>`;
    })
    .replace(/<([A-Za-z][\w:.-]*)([^<>]*)><\/\1>/g, '<$1$2/>')
    .replace(/>\n</g, '><');
}

/** Rust evtx_dump: double quotes, two-space indentation, microsecond `T…Z` times. */
export function toRustRendering(event: string): string {
  // Indentation may only go where whitespace is not part of a value: before an opening tag, or before a
  // closing tag that follows another element's end. A line break inside a value is left alone.
  const lines = event.split('\n');
  const indented = lines.map((line, i) => {
    const previous = i > 0 ? lines[i - 1]! : '';
    const between = /^<[A-Za-z]/.test(line) || (line.startsWith('</') && /(<\/[^<>]+>|\/>)$/.test(previous));
    return i > 0 && between ? `    ${line}` : line;
  });
  return indented
    .join('\n')
    .replace(/SystemTime="([^"]+)"/, (_m, t: string) => `SystemTime="${t.replace(' ', 'T')}Z"`);
}

/** Event Viewer's RenderingInfo: the message and display names Windows adds on "Save As". */
export function withRenderingInfo(event: string): string {
  const rendering =
    `<RenderingInfo Culture='en-US'><Message>An account was enumerated.\r\n\r\nSubject:\r\n\tSecurity ID:\t` +
    `S-1-5-18 &amp; more &lt;here&gt;</Message><Level>Information</Level><Task>User Account Management</Task>` +
    `<Opcode>Info</Opcode><Channel>Security</Channel><Provider>Microsoft Windows security auditing.</Provider>` +
    `<Keywords><Keyword>Audit Success</Keyword></Keywords></RenderingInfo>`;
  return event.replace(/<\/Event>$/, `${rendering}</Event>`);
}

export function utf16le(text: string, bom = true): Buffer {
  return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
}

export function utf16be(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
}

export interface Flavour {
  name: string;
  variant: string;
  write(pythonEvtxText: string): Buffer;
}

export const FLAVOURS: Flavour[] = [
  {
    name: 'wevtutil /f:xml (UTF-8, no root)',
    variant: 'wevtutil',
    write: (text) => Buffer.from(splitEvents(text).map(toWindowsRendering).join(''), 'utf8'),
  },
  {
    name: 'Event Viewer Save As (UTF-16LE, BOM, <Events>, RenderingInfo)',
    variant: 'event-viewer',
    write: (text) =>
      utf16le(
        '<?xml version="1.0" encoding="UTF-16"?>\r\n<Events>' +
          splitEvents(text)
            .map((e) => withRenderingInfo(toWindowsRendering(e)))
            .join('') +
          '</Events>',
      ),
  },
  {
    name: 'PowerShell ToXml() | Out-File (UTF-16LE, BOM, one per line)',
    variant: 'powershell-lines',
    write: (text) =>
      utf16le(
        splitEvents(text)
          .map((e) => `${toWindowsRendering(e)}\r\n`)
          .join(''),
      ),
  },
  {
    name: 'PowerShell 7 Out-File (UTF-8, one per line)',
    variant: 'powershell-lines',
    write: (text) =>
      Buffer.from(
        splitEvents(text)
          .map((e) => `${toWindowsRendering(e)}\r\n`)
          .join(''),
        'utf8',
      ),
  },
  {
    name: 'Rust evtx_dump (Record N, declaration per event)',
    variant: 'rust-evtx-dump',
    write: (text) =>
      Buffer.from(
        splitEvents(text)
          .map((e, i) => `Record ${i + 1}\n<?xml version="1.0" encoding="utf-8"?>\n${toRustRendering(e)}\n`)
          .join(''),
        'utf8',
      ),
  },
  {
    name: 'UTF-16LE without BOM',
    variant: 'powershell-lines',
    write: (text) =>
      utf16le(
        splitEvents(text)
          .map((e) => `${toWindowsRendering(e)}\r\n`)
          .join(''),
        false,
      ),
  },
  {
    name: 'UTF-16BE with BOM and <Events> root',
    variant: 'event-viewer',
    write: (text) => utf16be(`<Events>${splitEvents(text).map(toWindowsRendering).join('\n')}</Events>`),
  },
];
