// Hook: runs one API request when its inputs change and keeps its reply, error
// and loading state; reload() runs it again (e.g. after a live event).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { OkReply, RequestMap, RequestType } from '../lib/messages';
import { api } from './api';

export interface ApiState<T extends RequestType> {
  data: OkReply<T> | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): Promise<void>;
}

/** `req` null means "not yet" (e.g. the tab id is still unknown). */
export function useApi<T extends RequestType>(type: T, req: RequestMap[T]['req'] | null): ApiState<T> {
  const [data, setData] = useState<OkReply<T>>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(req !== null);
  const key = req === null ? null : JSON.stringify(req);
  const latest = useRef(0);

  const run = useCallback(async () => {
    if (key === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const reply = await api(type, JSON.parse(key));
      if (ticket === latest.current) {
        setData(reply);
        setError(undefined);
      }
    } catch (err) {
      if (ticket === latest.current) setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [type, key]);

  useEffect(() => {
    void run();
  }, [run]);

  return { data, error, loading, reload: run };
}
