import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { router } from './app/router';
import { ConfigContext, loadPublicConfig } from './app/config';
import { StartupError } from './app/StartupError';
import './app/styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Observability data is fresh by definition; refresh is explicit (button or refresh=).
      staleTime: Infinity,
      retry: false,
      refetchOnWindowFocus: false,
    },
  },
});

async function start() {
  const root = createRoot(document.getElementById('root')!);
  // The telemetry chunk downloads while the config is fetched; it starts once the config is in.
  const otel = import('./telemetry/otel');
  otel.catch(() => undefined);
  let config;
  try {
    config = await loadPublicConfig();
  } catch (error) {
    root.render(<StartupError message={(error as Error).message} />);
    return;
  }
  // Telemetry is set up before the first query so its fetches carry `traceparent`; a failure
  // here must never stop the app, so it is swallowed (and counted in the debug stats). The
  // first render does not wait for it (nor for the demo worker): the router starts loading the
  // route's chunk at once, and its root loader holds views, and their queries, until `ready`.
  const telemetry = otel
    .then(({ startTelemetry }) => startTelemetry(config.telemetry))
    .catch(() => undefined);
  // MSW's browser chunk is large: it is loaded only when there is no backend.
  const demoWorker = config.demo ? import('./demo/browser').then(({ startDemoWorker }) => startDemoWorker()) : undefined;
  const ready = Promise.all([telemetry, demoWorker]);
  root.render(
    <StrictMode>
      <ConfigContext.Provider value={config}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} context={{ queryClient, config, ready }} />
        </QueryClientProvider>
      </ConfigContext.Provider>
    </StrictMode>,
  );
}

void start();
