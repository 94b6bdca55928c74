// Zooming and shifting a time range as Grafana does (drag to zoom, `t z` zoom out, `t ←`/`t →` shift).
// Results are absolute epoch-ms strings: a zoomed range is a fixed window, and the URL says so.

import type { ResolvedRange, TimeRange } from './timeRange';

const MIN_SPAN_MS = 1000;

function absolute(fromMs: number, toMs: number): TimeRange {
  return { from: String(Math.round(fromMs)), to: String(Math.round(toMs)) };
}

/** The range between two points picked on a chart (in either order); null when too narrow to mean anything. */
export function zoomToSelection(aMs: number, bMs: number): TimeRange | null {
  const fromMs = Math.min(aMs, bMs);
  const toMs = Math.max(aMs, bMs);
  if (toMs - fromMs < MIN_SPAN_MS) return null;
  return absolute(fromMs, toMs);
}

/** Twice as wide around the same centre (Grafana's zoom out), never past now. */
export function zoomOut({ fromMs, toMs }: ResolvedRange, nowMs: number, factor = 2): TimeRange {
  const span = toMs - fromMs;
  const centre = fromMs + span / 2;
  let to = centre + (span * factor) / 2;
  let from = centre - (span * factor) / 2;
  if (to > nowMs) {
    from -= to - nowMs;
    to = nowMs;
  }
  return absolute(from, Math.max(to, from + MIN_SPAN_MS));
}

/** Moves the window by half its width: -1 earlier, +1 later. */
export function shiftRange({ fromMs, toMs }: ResolvedRange, direction: -1 | 1): TimeRange {
  const delta = ((toMs - fromMs) / 2) * direction;
  return absolute(fromMs + delta, toMs + delta);
}

/** Maps a pixel offset across a plot area to a time, clamped to the range drawn. */
export function pixelToTime(x: number, plotLeft: number, plotWidth: number, range: ResolvedRange): number {
  const fraction = Math.min(1, Math.max(0, (x - plotLeft) / Math.max(1, plotWidth)));
  return range.fromMs + fraction * (range.toMs - range.fromMs);
}
