// The rows of a grid view, a page at a time as the list scrolls: pages in view are asked for (the newest
// first, two at a time), kept while the view stays the same, and all dropped when it changes (a filter,
// a sort, the columns) or when the case's data does (or `refresh`, what else the scope reads: the
// bookmarks). An answer to an older view is ignored.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridRow, GridView } from '../../../../shared/eventGrid';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../format/errorText';
import { pagesFor } from './gridRows';

export const PAGE_SIZE = 200;
const KEEP_PAGES = 60;
const IN_FLIGHT = 2;
/** Pages asked for in one request at most (the API's window is 1,000 rows). */
const RUN_PAGES = 4;

export interface GridRows {
  /** Rows in the view, once the engine has said. */
  total: number | null;
  row(index: number): GridRow | undefined;
  /** Asks for the rows first…last (rows of the view, not lines of a grouped list). */
  want(first: number, last: number): void;
  loading: boolean;
  error: string | undefined;
  /** Changes whenever rows arrive, so a list drawing them re-renders. */
  version: number;
}

export function useGridRows(
  view: GridView,
  columns: readonly string[],
  enabled = true,
  refresh = 0,
): GridRows {
  const { api, dataVersion } = useApp();
  const key = JSON.stringify([view, columns, dataVersion, refresh]);
  const state = useRef({
    key: '',
    pages: new Map<number, GridRow[]>(),
    pending: new Set<number>(),
    /** Runs of consecutive missing pages, each asked for in one request; the last is served first. */
    queue: [] as number[][],
  });
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(0);
  const request = useRef({ view, columns });
  request.current = { view, columns };

  const pump = useCallback(() => {
    const s = state.current;
    while (s.pending.size < IN_FLIGHT && s.queue.length > 0) {
      const run = s.queue.pop()!.filter((p) => !s.pages.has(p) && !s.pending.has(p));
      if (run.length === 0) continue;
      const marker = run[0]!;
      for (const p of run) s.pending.add(p);
      setBusy((n) => n + 1);
      const askedFor = s.key;
      const { view: v, columns: c } = request.current;
      api
        .eventGrid({ ...v, columns: [...c], offset: marker * PAGE_SIZE, limit: run.length * PAGE_SIZE })
        .then((w) => {
          if (state.current.key !== askedFor) return;
          run.forEach((p, i) => s.pages.set(p, w.rows.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE)));
          // Forget the pages furthest from these when too many are kept.
          if (s.pages.size > KEEP_PAGES) {
            const far = [...s.pages.keys()].sort((a, b) => Math.abs(b - marker) - Math.abs(a - marker));
            for (const p of far.slice(0, s.pages.size - KEEP_PAGES)) s.pages.delete(p);
          }
          setTotal(w.total);
          setError(undefined);
          setVersion((n) => n + 1);
        })
        .catch((e: unknown) => {
          if (state.current.key === askedFor) setError(errorText(e));
        })
        .finally(() => {
          if (state.current.key !== askedFor) return;
          for (const p of run) s.pending.delete(p);
          setBusy((n) => n - 1);
          pump();
        });
    }
  }, [api]);

  const want = useCallback(
    (first: number, last: number) => {
      const s = state.current;
      const missing = pagesFor(first, last, PAGE_SIZE).filter((p) => !s.pages.has(p) && !s.pending.has(p));
      if (missing.length === 0) return;
      // Consecutive pages in one request (the engine answers one window faster than two), at most
      // RUN_PAGES of them. The latest wish replaces the queue: pages scrolled past are not asked for.
      const runs: number[][] = [];
      for (const p of missing) {
        const last = runs[runs.length - 1];
        if (last && p === last[last.length - 1]! + 1 && last.length < RUN_PAGES) last.push(p);
        else runs.push([p]);
      }
      s.queue = runs.reverse();
      pump();
    },
    [pump],
  );

  useEffect(() => {
    state.current = { key, pages: new Map(), pending: new Set(), queue: [] };
    setTotal(null);
    setError(undefined);
    setBusy(0);
    setVersion((n) => n + 1);
    if (enabled) want(0, PAGE_SIZE - 1);
  }, [key, enabled, want]);

  const row = useCallback((index: number) => {
    const page = state.current.pages.get(Math.floor(index / PAGE_SIZE));
    return page?.[index % PAGE_SIZE];
  }, []);

  return { total, row, want, loading: busy > 0 || (enabled && total === null && !error), error, version };
}
