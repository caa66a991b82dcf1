import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../auth/auth-context';
import { rememberPosition } from '../api/read-your-writes';
import type { LiveEvent } from '../api/supervision-types';

type Listener = (event: LiveEvent) => void;

interface Live {
  connected: boolean;
  subscribe: (listener: Listener) => () => void;
}

const LiveContext = createContext<Live | null>(null);

/**
 * One EventSource per signed-in tab. EventSource cannot send headers, so the token goes in the
 * query. The browser retries a dropped connection by itself, but gives up on an HTTP error
 * (e.g. 404 before the endpoint exists); then we retry with a growing pause.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { token } = useAuth();
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!token) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pause = 5000;
    let stopped = false;

    const open = () => {
      source = new EventSource(`/api/events/stream?access_token=${encodeURIComponent(token)}`);
      source.onopen = () => {
        pause = 5000;
        setConnected(true);
      };
      source.onmessage = (message: MessageEvent<string>) => {
        let event: LiveEvent;
        try {
          event = JSON.parse(message.data) as LiveEvent;
        } catch {
          return;
        }
        // The read model may lag the event; refetches must wait for it.
        rememberPosition(event.position);
        for (const listener of listeners.current) listener(event);
      };
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retry = setTimeout(open, pause);
          pause = Math.min(pause * 2, 60000);
        }
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      setConnected(false);
    };
  }, [token]);

  const value = useMemo<Live>(
    () => ({
      connected,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [connected],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive outside LiveProvider');
  return value;
}

/**
 * Calls `onChange` when a change arrives that matters to the page: a given suggestion, or any
 * suggestion when `suggestionId` is omitted. Bursts (one command appends several events) are
 * folded into one call.
 */
export function useLiveRefresh(onChange: () => void, suggestionId?: string): void {
  const { subscribe } = useLive();
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe((event) => {
      if (suggestionId && event.suggestionId !== suggestionId) return;
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), 150);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [subscribe, suggestionId]);
}
