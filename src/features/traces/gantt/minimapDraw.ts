// Draws the whole trace, one hairline per span in row order, onto a small canvas. At 100,000
// spans several spans share a pixel row; drawing them all still takes a few milliseconds and
// shows where the time and the errors are.

import type { TraceLayout } from '../layout/traceLayout';

export function drawMinimap(ctx: CanvasRenderingContext2D, layout: TraceLayout, width: number, height: number, errorColor: string): void {
  const { tree } = layout;
  const n = tree.spans.length;
  ctx.clearRect(0, 0, width, height);
  if (n === 0) return;
  const xScale = width / Math.max(tree.durationUs, 1);
  const rowHeight = Math.max(height / n, 1);
  const yScale = n > 1 ? (height - rowHeight) / (n - 1) : 0;
  let lastColor = '';
  for (let node = 0; node < n; node++) {
    const span = tree.spans[node];
    const color = span.status.code === 'error' ? errorColor : (layout.serviceColor.get(span.serviceName) ?? '#888');
    if (color !== lastColor) {
      ctx.fillStyle = color;
      lastColor = color;
    }
    const x = tree.startUs[node] * xScale;
    ctx.fillRect(x, node * yScale, Math.max((tree.endUs[node] - tree.startUs[node]) * xScale, 1), rowHeight);
  }
}
