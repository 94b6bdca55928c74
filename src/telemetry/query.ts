import { context, SpanStatusCode, trace, type Span } from '@opentelemetry/api';

/**
 * Runs `work` inside a span named after the view and query, the parent of the fetches it starts.
 * Only the small API package is imported here, so views do not pull in the SDK; before the SDK is
 * registered (or if it failed to load) the tracer is a no-op.
 *
 * The zone-less context manager loses the active context after an `await`, so `work` must call
 * fetch synchronously, before its first `await`, for the fetch span to join this one.
 */
export function withQuerySpan<T>(name: string, attributes: Record<string, string | number>, work: (span: Span) => Promise<T>): Promise<T> {
  const span = trace.getTracer('sightline-web').startSpan(name, { attributes });
  return context
    .with(trace.setSpan(context.active(), span), () => work(span))
    .catch((error: unknown) => {
      if ((error as Error)?.name !== 'AbortError') {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
      }
      throw error;
    })
    .finally(() => span.end());
}

/** The trace id of a span, when it is sampled and worth linking to. */
export function sampledTraceId(span: Span): string | undefined {
  const ctx = span.spanContext();
  return ctx.traceFlags & 1 ? ctx.traceId : undefined;
}
