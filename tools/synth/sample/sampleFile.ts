// One generated file of the sample case and what the manifest says about it.
export type SampleFormat = 'windows-xml' | 'entra-signins' | 'entra-audits' | 'entra-mixed';
export type SampleVariant =
  | 'wevtutil'
  | 'event-viewer'
  | 'powershell-lines'
  | 'python-evtx'
  | 'graph'
  | 'log-analytics'
  | 'diagnostic-settings';

export interface ManifestEntry {
  format: SampleFormat;
  variant: SampleVariant;
  encoding: 'utf-8' | 'utf-16le';
  /** Records a reader must produce: events for Windows files, sign-ins plus audits for Entra files. */
  events: number;
  bytes: number;
  hosts?: string[];
  /** Per "Channel:EventID" for Windows, per "signin"/"audit" for Entra. */
  counts: Record<string, number>;
  first: string;
  last: string;
  note: string;
}

export interface SampleFile {
  name: string;
  contents: Buffer;
  manifest: ManifestEntry;
}
