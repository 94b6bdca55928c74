// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { computeTraceLayout } from '../layout/traceLayout';
import { span } from '../layout/testTraces';
import { SpanDetail } from './SpanDetail';

const HOSTILE = '<img src=x onerror="window.__xss=1">';

function renderDetail(node: number, layout = hostileLayout()) {
  const root = createRootRoute({ component: () => <SpanDetail layout={layout} node={node} onClose={() => {}} onSelectSpan={() => {}} /> });
  const router = createRouter({ routeTree: root, history: createMemoryHistory() });
  return render(<RouterProvider router={router} />);
}

function hostileLayout() {
  return computeTraceLayout({
    traceId: 'ab'.repeat(16),
    spans: [
      span('aaaaaaaaaaaaaaaa', undefined, 0, 100, { traceId: 'ab'.repeat(16), serviceName: 'homebot' }),
      span('bbbbbbbbbbbbbbbb', 'aaaaaaaaaaaaaaaa', 10, 50, {
        traceId: 'ab'.repeat(16),
        name: HOSTILE,
        serviceName: 'homebot',
        status: { code: 'error', message: HOSTILE },
        attributes: { 'http.url': HOSTILE, nested: { a: [1, 2] } },
        events: [{ name: 'exception', timeUs: 0, attributes: { 'exception.message': HOSTILE } }],
        links: [{ traceId: 'cd'.repeat(16), spanId: 'cccccccccccccccc', attributes: {} }],
      }),
    ],
  });
}

describe('SpanDetail', () => {
  it('shows attribute, status and event text as text, never as HTML', async () => {
    const { container } = renderDetail(1);
    const pane = await screen.findByRole('complementary', { name: 'Span details' });
    expect(container.querySelector('img')).toBeNull();
    expect(within(pane).getByRole('heading', { level: 2 })).toHaveTextContent(HOSTILE);
    expect(within(pane).getByRole('region', { name: 'Attributes' })).toHaveTextContent(`http.url${HOSTILE}`);
    expect(within(pane).getByRole('region', { name: 'Attributes' })).toHaveTextContent('{"a":[1,2]}');
    expect(pane).toHaveTextContent(`error: ${HOSTILE}`);
    expect(within(pane).getByRole('region', { name: 'Events' })).toHaveTextContent(HOSTILE);
  });

  it("links to the span's logs over its window and to linked traces", async () => {
    renderDetail(1);
    const pane = await screen.findByRole('complementary', { name: 'Span details' });
    const logs = within(pane).getByRole('link', { name: 'Logs for this span' });
    const url = new URL(logs.getAttribute('href')!, 'http://x');
    expect(url.pathname).toBe('/logs');
    expect(url.searchParams.get('q')).toBe(`{service_name="homebot"} | json | trace_id="${'ab'.repeat(16)}"`);
    const link = within(pane).getByRole('link', { name: `trace ${'cd'.repeat(16)}` });
    expect(link.getAttribute('href')).toContain(`/traces/${'cd'.repeat(16)}`);
    expect(link.getAttribute('href')).toContain('span=cccccccccccccccc');
  });
});
