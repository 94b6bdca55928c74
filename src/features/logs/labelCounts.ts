// Value counts for the label browser. Loki 2.9 keeps `/index/volume` off by default (404), so
// the portable answer is `/series`: how many streams carry each value of a label.

import { fetchJson } from '../../datasources/http';
import { series } from '../../datasources/loki';
import { DatasourceError, type Labels } from '../../datasources/types';
import { msToNs } from '../../lib/nanoseconds';

export function streamCountsByValue(streams: Labels[], label: string): Array<{ value: string; streams: number }> {
  const counts = new Map<string, number>();
  for (const s of streams) {
    const v = s[label];
    if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([value, streams]) => ({ value, streams }));
}

export interface LabelValueCount {
  value: string;
  /** Streams carrying the value (from /series). */
  streams?: number;
  /** Bytes ingested for the value in the range (from /index/volume, where enabled). */
  bytes?: number;
}

interface VolumeResponse {
  status: string;
  data?: { result?: Array<{ metric: Labels; value: [number, string] }> };
}

/** `/index/volume` aggregated by one label, as Loki 3 (or 2.9 with volume_enabled) answers it. */
export function volumeByValue(body: VolumeResponse, label: string): LabelValueCount[] {
  return (body.data?.result ?? [])
    .filter((r) => r.metric[label] !== undefined)
    .map((r) => ({ value: r.metric[label], bytes: Number(r.value[1]) }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

/** Datasources whose Loki answered 404 for the volume API: not asked again in this page's life. */
const volumeUnavailable = new Set<string>();

/** Counts for a label's values: byte volume where Loki has the API on, stream counts otherwise. */
export async function labelValueCounts(uid: string, label: string, startMs: number, endMs: number, signal?: AbortSignal): Promise<LabelValueCount[]> {
  const selector = `{${label}=~".+"}`;
  if (!volumeUnavailable.has(uid)) {
    try {
      const params = { query: selector, start: msToNs(startMs), end: msToNs(endMs), targetLabels: label, aggregateBy: 'labels' };
      return volumeByValue(await fetchJson<VolumeResponse>({ uid, signal }, 'loki/api/v1/index/volume', { params }), label);
    } catch (error) {
      if (!(error instanceof DatasourceError && (error.status === 404 || error.status === 400))) throw error;
      volumeUnavailable.add(uid);
    }
  }
  return streamCountsByValue(await series(uid, selector, { start: startMs, end: endMs }, signal), label);
}
