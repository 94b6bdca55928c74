import { ROOT_CONTEXT, type Span, type Tracer } from '@opentelemetry/api';
import { TRACE_PARENT_HEADER } from '@opentelemetry/core';
import type { AnyRouter } from '@tanstack/react-router';
import { parentContext, rememberCause } from './cause';

type NavigationEvent = { fromLocation?: { pathname: string }; toLocation: { pathname: string }; pathChanged: boolean };

// The new view renders, and starts its queries, before the router reports the navigation
// resolved: a navigation is the cause of what starts while it is in flight, and for a short
// while after (cause.ts).
const IN_FLIGHT_WINDOW_MS = 30_000;

/**
 * One span per route navigation, from the router's `onBeforeNavigate` to `onResolved` (route
 * matched, its code and loaders done), named by route (`navigation /traces/$traceId`, so trace
 * ids in paths don't make every name unique). Queries the new view starts meanwhile or just
 * after become its children.
 *
 * The first navigation is the page load: its span starts when the browser began loading the
 * page, and it is announced in `<meta name="traceparent">`, which the document-load
 * instrumentation reads, so `documentLoad` and its resource spans land in the same trace:
 * page load → documentLoad, and page load → the view's queries → fetch → proxy → backend.
 * Call before registering the document-load instrumentation and before the router's first load.
 */
export function traceNavigations(router: AnyRouter, tracer: Tracer): () => void {
  let current: { span: Span; initial: boolean } | undefined = startPageLoad(tracer);

  const offBefore = router.subscribe('onBeforeNavigate', (event: NavigationEvent) => {
    if (current?.initial && !event.fromLocation) return;
    if (current) finish({ 'sightline.navigation.superseded': 'true' });
    const span = tracer.startSpan('navigation', { attributes: navigationAttributes(event) }, parentContext(['action']));
    current = { span, initial: false };
    rememberCause(span, 'navigation', IN_FLIGHT_WINDOW_MS);
  });
  const offResolved = router.subscribe('onResolved', (event: NavigationEvent) => {
    if (current?.initial) current.span.setAttributes(navigationAttributes(event));
    finish({});
  });

  function finish(attributes: Record<string, string>) {
    if (!current) return;
    const { span, initial } = current;
    current = undefined;
    const route = router.state.matches.at(-1)?.fullPath ?? 'unknown';
    span.updateName(`${initial ? 'page load' : 'navigation'} ${route}`);
    span.setAttributes({ ...attributes, 'sightline.route': route });
    span.end();
    // A superseded navigation caused nothing: the one replacing it will.
    if (!attributes['sightline.navigation.superseded']) rememberCause(span, 'navigation');
  }

  return () => {
    offBefore();
    offResolved();
  };
}

function startPageLoad(tracer: Tracer): { span: Span; initial: true } {
  // performance.timeOrigin: when the browser started navigating to this page.
  const span = tracer.startSpan('page load', { root: true, startTime: performance.timeOrigin, attributes: { 'sightline.navigation.initial': 'true' } }, ROOT_CONTEXT);
  const { traceId, spanId, traceFlags } = span.spanContext();
  const meta = document.createElement('meta');
  meta.name = TRACE_PARENT_HEADER;
  meta.content = `00-${traceId}-${spanId}-0${traceFlags & 1}`;
  document.head.append(meta);
  rememberCause(span, 'navigation', IN_FLIGHT_WINDOW_MS);
  return { span, initial: true };
}

function navigationAttributes(event: NavigationEvent): Record<string, string> {
  return {
    'url.path': event.toLocation.pathname,
    ...(event.fromLocation ? { 'sightline.navigation.from': event.fromLocation.pathname } : {}),
    'sightline.navigation.path_changed': String(event.pathChanged),
  };
}

