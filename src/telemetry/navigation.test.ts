// @vitest-environment jsdom
import { context, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { StackContextManager } from '@opentelemetry/sdk-trace-web';
import { createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import { forgetCause } from './cause';
import { traceNavigations } from './navigation';
import { withQuerySpan } from './query';
import { traceUserAction } from './userAction';

const exporter = new InMemorySpanExporter();

function appRouter() {
  const rootRoute = createRootRoute();
  const home = createRoute({ getParentRoute: () => rootRoute, path: '/' });
  const tracePage = createRoute({ getParentRoute: () => rootRoute, path: '/traces/$traceId' });
  return createRouter({ routeTree: rootRoute.addChildren([home, tracePage]), history: createMemoryHistory({ initialEntries: ['/'] }) });
}

beforeAll(() => {
  context.setGlobalContextManager(new StackContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});

describe('traceNavigations', () => {
  it('traces the page load, then each navigation by route, and parents the next query to it', async () => {
    forgetCause();
    const router = appRouter();
    const stop = traceNavigations(router, trace.getTracer('test'));
    await router.load();

    const [pageLoad] = exporter.getFinishedSpans();
    expect(pageLoad!.name).toBe('page load /');
    expect(Math.abs(hrTimeToMilliseconds(pageLoad!.startTime) - performance.timeOrigin)).toBeLessThan(2);
    // document-load reads this to put documentLoad under the page load.
    const meta = document.querySelector<HTMLMetaElement>('meta[name="traceparent"]');
    expect(meta?.content).toBe(`00-${pageLoad!.spanContext().traceId}-${pageLoad!.spanContext().spanId}-01`);

    await router.navigate({ to: '/traces/$traceId', params: { traceId: 'abc' } });
    const navigation = exporter.getFinishedSpans()[1]!;
    expect(navigation.name).toBe('navigation /traces/$traceId');
    expect(navigation.attributes).toMatchObject({ 'url.path': '/traces/abc', 'sightline.navigation.from': '/' });
    // A navigation is the user's doing, not the previous page's.
    expect(navigation.parentSpanContext).toBeUndefined();

    await withQuerySpan('traces get trace', {}, async () => null);
    const query = exporter.getFinishedSpans()[2]!;
    expect(query.parentSpanContext?.spanId).toBe(navigation.spanContext().spanId);

    traceUserAction('run query');
    await router.navigate({ to: '/' });
    const [action, next] = exporter.getFinishedSpans().slice(3);
    expect(action!.name).toBe('user run query');
    expect(next!.name).toBe('navigation /');
    expect(next!.parentSpanContext?.spanId).toBe(action!.spanContext().spanId);
    stop();
  });
});
