// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { usePreferences } from '../../../app/preferences';
import { computeTraceLayout } from '../layout/traceLayout';
import { span } from '../layout/testTraces';
import { TraceSummary } from './TraceSummary';

function renderSummary() {
  const layout = computeTraceLayout({ traceId: 'ab'.repeat(16), spans: [span('aaaaaaaaaaaaaaaa', undefined, 0, 250)] });
  const root = createRootRoute({ component: () => <TraceSummary layout={layout} traceId={'ab'.repeat(16)} onSelect={() => {}} /> });
  const router = createRouter({ routeTree: root, history: createMemoryHistory() });
  return render(<RouterProvider router={router} />);
}

describe('TraceSummary', () => {
  afterEach(() => usePreferences.setState({ timezone: 'browser' }));

  it("shows the trace's start in the zone chosen in the header", async () => {
    // testTraces' spans start at 1,795,353,241,706,972 µs: 2026-11-22 13:14:01.706 UTC.
    usePreferences.setState({ timezone: 'utc' });
    renderSummary();
    const start = await screen.findByText(/13:14:01/);
    expect(start.tagName).toBe('TIME');
    expect(start.getAttribute('datetime')).toBe('2026-11-22T13:14:01.706Z');
    expect(start.textContent).toMatch(/UTC/);
  });
});
