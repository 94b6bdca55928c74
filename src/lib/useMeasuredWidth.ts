import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Width of an element in CSS pixels, or null until it has been measured. Charts wait for it:
 * drawing once at a guessed width and again at the real one doubles the most expensive render.
 */
export function useMeasuredWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || null);
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width) || null));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
