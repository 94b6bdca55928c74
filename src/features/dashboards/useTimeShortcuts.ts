import { useEffect } from 'react';

export interface TimeShortcuts {
  zoomOut: () => void;
  shiftEarlier: () => void;
  shiftLater: () => void;
}

function typingInto(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)));
}

/** Grafana's time shortcuts: `t` then `z` zooms out, `t` then ← / → shifts the range. */
export function useTimeShortcuts(actions: TimeShortcuts) {
  useEffect(() => {
    let armedUntil = 0;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      if (e.key === 't') {
        armedUntil = Date.now() + 1500;
        return;
      }
      if (Date.now() > armedUntil) return;
      armedUntil = 0;
      if (e.key === 'z') actions.zoomOut();
      else if (e.key === 'ArrowLeft') actions.shiftEarlier();
      else if (e.key === 'ArrowRight') actions.shiftLater();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [actions]);
}
