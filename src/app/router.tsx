import { createRootRoute, createRoute, createRouter, lazyRouteComponent, retainSearchParams } from '@tanstack/react-router';
import { Layout } from './Layout';
import { validateGlobalSearch, searchString } from './searchParams';
import { parseSearch, stringifySearch } from './urlSearch';
import { NotFound } from './NotFound';
import { validateTraceSearch } from '../features/traces/search/searchParams';
import { validateDashboardListSearch, validateDashboardSearch } from '../features/dashboards/dashboardSearch';
import { validateExploreSearch } from '../features/metrics/exploreSearch';
import { validateLogsSearch } from '../features/logs/logsSearch';
import { validateEmbedSearch } from '../features/embed/embedSearch';

export const rootRoute = createRootRoute({
  component: Layout,
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
  validateSearch: (search: Record<string, unknown>): { ds?: string; span?: string } => ({ ds: searchString(search.ds), span: searchString(search.span) }),
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
