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
