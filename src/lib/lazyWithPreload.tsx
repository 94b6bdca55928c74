import { lazy, useState, type ComponentType } from 'react';

/**
 * React.lazy plus a preload that, once finished, lets the component render without suspending.
 * A plain lazy component suspends on its first render even when its chunk is already loaded, and
 * React 19 then holds the content back for up to 300 ms (its Suspense reveal throttle): that
 * pause was a third of the time from a chart's data arriving to the chart painted.
 */
export function lazyWithPreload<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined; // a failed chunk load can be retried
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));

  function Preloaded(props: P) {
    // Fixed at mount: switching from Lazy to the loaded component later would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return { Component: Preloaded, preload };
}
