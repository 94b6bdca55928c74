// The Gantt's view in the URL, so a shared link opens the trace as its sender saw it: which
// subtrees are collapsed, the zoom window and the find text (Jaeger UI keeps the last as `uiFind`).
// Collapsed spans are written as a difference from the last "collapse to depth" choice (`depth`),
// not as a list: collapsing a 100,000-span trace to depth 2 would otherwise put thousands of ids
// in the link.

import type { SpanTree } from '../layout/spanTree';
import { collapseToDepth } from '../layout/visibleRows';
import type { TraceViewSearch } from '../traceViewSearch';
import { clampWindow, isWholeTrace, type ViewWindow } from './viewWindow';

/** What the Gantt reads from and writes to the URL (traceViewSearch.ts describes each). */
export type GanttSearch = Pick<TraceViewSearch, 'depth' | 'toggle' | 'zoom' | 'find'>;

/** No collapse when there is no depth: every span expanded. */
export function baseCollapsed(tree: SpanTree, depth: number | undefined): Uint8Array {
  return depth === undefined ? new Uint8Array(tree.spans.length) : collapseToDepth(tree, depth);
}

/** Ids that are not in this trace, or name a span without children, are ignored. */
export function collapsedFromSearch(tree: SpanTree, search: Pick<GanttSearch, 'depth' | 'toggle'>): Uint8Array {
  const collapsed = baseCollapsed(tree, search.depth);
  for (const id of search.toggle?.split(',') ?? []) {
    const node = id ? tree.nodeOfSpanId(id.trim().toLowerCase()) : undefined;
    if (node !== undefined && tree.childCount[node] > 0) collapsed[node] ^= 1;
  }
  return collapsed;
}

/** The `toggle` that, read against `base`, gives `collapsed` (undefined when there is none). */
export function toggleSearch(tree: SpanTree, collapsed: Uint8Array, base: Uint8Array): string | undefined {
  const ids: string[] = [];
  for (let node = 0; node < collapsed.length; node++) {
    if (collapsed[node] !== base[node] && tree.childCount[node] > 0) ids.push(tree.spans[node].spanId);
  }
  return ids.length ? ids.join(',') : undefined;
}

/** The whole trace for a missing or unreadable window. */
export function viewFromSearch(zoom: string | undefined, durationUs: number): ViewWindow {
  const whole = { startUs: 0, endUs: durationUs };
  const match = zoom ? /^\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*$/.exec(zoom) : null;
  if (!match) return whole;
  const startUs = Number(match[1]) * 1000;
  const endUs = Number(match[2]) * 1000;
  return endUs > startUs ? clampWindow({ startUs, endUs }, durationUs) : whole;
}

/** µs precision, without trailing zeros; undefined for the whole trace. */
export function zoomSearch(view: ViewWindow, durationUs: number): string | undefined {
  if (isWholeTrace(view, durationUs)) return undefined;
  const ms = (us: number) => String(Math.round(us) / 1000);
  return `${ms(view.startUs)},${ms(view.endUs)}`;
}
