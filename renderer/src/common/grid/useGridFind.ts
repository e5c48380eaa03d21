// Find next / previous in a grid view. The engine answers at once when a match is near; otherwise it reads
// the whole view over several answers and says how far it has got, and this asks again until it is done,
// showing the progress. A new search (or a new view) abandons the one going on.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridView } from '../../../../shared/eventGrid';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../format/errorText';
import { formatCount } from '../../format/formatNumbers';

export interface FindState {
  text: string;
  regex: boolean;
  status: string;
  busy: boolean;
  failed: boolean;
}

export function useGridFind(view: GridView, onFound: (row: number) => void) {
  const { api } = useApp();
  const [text, setText] = useState('');
  const [regex, setRegex] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = useRef(0);
  const viewKey = JSON.stringify(view);

  // A new view or search text starts over.
  useEffect(() => {
    run.current++;
    setBusy(false);
    setStatus('');
    setFailed(false);
  }, [viewKey, text, regex]);

  const go = useCallback(
    async (from: number, direction: 'next' | 'prev') => {
      if (text.length === 0) return;
      const mine = ++run.current;
      setBusy(true);
      setFailed(false);
      setStatus('Searching…');
      try {
        for (;;) {
          const r = await api.eventGridFind({ ...view, text, regex, from, direction });
          if (run.current !== mine) return;
          if (r.progress !== undefined) {
            setStatus(`Searching every event… ${Math.round(r.progress * 100)}%`);
            continue;
          }
          if (r.row === null) {
            setStatus('No match');
            setFailed(true);
          } else {
            const count = r.matches !== undefined ? ` · ${formatCount(r.matches)} matching` : '';
            setStatus(
              `Row ${formatCount(r.row + 1)}${count}${r.wrapped ? ' · went on from the other end' : ''}`,
            );
            onFound(r.row);
          }
          return;
        }
      } catch (e) {
        if (run.current !== mine) return;
        setStatus(errorText(e));
        setFailed(true);
      } finally {
        if (run.current === mine) setBusy(false);
      }
    },
    [api, view, text, regex, onFound],
  );

  const find: FindState = { text, regex, status, busy, failed };
  return { find, setText, setRegex, go };
}
