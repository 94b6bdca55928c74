// The trace view's search params (`/traces/$traceId?...`). Kept apart from the Gantt's code,
// which reads them (gantt/ganttUrl.ts): the router imports this file into the first chunk.

import { searchString } from '../../app/searchParams';

export interface TraceViewSearch {
  ds?: string;
  /** The selected span's id. */
  span?: string;
  /** The last "collapse to depth" choice, 0-based. */
  depth?: number;
  /** Span ids whose collapsed state differs from what `depth` gives, comma-separated. */
  toggle?: string;
  /** Zoom window, ms from the trace's start: `120.5,450`. */
  zoom?: string;
  /** Find-in-trace text. */
  find?: string;
}

export function validateTraceViewSearch(search: Record<string, unknown>): TraceViewSearch {
  const depth = Number(search.depth);
  return {
    ds: searchString(search.ds),
    span: searchString(search.span),
    depth: search.depth !== undefined && search.depth !== '' && Number.isInteger(depth) && depth >= 0 ? depth : undefined,
    toggle: searchString(search.toggle),
    zoom: searchString(search.zoom),
    find: searchString(search.find),
  };
}
