// Names the tool that wrote a file, from what lies between its events. Informational only (shown in the
// import summary): every flavour is read by the same code.
import type { FormatVariant } from '../../model.js';
import type { FlavourEvidence } from './betweenEventsMarkup.js';
import type { EncodingInfo } from './textEncoding.js';

export function exportFlavour(evidence: FlavourEvidence, info: EncodingInfo): FormatVariant {
  // evtx_dump (Rust) writes "Record N" and a declaration before every event.
  if (evidence.recordLines) return 'rust-evtx-dump';
  // python-evtx declares XML 1.1, which no Windows tool does.
  if (evidence.xmlVersion === '1.1') return 'python-evtx';
  if (evidence.eventsRoot) return 'event-viewer';
  // Without a root: Out-File writes UTF-16 with one event per line; wevtutil writes UTF-8 events back to
  // back. PowerShell 7's Out-File writes UTF-8, but still one event per line.
  if (info.unit === 2) return 'powershell-lines';
  if (evidence.afterEvents > 0 && evidence.withLineBreak === evidence.afterEvents) return 'powershell-lines';
  return 'wevtutil';
}
