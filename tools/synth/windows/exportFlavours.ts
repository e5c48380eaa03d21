// The Windows XML export flavours the product reads, each with its own envelope and encoding:
//   wevtutil qe LOG /f:xml      UTF-8, no root, <Event> elements back to back
//   Event Viewer "Save As" XML  UTF-16LE with BOM, declaration, <Events> root, <RenderingInfo> in each event
//   .ToXml() | Out-File         UTF-16LE with BOM, one <Event> per line, no root
//   python-evtx evtx_dump.py    UTF-8, XML 1.1 declaration, <Events> root, events spread over lines
import type { TextEncoding, TextSink } from '../textSink.js';
import { renderPythonEvtxXml, renderWindowsXml } from './renderXml.js';
import { renderingInfoXml } from './renderingInfo.js';
import type { WinEvent } from './winEvent.js';

export type WinExportFlavour = 'wevtutil' | 'event-viewer' | 'powershell-lines' | 'python-evtx';

interface FlavourShape {
  encoding: TextEncoding;
  bom: boolean;
  header: string;
  separator: string;
  footer: string;
}

const SHAPES: Record<WinExportFlavour, FlavourShape> = {
  wevtutil: { encoding: 'utf8', bom: false, header: '', separator: '', footer: '' },
  'event-viewer': {
    encoding: 'utf16le',
    bom: true,
    header: '<?xml version="1.0" encoding="UTF-16"?>\r\n<Events>',
    separator: '\r\n',
    footer: '</Events>',
  },
  'powershell-lines': { encoding: 'utf16le', bom: true, header: '', separator: '\r\n', footer: '' },
  'python-evtx': {
    encoding: 'utf8',
    bom: false,
    header: '<?xml version="1.1" encoding="utf-8" standalone="yes" ?>\n\n<Events>\n',
    separator: '\n\n',
    footer: '</Events>\n',
  },
};

export function flavourEncoding(flavour: WinExportFlavour): { encoding: TextEncoding; bom: boolean } {
  const { encoding, bom } = SHAPES[flavour];
  return { encoding, bom };
}

export interface WinExportOptions {
  /** SystemTime fraction digits for the Windows-rendered flavours. */
  timeDigits?: 7 | 9;
}

/** Writes events of one flavour to a sink opened with flavourEncoding(flavour). */
export class WinEventExportWriter {
  private count = 0;
  private readonly shape: FlavourShape;

  constructor(
    private readonly sink: TextSink,
    readonly flavour: WinExportFlavour,
    private readonly options: WinExportOptions = {},
  ) {
    this.shape = SHAPES[flavour];
    if (sink.encoding !== this.shape.encoding)
      throw new Error(`${flavour} needs a ${this.shape.encoding} sink`);
    if (this.shape.header) sink.write(this.shape.header);
  }

  write(ev: WinEvent): void {
    this.sink.write(this.render(ev) + this.shape.separator);
    this.count++;
  }

  /** Writes the closing envelope; the caller closes the sink. */
  finish(): number {
    if (this.shape.footer) this.sink.write(this.shape.footer);
    this.sink.flush();
    return this.count;
  }

  get events(): number {
    return this.count;
  }

  private render(ev: WinEvent): string {
    switch (this.flavour) {
      case 'wevtutil':
      case 'powershell-lines':
        return renderWindowsXml(ev, { timeDigits: this.options.timeDigits });
      case 'event-viewer':
        return renderWindowsXml(ev, {
          timeDigits: this.options.timeDigits,
          renderingInfo: renderingInfoXml(ev),
        });
      case 'python-evtx':
        return renderPythonEvtxXml(ev);
    }
  }
}
