// Live tail: Loki streams new lines over a WebSocket (`/loki/api/v1/tail`), one JSON frame each.

import { proxyUrl } from '../proxyPath';
import type { Labels, LogLine } from '../types';
import { lokiStreamsToLines } from './parse';
import type { LokiTailFrame } from './types';

/**
 * ws(s):// URL of the tail endpoint behind the proxy. WebSocket needs an absolute URL in older
 * browsers, so it is built from the page's location (passed in for tests).
 */
export function tailUrl(
  uid: string,
  query: string,
  startNs: string,
  limit: number,
  location: Pick<Location, 'protocol' | 'host'> = globalThis.location,
): string {
  const path = proxyUrl(uid, 'loki/api/v1/tail', { query, start: startNs, limit: String(limit) });
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

export interface TailDroppedEntry {
  timestampNs: string;
  labels: Labels;
}

export interface TailFrame {
  /** Oldest first: tail is read as it grows. */
  lines: LogLine[];
  /** Entries Loki skipped because the client fell behind; shown as a gap, not as lines. */
  droppedEntries: TailDroppedEntry[];
}

export function parseTailFrame(frame: string | LokiTailFrame): TailFrame {
  const parsed: LokiTailFrame = typeof frame === 'string' ? JSON.parse(frame) : frame;
  return {
    lines: lokiStreamsToLines(parsed.streams ?? [], 'forward'),
    droppedEntries: (parsed.dropped_entries ?? []).map((d) => ({
      timestampNs: d.timestamp,
      labels: typeof d.labels === 'string' ? parseLabelString(d.labels) : d.labels,
    })),
  };
}

/** `{a="b", c="d\"e"}`: the Prometheus-style label string some Loki versions send here. */
function parseLabelString(text: string): Labels {
  const labels: Labels = {};
  for (const m of text.matchAll(/([A-Za-z_][\w.]*)\s*=\s*"((?:[^"\\]|\\.)*)"/g)) labels[m[1]] = JSON.parse(`"${m[2]}"`);
  return labels;
}
