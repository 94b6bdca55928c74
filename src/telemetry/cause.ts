import { context, ROOT_CONTEXT, trace, type Context, type Span } from '@opentelemetry/api';

// Without zone.js nothing carries a click's or a navigation's context into the work it
// triggers: React Query runs the query later, from an effect. So the last navigation or user
// action is remembered for a short window, and spans started in that window become its
// children. An auto-refresh long after it starts a trace of its own.
const CAUSE_WINDOW_MS = 3000;

/** A user action can cause a navigation; a navigation causes queries, but not the next navigation (that is the user's doing). */
export type CauseKind = 'action' | 'navigation';

let cause: { context: Context; until: number; kind: CauseKind } | undefined;

/** Makes `span` the parent of spans started in the next `windowMs` with no active span of their own. */
export function rememberCause(span: Span, kind: CauseKind, windowMs = CAUSE_WINDOW_MS): void {
  cause = { context: trace.setSpan(ROOT_CONTEXT, span), until: performance.now() + windowMs, kind };
}

/**
 * The active context when it holds a span; otherwise the recent cause's, if it is of a kind in
 * `kinds`; otherwise the (empty) active one.
 */
export function parentContext(kinds: CauseKind[] = ['action', 'navigation']): Context {
  const active = context.active();
  if (trace.getSpan(active)) return active;
  return cause && kinds.includes(cause.kind) && performance.now() < cause.until ? cause.context : active;
}

/** For tests. */
export function forgetCause(): void {
  cause = undefined;
}
