// Demo mode in the browser: MSW's service worker answers the datasource proxy paths from the
// synthetic stack. Load this module only through a dynamic import() in demo mode: msw/browser is
// about 155 KB gzip and must stay out of the first route's chunk.

import { setupWorker } from 'msw/browser';
import { browserPrefix, demoHandlers, DEMO_UIDS } from './handlers.ts';
import { DemoLoki } from './loki.ts';
import { DEMO_SEED } from './random.ts';
import { DemoTraceStore } from './traces.ts';
import { demoTailHandler } from './wsTail.ts';
import { otlpReceiverHandler } from './otlpReceiver.ts';

export interface DemoWorker {
  /** The trace store behind the demo Tempo/Jaeger: `add` the app's own spans to it. */
  traceStore: DemoTraceStore;
  stop(): void;
}

export async function startDemoWorker(options: { seed?: number; now?: () => number } = {}): Promise<DemoWorker> {
  const seed = options.seed ?? DEMO_SEED;
  const now = options.now ?? Date.now;
  const traceStore = new DemoTraceStore({ seed, now });
  const worker = setupWorker(
    ...demoHandlers({ prefix: browserPrefix, now, seed, traceStore, catchAll: true }),
    demoTailHandler(`*/api/datasources/proxy/uid/${DEMO_UIDS.loki}/loki/api/v1/tail`, new DemoLoki({ seed, now })),
    // The browser's own spans go into the same store, so its traces open offline too.
    otlpReceiverHandler(traceStore),
  );
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  return { traceStore, stop: () => worker.stop() };
}
