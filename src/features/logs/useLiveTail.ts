import { useEffect, useRef, useState } from 'react';
import { parseTailFrame, tailUrl } from '../../datasources/loki';
import type { LogLine } from '../../datasources/types';
import { addNs, msToNs } from '../../lib/nanoseconds';
import { appendTailLines, MAX_RECONNECT_ATTEMPTS, reconnectDelayMs, TAIL_BUFFER_LIMIT } from './tailState';

export type TailStatus =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'reconnecting'; attempt: number; delayMs: number }
  | { state: 'stopped'; reason: string };

/** How far back the first connection reaches, so the view is not empty while waiting. */
const INITIAL_LOOKBACK_MS = 60_000;
const INITIAL_LIMIT = 100;

/**
 * Loki's live tail over a WebSocket through the proxy (which checks the Origin and adds the
 * datasource's credentials). Lines land in a bounded buffer; a dropped connection is retried with
 * back-off from just after the last line seen, so nothing is shown twice.
 */
export function useLiveTail(uid: string | undefined, query: string, enabled: boolean) {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [status, setStatus] = useState<TailStatus>({ state: 'connecting' });
  const [dropped, setDropped] = useState(0);
  const [generation, setGeneration] = useState(0);
  const lastNs = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!enabled || !uid || !query) return;
    let socket: WebSocket | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    lastNs.current = undefined;
    setLines([]);
    setDropped(0);

    const connect = () => {
      setStatus({ state: 'connecting' });
      const start = lastNs.current ? addNs(lastNs.current, 1) : msToNs(Date.now() - INITIAL_LOOKBACK_MS);
      socket = new WebSocket(tailUrl(uid, query, start, INITIAL_LIMIT));
      socket.onopen = () => {
        attempt = 0;
        setStatus({ state: 'live' });
      };
      socket.onmessage = (event) => {
        let frame;
        try {
          frame = parseTailFrame(String(event.data));
        } catch {
          return;
        }
        if (frame.droppedEntries.length) setDropped((n) => n + frame.droppedEntries.length);
        if (!frame.lines.length) return;
        lastNs.current = frame.lines[frame.lines.length - 1].timestampNs;
        setLines((prev) => appendTailLines(prev, frame.lines, TAIL_BUFFER_LIMIT));
      };
      socket.onclose = (event) => {
        if (stopped) return;
        // Loki closes with its error text as the reason (a bad query): retrying cannot help.
        if (event.reason) {
          setStatus({ state: 'stopped', reason: `Loki closed the live tail: ${event.reason}` });
          return;
        }
        if (attempt >= MAX_RECONNECT_ATTEMPTS) {
          setStatus({ state: 'stopped', reason: `The connection to Loki (datasource "${uid}") was lost and ${MAX_RECONNECT_ATTEMPTS} attempts to reconnect failed.` });
          return;
        }
        const delayMs = reconnectDelayMs(attempt);
        attempt++;
        setStatus({ state: 'reconnecting', attempt, delayMs });
        timer = setTimeout(connect, delayMs);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [uid, query, enabled, generation]);

  return { lines, status, dropped, retry: () => setGeneration((g) => g + 1) };
}
