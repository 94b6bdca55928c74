import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/** What the debug panel shows: telemetry problems are counted, never shown as errors. */
export const telemetryStats = { enabled: false, exported: 0, dropped: 0 };

/** Wraps an exporter to count spans sent and spans dropped (collector down, rate limited...). */
export class CountingExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      if (result.code === 0) telemetryStats.exported += spans.length;
      else telemetryStats.dropped += spans.length;
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
