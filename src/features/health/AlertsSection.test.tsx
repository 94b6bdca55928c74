// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import type { PromAlert } from '../../datasources/prometheus/types';
import { AlertsSection } from './AlertsSection';

const NOW = Date.parse('2026-11-22T14:00:00Z');
const alert = (over: Partial<PromAlert>): PromAlert => ({
  labels: { alertname: 'HighScanErrorRate', severity: 'warning' },
  annotations: {},
  state: 'firing',
  activeAt: '2026-11-22T13:40:00.000400691Z',
  value: '1e+00',
  ...over,
});

describe('AlertsSection', () => {
  it('renders labels and annotations as text, never as HTML, and links only http(s) runbooks', () => {
    const { container } = render(
      <AlertsSection
        nowMs={NOW}
        alerts={[
          alert({
            labels: { alertname: 'Xss', severity: 'critical', instance: '<img src=x onerror=alert(1)>' },
            annotations: { summary: '<script>alert("s")</script>', runbook_url: 'javascript:alert(1)' },
          }),
        ]}
      />,
    );
    const row = screen.getByRole('row', { name: 'Alert Xss firing' });
    expect(row).toHaveTextContent('instance="<img src=x onerror=alert(1)>"');
    expect(row).toHaveTextContent('<script>alert("s")</script>');
    expect(container.querySelectorAll('img, script')).toHaveLength(0);
    expect(within(row).queryByRole('link')).toBeNull();
  });

  it('lists firing before pending, with how long each has been active, and leaves inactive out', () => {
    render(
      <AlertsSection
        nowMs={NOW}
        alerts={[
          alert({ labels: { alertname: 'Later' }, state: 'pending', activeAt: '2026-11-22T13:55:00Z' }),
          alert({}),
          alert({ labels: { alertname: 'Quiet' }, state: 'inactive' }),
        ]}
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['Alert HighScanErrorRate firing', 'Alert Later pending']);
    expect(rows[0]).toHaveTextContent('(for 20m)');
    expect(rows[1]).toHaveTextContent('none');
  });

  it('says so when nothing fires', () => {
    render(<AlertsSection nowMs={NOW} alerts={[]} />);
    expect(screen.getByText('No alert is firing or pending.')).toBeInTheDocument();
  });
});
