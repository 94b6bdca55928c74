// The whole trace in miniature, one hairline per span in row order. Spans are written straight
// into a pixel buffer (TypedArray.fill per span) and put on the canvas once: 100,000 fillRect
// calls took about 100 ms in software-rendered Chromium, the buffer a few ms.

import type { TraceLayout } from '../layout/traceLayout';

/** '#rrggbb' to a little-endian RGBA pixel (ImageData's byte order on every platform we target). */
export function hexToPixel(hex: string, fallback = '#888888'): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim()) ?? /^#([0-9a-f]{6})$/i.exec(fallback)!;
  const v = parseInt(m[1], 16);
  return ((0xff << 24) | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff)) >>> 0;
}

/** Pixels (width x height, row-major) with each span's bar; transparent elsewhere. */
export function rasterizeMinimap(layout: TraceLayout, width: number, height: number, errorColor: string): Uint32Array {
  const pixels = new Uint32Array(width * height);
  const { tree } = layout;
  const n = tree.spans.length;
  if (n === 0 || width === 0 || height === 0) return pixels;
  const xScale = width / Math.max(tree.durationUs, 1);
  const rowsPerSpan = Math.max(1, Math.floor(height / n));
  const yScale = n > 1 ? (height - rowsPerSpan) / (n - 1) : 0;
  const colors = new Map<string, number>();
  for (const s of layout.services) colors.set(s.name, hexToPixel(s.color));
  const error = hexToPixel(errorColor, '#e24d42');
  for (let node = 0; node < n; node++) {
    const span = tree.spans[node];
    const color = span.status.code === 'error' ? error : (colors.get(span.serviceName) ?? 0xff888888);
    const x0 = Math.min(width - 1, Math.floor(tree.startUs[node] * xScale));
    const x1 = Math.min(width, Math.max(x0 + 1, Math.ceil(tree.endUs[node] * xScale)));
    const y0 = Math.round(node * yScale);
    for (let y = y0; y < y0 + rowsPerSpan && y < height; y++) pixels.fill(color, y * width + x0, y * width + x1);
  }
  return pixels;
}

export function drawMinimap(ctx: CanvasRenderingContext2D, layout: TraceLayout, width: number, height: number, errorColor: string): void {
  const image = ctx.createImageData(width, height);
  new Uint32Array(image.data.buffer).set(rasterizeMinimap(layout, width, height, errorColor));
  ctx.putImageData(image, 0, 0);
}
