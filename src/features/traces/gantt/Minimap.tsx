import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatDurationUs } from '../layout/format';
import type { TraceLayout } from '../layout/traceLayout';
import { drawMinimap } from './minimapDraw';
import { clampWindow, isWholeTrace, moveEdge, panWindow, zoomWindow, type ViewWindow } from './viewWindow';

const HEIGHT = 56;

interface MinimapProps {
  layout: TraceLayout;
  view: ViewWindow;
  onChange: (view: ViewWindow) => void;
}

type Drag =
  | { kind: 'select'; originUs: number }
  | { kind: 'pan'; originX: number; origin: ViewWindow }
  | { kind: 'edge'; edge: 'start' | 'end'; origin: ViewWindow };


/**
 * The whole trace in miniature with the zoom window over it: drag across it to choose a window,
 * drag the window to pan it, drag its edges to resize it; with the keyboard, arrows pan and +/- zoom.
 */
export function Minimap({ layout, view, onChange }: MinimapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [draft, setDraft] = useState<ViewWindow | null>(null);
  const duration = layout.tree.durationUs;

  useEffect(() => {
    const element = box.current!;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!c || width === 0) return;
    // Drawn after the frame that shows the first rows, once the browser is idle (at 100,000 spans
    // the drawing takes tens of ms: rows, then tasks already queued, such as input, come first).
    let idle: () => void = () => undefined;
    const frame = requestAnimationFrame(() => {
      idle = whenIdle(() => {
        // Device pixels: the buffer is written pixel by pixel, not scaled.
        const ratio = window.devicePixelRatio || 1;
        c.width = Math.round(width * ratio);
        c.height = Math.round(HEIGHT * ratio);
        const ctx = c.getContext('2d');
        if (!ctx) return;
        const errorColor = getComputedStyle(c).getPropertyValue('--error').trim() || '#e24d42';
        drawMinimap(ctx, layout, c.width, c.height, errorColor);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      idle();
    };
  }, [layout, width]);

  const usAt = (clientX: number) => {
    const rect = box.current!.getBoundingClientRect();
    return ((clientX - rect.left) / Math.max(rect.width, 1)) * duration;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const target = event.target as HTMLElement;
    const edge = target.dataset.edge;
    if (edge === 'start' || edge === 'end') return setDrag({ kind: 'edge', edge, origin: view });
    // The window can only be panned once zoomed; over the whole trace, a drag chooses a window.
    const onWindow = target.classList.contains('minimap-window') && !isWholeTrace(view, duration);
    setDrag(onWindow ? { kind: 'pan', originX: event.clientX, origin: view } : { kind: 'select', originUs: usAt(event.clientX) });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    if (drag.kind === 'pan') {
      const rect = box.current!.getBoundingClientRect();
      const delta = ((event.clientX - drag.originX) / Math.max(rect.width, 1)) * duration;
      onChange(panWindow(drag.origin, delta, duration));
    } else if (drag.kind === 'edge') {
      onChange(moveEdge(drag.origin, drag.edge, usAt(event.clientX), duration));
    } else {
      const at = usAt(event.clientX);
      setDraft(clampWindow({ startUs: Math.min(at, drag.originUs), endUs: Math.max(at, drag.originUs) }, duration));
    }
  };
  const onPointerUp = () => {
    // A click without a drag selects nothing: the window stays as it was.
    if (drag?.kind === 'select' && draft && draft.endUs - draft.startUs > duration / 500) onChange(draft);
    setDrag(null);
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const width = view.endUs - view.startUs;
    const next =
      event.key === 'ArrowLeft' ? panWindow(view, -width / 10, duration)
      : event.key === 'ArrowRight' ? panWindow(view, width / 10, duration)
      : event.key === '+' || event.key === '=' ? zoomWindow(view, 0.5, duration)
      : event.key === '-' ? zoomWindow(view, 2, duration)
      : null;
    if (next) {
      event.preventDefault();
      onChange(next);
    }
  };

  const shown = draft ?? view;
  const left = (shown.startUs / Math.max(duration, 1)) * 100;
  const right = (shown.endUs / Math.max(duration, 1)) * 100;
  return (
    <div className="minimap-row">
      <div
        ref={box}
        className="minimap"
        style={{ height: HEIGHT }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <canvas ref={canvas} style={{ width: '100%', height: HEIGHT }} aria-hidden="true" />
        <div className="minimap-shade" style={{ left: 0, width: `${left}%` }} />
        <div className="minimap-shade" style={{ left: `${right}%`, right: 0 }} />
        <div
          className="minimap-window"
          role="slider"
          tabIndex={0}
          aria-label="Zoom window (arrows pan, + and - zoom)"
          aria-valuemin={0}
          aria-valuemax={Math.round(duration)}
          aria-valuenow={Math.round(view.startUs)}
          aria-valuetext={`${formatDurationUs(view.startUs)} to ${formatDurationUs(view.endUs)}`}
          style={{ left: `${left}%`, width: `${Math.max(right - left, 0.3)}%` }}
          onKeyDown={onKeyDown}
        />
        {/* Pointer-only grips: the keyboard resizes the window with + and -. */}
        <div className="minimap-edge" data-edge="start" style={{ left: `${left}%` }} aria-hidden="true" title="Drag to move the window's start" />
        <div className="minimap-edge" data-edge="end" style={{ left: `${right}%` }} aria-hidden="true" title="Drag to move the window's end" />
      </div>
      <button type="button" onClick={() => onChange({ startUs: 0, endUs: duration })} disabled={isWholeTrace(view, duration)}>
        Reset zoom
      </button>
    </div>
  );
}

/** Runs `work` when the browser is idle (at most 200 ms later); a timer where there is no requestIdleCallback (Safari). Gives the cancel. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  const timer = window.setTimeout(work);
  return () => clearTimeout(timer);
}
