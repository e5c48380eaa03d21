// The rows of a grid view, a page at a time as the list scrolls: pages in view are asked for (the newest
// first, two at a time), kept while the view stays the same, and all dropped when it changes (a filter,
// a sort, the columns) or when the case's data does. An answer to an older view is ignored.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridRow, GridView } from '../../../../shared/eventGrid';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../format/errorText';
import { pagesFor } from './gridRows';

export const PAGE_SIZE = 200;
const KEEP_PAGES = 60;
const IN_FLIGHT = 2;

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

export function useGridRows(view: GridView, columns: readonly string[], enabled = true): GridRows {
  const { api, dataVersion } = useApp();
  const key = JSON.stringify([view, columns, dataVersion]);
  const state = useRef({
    key: '',
    pages: new Map<number, GridRow[]>(),
    pending: new Set<number>(),
    queue: [] as number[],
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
      const page = s.queue.pop()!;
      if (s.pages.has(page) || s.pending.has(page)) continue;
      s.pending.add(page);
      setBusy((n) => n + 1);
      const askedFor = s.key;
      const { view: v, columns: c } = request.current;
      api
        .eventGrid({ ...v, columns: [...c], offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((w) => {
          if (state.current.key !== askedFor) return;
          s.pages.set(page, w.rows);
          // Forget the pages furthest from this one when too many are kept.
          if (s.pages.size > KEEP_PAGES) {
            const far = [...s.pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
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
          s.pending.delete(page);
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
      // The latest wish is served first: pages scrolled past meanwhile are dropped from the queue.
      s.queue = missing.reverse();
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
