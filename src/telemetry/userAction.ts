import { trace } from '@opentelemetry/api';
import { rememberCause } from './cause';

/**
 * A span for something the user did (`run query`, `refresh`), the parent of the navigation
 * and queries it sets off in the next few seconds (see cause.ts). Call it from the click or
 * submit handler, before the state change. Only the API package is imported: before the SDK
 * is registered it is a no-op, and it never throws.
 */
export function traceUserAction(action: string, attributes: Record<string, string | number> = {}): void {
  try {
    // A root: a user action is where a trace starts, whatever ran before it.
    const span = trace.getTracer('sightline-web').startSpan(`user ${action}`, { root: true, attributes: { 'sightline.action': action, ...attributes } });
    rememberCause(span, 'action');
    span.end();
  } catch {
    // Telemetry must never break a click.
  }
}
