// How much of a trace has arrived, for the loading message: a 100,000-span trace is 35 MB and
// takes a second or more, which should not look like a hang. Kept outside React Query, which
// knows nothing of progress; the query function writes it (traceQuery.ts), the page reads it.

import { useSyncExternalStore } from 'react';

export interface TraceProgress {
  /** Bytes received. */
  loaded: number;
  /** The body's size when the response said (Content-Length). */
  total?: number;
}

const progress = new Map<string, TraceProgress>();
const listeners = new Set<() => void>();

const key = (uid: string, traceId: string) => `${uid}\n${traceId}`;

/** Undefined clears it (the trace arrived or failed). */
export function setTraceProgress(uid: string, traceId: string, value: TraceProgress | undefined): void {
  if (value) progress.set(key(uid, traceId), value);
  else if (!progress.delete(key(uid, traceId))) return;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTraceProgress(uid: string | undefined, traceId: string): TraceProgress | undefined {
  return useSyncExternalStore(subscribe, () => (uid ? progress.get(key(uid, traceId)) : undefined));
}
