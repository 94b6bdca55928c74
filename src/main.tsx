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
  let config;
  try {
    config = await loadPublicConfig();
  } catch (error) {
    root.render(<StartupError message={(error as Error).message} />);
    return;
  }
  // Telemetry is set up before the first query so its fetches carry `traceparent`; a failure
  // here must never stop the app, so it is swallowed (and counted in the debug stats).
  const telemetry = import('./telemetry/otel')
    .then(({ startTelemetry }) => startTelemetry(config.telemetry))
    .catch(() => undefined);
  if (config.demo) {
    // MSW's browser chunk is large: it is loaded only when there is no backend.
    const { startDemoWorker } = await import('./demo/browser');
    await startDemoWorker();
  }
  await telemetry;
  root.render(
    <StrictMode>
      <ConfigContext.Provider value={config}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ConfigContext.Provider>
    </StrictMode>,
  );
}

void start();
