// How a story event points at the raw event behind it.
import type { StoryEvent } from '../../../../shared/api.js';
import type { EvidenceRef } from '../../../../shared/report.js';

export function storyRef(e: EvidenceRef | undefined): StoryEvent['ref'] {
  if (!e || !e.table || e.recordNo === undefined) return undefined;
  return { table: e.table, source: e.source, recordNo: e.recordNo };
}
