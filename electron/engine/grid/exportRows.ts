// The grid's export: exactly the rows and columns shown, a chunk at a time (the page asks for the next
// chunk until it has them all, so a million rows never travel as one reply). CSV has a header line in its
// first chunk and neutralises cells a spreadsheet would run as a formula (evidence is attacker-written);
// JSON lines have one object per event, keyed by column id, times in ISO 8601 UTC.
import {
  gridColumnSpec,
  type GridExportChunk,
  type GridRow,
  type GridScope,
} from '../../../shared/eventGrid.js';
import { csvCell } from '../report/csvReport.js';
import type { ResolvedColumn } from './columns.js';

function label(id: string): string {
  const spec = gridColumnSpec(id);
  if (!spec) return id;
  return spec.kind === 'time' ? `${spec.label} (UTC)` : spec.label;
}

function scopeName(scope: GridScope): string {
  const words = (() => {
    switch (scope.kind) {
      case 'case':
        return 'case';
      case 'coverage':
        return `${scope.host}-${scope.telemetry}`;
      case 'finding':
        return `finding-${scope.findingId}`;
      case 'account':
        return `account-${scope.key}`;
      case 'entity':
        return `${scope.entity}-${scope.key}`;
      case 'bookmarks':
        return 'bookmarks';
    }
  })();
  return words.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
}

export function exportChunk(
  req: { scope: GridScope; format: 'csv' | 'jsonl'; offset: number },
  columns: readonly ResolvedColumn[],
  rows: readonly GridRow[],
  total: number,
): GridExportChunk {
  const lines: string[] = [];
  if (req.format === 'csv') {
    if (req.offset === 0) lines.push(columns.map((c) => csvCell(label(c.id))).join(','));
    for (const row of rows)
      lines.push(
        row.cells.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : csvCell(v))).join(','),
      );
  } else {
    for (const row of rows)
      lines.push(JSON.stringify(Object.fromEntries(columns.map((c, i) => [c.id, row.cells[i]]))));
  }
  const eol = req.format === 'csv' ? '\r\n' : '\n';
  return {
    content: lines.length ? lines.join(eol) + eol : '',
    rows: rows.length,
    total,
    filename: `accountscope-events-${scopeName(req.scope)}.${req.format === 'csv' ? 'csv' : 'jsonl'}`,
    mime: req.format === 'csv' ? 'text/csv' : 'application/x-ndjson',
  };
}
