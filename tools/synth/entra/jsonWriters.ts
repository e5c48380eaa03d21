// Writers for the JSON envelopes Entra exports come in: a bare array (Extractor Suite, portal-style
// saves), a Graph page ({"@odata.context", "value": [...]}) and one record per line (diagnostic
// settings blobs, SOF-ELK mode). Records stream out one at a time; nothing holds the whole file.
import type { TextSink } from '../textSink.js';

export type JsonEnvelope =
  { kind: 'array' } | { kind: 'graph-page'; context: string; nextLink?: string } | { kind: 'lines' };

export class JsonRecordWriter {
  private count = 0;

  constructor(
    private readonly sink: TextSink,
    private readonly envelope: JsonEnvelope,
  ) {
    if (envelope.kind === 'array') sink.write('[');
    if (envelope.kind === 'graph-page') {
      const next = envelope.nextLink ? `,"@odata.nextLink":${JSON.stringify(envelope.nextLink)}` : '';
      sink.write(`{"@odata.context":${JSON.stringify(envelope.context)}${next},"value":[`);
    }
  }

  write(record: unknown): void {
    const text = JSON.stringify(record);
    switch (this.envelope.kind) {
      case 'array':
        this.sink.write(this.count === 0 ? `\r\n${text}` : `,\r\n${text}`);
        break;
      case 'graph-page':
        // Graph answers on a single line.
        this.sink.write(this.count === 0 ? text : `,${text}`);
        break;
      case 'lines':
        this.sink.write(`${text}\n`);
        break;
    }
    this.count++;
  }

  finish(): number {
    if (this.envelope.kind === 'array') this.sink.write(this.count === 0 ? ']' : '\r\n]');
    if (this.envelope.kind === 'graph-page') this.sink.write(']}');
    this.sink.flush();
    return this.count;
  }
}
