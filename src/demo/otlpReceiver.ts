// Demo mode's stand-in for the collector: MSW answers the browser's OTLP/JSON exports at
// /otlp/v1/traces and files them in the demo trace store, so `/traces/<id>` of a query the
// user just ran opens offline, as it would against a real Tempo.

import { http, HttpResponse, type HttpHandler } from 'msw';
import { withSyntheticBackendSpans } from './browserTraces.ts';
import { fromOtlpJson, type OtlpTracesJson } from './tempoJson.ts';
import type { DemoTraceStore } from './traces.ts';

export function otlpReceiverHandler(store: DemoTraceStore, path = '*/otlp/v1/traces'): HttpHandler {
  return http.post(path, async ({ request }) => {
    // Only JSON is decoded (what the browser exporter sends); anything else is accepted and
    // dropped, as the real endpoint does without a collector: telemetry never shows errors.
    if (!(request.headers.get('content-type') ?? '').includes('json')) return new HttpResponse(null, { status: 204 });
    try {
      for (const trace of fromOtlpJson((await request.json()) as OtlpTracesJson)) store.add(withSyntheticBackendSpans(trace));
    } catch {
      return new HttpResponse(null, { status: 204 });
    }
    return HttpResponse.json({});
  });
}
