// Loads one thing through the API and re-loads it when its inputs or the case's data change. Stale answers
// (a slower earlier request finishing after a newer one) are dropped, so a fast typist sees the last query.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import { errorText } from '../format/errorText';
import { useApp } from './AppContext';

export interface ApiQuery<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/** `key` must change whenever the request changes; `load` is read fresh on each run. */
export function useApiQuery<T>(
  key: string,
  load: (api: ApiClient) => Promise<T>,
  enabled = true,
): ApiQuery<T> {
  const { api, dataVersion } = useApp();
  const [data, setData] = useState<T>();
  // Which request the data on screen answers: until it matches the current key, the data is stale.
  const [loadedKey, setLoadedKey] = useState<string>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(enabled);
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    let current = true;
    setLoading(true);
    loadRef
      .current(api)
      .then((value) => {
        if (!current) return;
        setData(value);
        setLoadedKey(key);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (!current) return;
        setError(errorText(e));
        setLoadedKey(key);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [api, key, dataVersion, nonce, enabled]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading: enabled && (loading || loadedKey !== key), reload };
}
