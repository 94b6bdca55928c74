// The zoom window of the Gantt: the part of the trace (relative µs) the bars span. Kept within
// the trace and never narrower than a microsecond, so bars cannot divide by zero.

export interface ViewWindow {
  startUs: number;
  endUs: number;
}

const MIN_WIDTH_US = 1;

export function clampWindow(w: ViewWindow, durationUs: number): ViewWindow {
  const total = Math.max(durationUs, MIN_WIDTH_US);
  let width = Math.min(Math.max(w.endUs - w.startUs, MIN_WIDTH_US), total);
  let start = Math.min(Math.max(w.startUs, 0), total - width);
  if (!Number.isFinite(start)) start = 0;
  if (!Number.isFinite(width)) width = total;
  return { startUs: start, endUs: start + width };
}

export function panWindow(w: ViewWindow, deltaUs: number, durationUs: number): ViewWindow {
  return clampWindow({ startUs: w.startUs + deltaUs, endUs: w.endUs + deltaUs }, durationUs);
}

/** factor < 1 zooms in around the window's centre. */
export function zoomWindow(w: ViewWindow, factor: number, durationUs: number): ViewWindow {
  const centre = (w.startUs + w.endUs) / 2;
  const half = ((w.endUs - w.startUs) * factor) / 2;
  return clampWindow({ startUs: centre - half, endUs: centre + half }, durationUs);
}

export function isWholeTrace(w: ViewWindow, durationUs: number): boolean {
  return w.startUs <= 0 && w.endUs >= durationUs;
}

/** The narrowest window an edge drag leaves, as a share of the trace. */
const MIN_EDGE_SHARE = 1 / 500;

/** The window with one edge moved to `atUs`; the other edge stays, and the window keeps a minimum width. */
export function moveEdge(view: ViewWindow, edge: 'start' | 'end', atUs: number, durationUs: number): ViewWindow {
  const min = durationUs * MIN_EDGE_SHARE;
  return edge === 'start'
    ? clampWindow({ startUs: Math.max(0, Math.min(atUs, view.endUs - min)), endUs: view.endUs }, durationUs)
    : clampWindow({ startUs: view.startUs, endUs: Math.min(durationUs, Math.max(atUs, view.startUs + min)) }, durationUs);
}
