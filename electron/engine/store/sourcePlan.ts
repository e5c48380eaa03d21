// Which copy of each evidence file a merged case keeps, and the ids its files get.
//
// A file is its SHA-256. Of all the cases holding a file, its rows come from one: the first case (in the
// order named) that imported it, or, when none did (it was refused or empty everywhere), the first that
// holds it at all. That case's rows for the file are kept as they are (a refusal recorded before a
// later successful import of the same file stays beside it); every other case's rows for it are left
// out, events included: the same file gives the same records.
//
// New ids: each case's kept sources keep their own id plus an offset (the largest id of the cases
// before it), so a row's new source_id is `source_id + offset` and the copy needs no join. Ids then
// have gaps where duplicates were left out, which nothing depends on.

export interface CaseSource {
  /** Which case (its position in the merge). */
  input: number;
  sourceId: number;
  sha256: string;
  name: string;
  /** It was imported (not refused, not an empty file): store/sources.ts findSourceByHash's rule. */
  imported: boolean;
  events: number;
}

export interface SourcePlan {
  /** Per case: added to each kept source id. */
  offsets: number[];
  /** Per case: the source ids left out (another case's copy of the file is kept). */
  dropped: number[][];
  /** Every source of every case → its id in the merged case (a left-out copy → the kept copy's id). */
  ids: Array<{ input: number; oldId: number; newId: number }>;
  kept: number;
  duplicates: Array<{
    sha256: string;
    name: string;
    keptFrom: number;
    alsoIn: number[];
    /** Every case that imported it read the same number of records. */
    sameCounts: boolean;
  }>;
}

export function planSources(sources: readonly CaseSource[], cases: number): SourcePlan {
  const bySha = new Map<string, CaseSource[]>();
  for (const s of [...sources].sort((a, b) => a.input - b.input || a.sourceId - b.sourceId)) {
    const list = bySha.get(s.sha256) ?? [];
    list.push(s);
    bySha.set(s.sha256, list);
  }
  const offsets: number[] = [];
  let offset = 0;
  for (let i = 0; i < cases; i++) {
    offsets.push(offset);
    offset += Math.max(0, ...sources.filter((s) => s.input === i).map((s) => s.sourceId));
  }
  const dropped: number[][] = Array.from({ length: cases }, () => []);
  const ids: SourcePlan['ids'] = [];
  const duplicates: SourcePlan['duplicates'] = [];
  let kept = 0;
  for (const [sha256, copies] of bySha) {
    const keeper = copies.find((s) => s.imported) ?? copies[0]!;
    const keptRows = copies.filter((s) => s.input === keeper.input);
    const keptId = keeper.sourceId + offsets[keeper.input]!;
    kept += keptRows.length;
    for (const s of copies) {
      if (s.input === keeper.input)
        ids.push({ input: s.input, oldId: s.sourceId, newId: s.sourceId + offsets[s.input]! });
      else {
        dropped[s.input]!.push(s.sourceId);
        ids.push({ input: s.input, oldId: s.sourceId, newId: keptId });
      }
    }
    const others = [...new Set(copies.map((s) => s.input))].filter((i) => i !== keeper.input);
    if (others.length > 0) {
      const counts = new Set(copies.filter((s) => s.imported).map((s) => s.events));
      duplicates.push({
        sha256,
        name: keeper.name,
        keptFrom: keeper.input,
        alsoIn: others,
        sameCounts: counts.size <= 1,
      });
    }
  }
  ids.sort((a, b) => a.input - b.input || a.oldId - b.oldId);
  return { offsets, dropped, ids, kept, duplicates };
}
