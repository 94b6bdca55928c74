import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import packageJson from '../../../package.json' with { type: 'json' };
import type { ConfigFile } from '../configSchema.ts';

export interface ServerTracing {
  tracer: Tracer;
  /** Sends what is still batched; called before the process exits. */
  flush: () => Promise<void>;
}

const running = new Set<ServerTracing>();

/** The browser's service is `sightline-web`, so the proxy's is `sightline-proxy` (as in fixture trace C). */
export function proxyServiceName(browserServiceName: string): string {
  return `${browserServiceName.replace(/-web$/, '')}-proxy`;
}

/**
 * The proxy's tracer, exporting to the same collector as the browser's spans (directly, not
 * through /otlp/v1/traces). Without a collector there is no tracer at all: a span nobody will
 * ever see would only turn the browser's trace into a rootless one upstream, so the proxy then
 * passes the browser's own `traceparent` through instead (see proxyMiddleware.ts).
 *
 * The provider is not registered globally: the proxy hands contexts around explicitly, and a
 * global registration would leak into anything else sharing the process (Vite, vitest).
 */
export function createServerTracing(telemetry: ConfigFile['telemetry'], exporter?: SpanExporter): ServerTracing | undefined {
  const spanExporter = exporter ?? (telemetry.otlpUrl ? new OTLPTraceExporter({ url: `${telemetry.otlpUrl.replace(/\/+$/, '')}/v1/traces` }) : undefined);
  if (!spanExporter) return undefined;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: proxyServiceName(telemetry.serviceName),
      [ATTR_SERVICE_VERSION]: packageJson.version,
      'deployment.environment.name': telemetry.environment ?? 'production',
    }),
    // Same rule as the browser: follow the caller's decision, so an unsampled browser request
    // stays unsampled; requests without a traceparent (curl, scripts) are sampled by ratio.
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(telemetry.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor(spanExporter, { scheduledDelayMillis: 1000 })],
  });
  const tracing: ServerTracing = {
    tracer: provider.getTracer('sightline-proxy', packageJson.version),
    flush: () => provider.forceFlush(),
  };
  running.add(tracing);
  return tracing;
}

/** Flushes every tracer of this process, giving up after `timeoutMs` (a collector may be down). */
export async function flushServerTracing(timeoutMs = 2000): Promise<void> {
  const flushes = Promise.allSettled([...running].map((tracing) => tracing.flush()));
  await Promise.race([flushes, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}
