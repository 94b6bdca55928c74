import { trace, type Tracer } from '@opentelemetry/api';
import { WebTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-web';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';
import { DocumentLoadInstrumentation } from '@opentelemetry/instrumentation-document-load';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { PublicConfig } from '../datasources/types';
import { router } from '../app/router';
import { CountingExporter, telemetryStats } from './countingExporter';
import { traceNavigations } from './navigation';
import { SELF_TRACED_URL, selfTracedRequest } from './selfTracedRequests';
import { setRequestTracer } from '../datasources/http';

let tracer: Tracer | null = null;

/**
 * Browser spans: page load and route navigations (navigation.ts), document load, fetches (with
 * W3C `traceparent` on same-origin requests), our own query spans (query.ts) and user actions
 * (userAction.ts). An unsampled trace's requests carry `traceparent` with flags `00`, so a
 * backend that honours the flag records nothing of it either.
 */
export function startTelemetry(settings: PublicConfig['telemetry']): void {
  if (tracer) return;
  const exporter = new CountingExporter(new OTLPTraceExporter({ url: '/otlp/v1/traces' }));
  const provider = new WebTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: settings.serviceName,
      [ATTR_SERVICE_VERSION]: settings.serviceVersion,
      'deployment.environment.name': settings.environment,
    }),
    // Parent-based: an unsampled trace stays unsampled downstream, so no backend records half a trace.
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000 })],
  });
  provider.register();
  tracer = trace.getTracer('sightline-web', settings.serviceVersion);
  // Before document-load registers: the page-load span it joins is announced in a <meta>.
  traceNavigations(router, tracer);
  registerInstrumentations({
    instrumentations: [
      new DocumentLoadInstrumentation(),
      new FetchInstrumentation({
        // Exporting spans about exporting spans would never end.
        // Trace bodies are traced by the datasource client itself (selfTracedRequests.ts).
        ignoreUrls: [/\/otlp\/v1\/traces/, /mockServiceWorker\.js/, SELF_TRACED_URL],
        // Left in place: the query inspector reads a request's Resource Timing entry (size, status)
        // after the fetch span has ended. The buffer is emptied when full instead.
        clearTimingResources: false,
      }),
    ],
  });
  setRequestTracer(selfTracedRequest(tracer));
  performance.addEventListener?.('resourcetimingbufferfull', () => performance.clearResourceTimings());
  telemetryStats.enabled = true;
}
