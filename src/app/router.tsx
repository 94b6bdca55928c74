import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, retainSearchParams } from '@tanstack/react-router';
import { Layout } from './Layout';
import { validateGlobalSearch } from './searchParams';
import { parseSearch, stringifySearch } from './urlSearch';
import { NotFound } from './NotFound';
import { validateTraceSearch } from '../features/traces/search/searchParams';
import { validateTraceViewSearch } from '../features/traces/traceViewSearch';
import { validateDashboardListSearch, validateDashboardSearch } from '../features/dashboards/dashboardSearch';
import { validateExploreSearch } from '../features/metrics/exploreSearch';
import { validateLogsSearch } from '../features/logs/logsSearch';
import { validateEmbedSearch } from '../features/embed/embedSearch';
import type { QueryClient } from '@tanstack/react-query';
import type { PublicConfig } from '../datasources/types';
import { prefetchTrace, probeTraceRoute } from '../features/traces/traceQuery';

/** Given by main.tsx once the public config has loaded (RouterProvider's `context`). */
export interface RouterContext {
  queryClient: QueryClient;
  config: PublicConfig;
  /**
   * Settles when requests may start: telemetry's fetch instrumentation is registered (so they
   * carry `traceparent`) and, in demo mode, the service worker answers. The first render does
   * not wait for it, so route chunks load meanwhile; the root's loader does, so no view mounts
   * (and queries) before it.
   */
  ready: Promise<unknown>;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Layout,
  loader: ({ context }) => context.ready,
  validateSearch: validateGlobalSearch,
  // The time range follows the user from view to view, as in Grafana.
  search: { middlewares: [retainSearchParams(['from', 'to', 'refresh'])] },
  notFoundComponent: NotFound,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/home/HomePage'), 'HomePage'),
});

const healthRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/health',
  component: lazyRouteComponent(() => import('../features/health/HealthPage'), 'HealthPage'),
});

export const dashboardsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboards',
  validateSearch: validateDashboardListSearch,
  component: lazyRouteComponent(() => import('../features/dashboards/DashboardsPage'), 'DashboardsPage'),
});

export const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/d/$uid',
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(() => import('../features/dashboards/DashboardPage'), 'DashboardPage'),
});

export const exploreMetricsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/explore/metrics',
  validateSearch: validateExploreSearch,
  component: lazyRouteComponent(() => import('../features/metrics/ExplorePage'), 'ExplorePage'),
});

export const logsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/logs',
  validateSearch: validateLogsSearch,
  component: lazyRouteComponent(() => import('../features/logs/LogsPage'), 'LogsPage'),
});

export const tracesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/traces',
  validateSearch: validateTraceSearch,
  component: lazyRouteComponent(() => import('../features/traces/TraceSearchPage'), 'TraceSearchPage'),
});

export const traceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/traces/$traceId',
  validateSearch: validateTraceViewSearch,
  loaderDeps: ({ search }) => ({ ds: search.ds }),
  // Starts the trace's request alongside the page's chunk instead of after it (a cold load
  // otherwise waits for the chunk, its imports and a render). Not awaited: the page shows
  // its loading state and picks up the request in flight (same query key). traceQuery is
  // imported statically (~4 KB gzip in the first chunk): as a lazy chunk it waited for the
  // clients' chunks, loading alongside the page's, and the request started ~45 ms later.
  loader: async ({ context, params, deps }) => {
    // Tempo's v2 route is probed meanwhile (no telemetry needed), so the request can skip it.
    const probed = probeTraceRoute(context.config, deps.ds);
    await context.ready;
    await probed();
    prefetchTrace(context.queryClient, context.config, params.traceId, deps.ds);
  },
  component: lazyRouteComponent(() => import('../features/traces/TracePage'), 'TracePage'),
});

export const embedPanelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/embed/d/$uid/panel/$panelId',
  validateSearch: validateEmbedSearch,
  component: lazyRouteComponent(() => import('../features/embed/EmbedPanelPage'), 'EmbedPanelPage'),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  healthRoute,
  dashboardsRoute,
  dashboardRoute,
  exploreMetricsRoute,
  logsRoute,
  tracesRoute,
  traceRoute,
  embedPanelRoute,
]);

export const router = createRouter({
  routeTree,
  // Placeholders until main.tsx passes the real context to RouterProvider.
  context: undefined! as RouterContext,
  parseSearch,
  stringifySearch,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
