// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PromTarget } from '../../datasources/prometheus/types';
import { TargetsSection } from './TargetsSection';

const NOW = Date.parse('2026-11-22T14:00:00Z');
const target = (instance: string, health: PromTarget['health'], seconds: number, lastError = ''): PromTarget =>
  ({
    labels: { instance, job: 'api' },
    scrapePool: 'api',
    scrapeUrl: `http://${instance}/metrics`,
    health,
    lastScrape: '2026-11-22T13:59:57Z',
    lastScrapeDuration: seconds,
    lastError,
  }) as unknown as PromTarget;

const targets = [target('b:80', 'up', 0.03), target('a:80', 'down', 0.001, 'connect: connection refused'), target('c:80', 'up', 0.02)];
const rowNames = () => within(screen.getByRole('region', { name: 'Job api' })).getAllByRole('row').slice(1).map((r) => r.getAttribute('aria-label'));

describe('TargetsSection', () => {
  it('lists down targets first with their error and the job count', () => {
    render(<TargetsSection targets={targets} nowMs={NOW} />);
    expect(screen.getByRole('heading', { name: 'api (2 of 3 up)' })).toBeInTheDocument();
    expect(rowNames()).toEqual(['Target a:80', 'Target b:80', 'Target c:80']);
    const down = screen.getByRole('row', { name: 'Target a:80' });
    expect(down).toHaveTextContent('Down');
    expect(down).toHaveTextContent('connect: connection refused');
    expect(down).toHaveTextContent('3s ago');
  });

  it('sorts by a column with its button, and says so with aria-sort', async () => {
    const user = userEvent.setup();
    render(<TargetsSection targets={targets} nowMs={NOW} />);
    await user.click(screen.getByRole('button', { name: /Scrape duration/ }));
    expect(rowNames()).toEqual(['Target a:80', 'Target c:80', 'Target b:80']);
    expect(screen.getByRole('columnheader', { name: /Scrape duration/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(screen.getByRole('button', { name: /Scrape duration/ }));
    expect(rowNames()).toEqual(['Target b:80', 'Target c:80', 'Target a:80']);
    expect(screen.getByRole('columnheader', { name: /Scrape duration/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('keeps only unhealthy targets when filtered', async () => {
    const user = userEvent.setup();
    render(<TargetsSection targets={targets} nowMs={NOW} />);
    await user.click(screen.getByRole('checkbox', { name: 'Unhealthy only' }));
    expect(rowNames()).toEqual(['Target a:80']);
  });
});
