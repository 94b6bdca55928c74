import { useRef, useState, type PointerEvent } from 'react';
import type { ResolvedRange } from '../../lib/timeRange';
import { pixelToTime } from '../../lib/timeZoom';

export interface PlotInsets {
  left: number;
  right: number;
}

/**
 * Drag across a chart to pick a time window (Grafana's zoom). Pointer events bubble up from the
 * SVG to the wrapper, so Recharts' own hover (the tooltip) keeps working underneath.
 */
export function useDragZoom(domain: ResolvedRange | undefined, insets: PlotInsets, onSelect: ((fromMs: number, toMs: number) => void) | undefined) {
  const start = useRef<number | null>(null);
  const [selection, setSelection] = useState<{ left: number; width: number } | null>(null);

  const plot = (el: HTMLElement) => {
    const rect = el.getBoundingClientRect();
    return { rect, left: insets.left, width: rect.width - insets.left - insets.right };
  };
  const clampX = (x: number, left: number, width: number) => Math.min(left + width, Math.max(left, x));

  if (!domain || !onSelect) return { handlers: {}, selection: null };
  const handlers = {
    onPointerDown: (e: PointerEvent<HTMLElement>) => {
      if (e.button !== 0) return;
      const { rect, left, width } = plot(e.currentTarget);
      start.current = clampX(e.clientX - rect.left, left, width);
      e.currentTarget.setPointerCapture?.(e.pointerId);
    },
    onPointerMove: (e: PointerEvent<HTMLElement>) => {
      if (start.current === null) return;
      const { rect, left, width } = plot(e.currentTarget);
      const x = clampX(e.clientX - rect.left, left, width);
      setSelection({ left: Math.min(x, start.current), width: Math.abs(x - start.current) });
    },
    onPointerUp: (e: PointerEvent<HTMLElement>) => {
      if (start.current === null) return;
      const { rect, left, width } = plot(e.currentTarget);
      const x = clampX(e.clientX - rect.left, left, width);
      const a = pixelToTime(start.current, left, width, domain);
      const b = pixelToTime(x, left, width, domain);
      start.current = null;
      setSelection(null);
      if (b !== a) onSelect(Math.min(a, b), Math.max(a, b));
    },
    onPointerCancel: () => {
      start.current = null;
      setSelection(null);
    },
  };
  return { handlers, selection };
}
