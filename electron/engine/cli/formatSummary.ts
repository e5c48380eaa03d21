// The human-readable per-file summary the CLI prints after an import.
import type { SourceSummary } from '../../../shared/report.js';
import { formatBytes } from './progressBar.js';

function where(e: SourceSummary['errors'][number]): string {
  const parts: string[] = [];
  if (e.record !== undefined) parts.push(`record ${e.record}`);
  if (e.offset !== undefined) parts.push(`byte ${e.offset}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function formatSourceSummary(s: SourceSummary, maxErrors = 5): string {
  const lines: string[] = [];
  const status = s.duplicate ? 'ALREADY IMPORTED' : s.errors.length ? 'WITH ERRORS' : 'OK';
  lines.push(`${s.path}  [${status}]`);
  const fmt = s.variant ? `${s.format} (${s.variant})` : s.format;
  const size = s.size !== undefined ? `  size ${formatBytes(s.size)}` : '';
  lines.push(`  format ${fmt}  events ${s.events}  skipped ${s.skipped}${size}`);
  if (s.sha256) lines.push(`  sha256 ${s.sha256}`);
  for (const e of s.errors.slice(0, maxErrors)) lines.push(`  error${where(e)}: ${e.message}`);
  if (s.errors.length > maxErrors)
    lines.push(`  … and ${s.errors.length - maxErrors} more errors (use --json)`);
  return lines.join('\n');
}
