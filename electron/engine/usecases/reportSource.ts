// How a report (and `accountscope import --json`) lists a source. Its own module: the import command
// must load nothing of DuckDB before its parse workers have started.
import type { SourceSummary } from '../../../shared/report.js';

/** A source as a report lists it: what the import said of the file, without timings. */
export function reportSource(s: SourceSummary): SourceSummary {
  return {
    path: s.path,
    sha256: s.sha256,
    format: s.format,
    ...(s.variant ? { variant: s.variant } : {}),
    events: s.events,
    skipped: s.skipped,
    errors: s.errors,
    ...(s.duplicate ? { duplicate: true } : {}),
    ...(s.size !== undefined ? { size: s.size } : {}),
  };
}
