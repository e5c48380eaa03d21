// Exports exactly what a grid shows: its view's rows in their order, with its columns, as CSV or JSON lines.
// The engine gives a chunk at a time, so a million rows never cross as one reply; the chunks become one
// download.
import type { ApiClient } from '../../../../shared/api';
import type { GridView } from '../../../../shared/eventGrid';
import { GRID_LIMITS } from '../../../../shared/eventGrid';
import { downloadFile } from '../downloadFile';

export type ExportFormat = 'csv' | 'jsonl';

export async function exportGrid(
  api: ApiClient,
  view: GridView,
  columns: readonly string[],
  format: ExportFormat,
  progress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<{ filename: string; rows: number } | null> {
  const parts: string[] = [];
  let offset = 0;
  let total = Infinity;
  let filename = `accountscope-events.${format}`;
  let mime = 'text/plain';
  while (offset < total) {
    const chunk = await api.eventGridExport({
      ...view,
      columns: [...columns],
      format,
      offset,
      limit: GRID_LIMITS.exportChunk,
    });
    if (cancelled()) return null;
    parts.push(chunk.content);
    ({ total, filename, mime } = chunk);
    offset += chunk.rows;
    progress(offset, total);
    // A view that shrank under the export (the case changed) ends it rather than looping.
    if (chunk.rows === 0) break;
  }
  downloadFile(filename, mime, parts);
  return { filename, rows: offset };
}
