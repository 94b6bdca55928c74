import type { PromTarget } from '../../datasources/prometheus/types';
import targetsFixture from '../../datasources/prometheus/__fixtures__/targets.json';
import { groupTargets } from './targetGroups';

const target = (job: string, url: string, health: PromTarget['health'], lastScrapeDuration = 0.01, lastScrape = '2026-11-22T13:21:57Z'): PromTarget =>
  ({ labels: { job, instance: url }, scrapePool: job, scrapeUrl: url, health, lastScrapeDuration, lastScrape, lastError: '' }) as unknown as PromTarget;

const targets = [
  target('api', 'http://b/metrics', 'up', 0.03),
  target('api', 'http://a/metrics', 'down', 0.001),
  target('api', 'http://c/metrics', 'up', 0.02),
  target('prometheus', 'http://p/metrics', 'up'),
  target('worker', 'http://w/metrics', 'down'),
];

describe('groupTargets', () => {
  it('groups by job, jobs with trouble first, then by name', () => {
    const groups = groupTargets(targets, { sortBy: 'health', direction: 'ascending', unhealthyOnly: false });
    expect(groups.map((g) => [g.job, g.up, g.total])).toEqual([
      ['api', 2, 3],
      ['worker', 0, 1],
      ['prometheus', 1, 1],
    ]);
    expect(groups[0]!.targets.map((t) => t.scrapeUrl)).toEqual(['http://a/metrics', 'http://b/metrics', 'http://c/metrics']);
  });

  it('sorts by scrape duration either way', () => {
    const asc = groupTargets(targets, { sortBy: 'duration', direction: 'ascending', unhealthyOnly: false })[0]!;
    expect(asc.targets.map((t) => t.lastScrapeDuration)).toEqual([0.001, 0.02, 0.03]);
    const desc = groupTargets(targets, { sortBy: 'duration', direction: 'descending', unhealthyOnly: false })[0]!;
    expect(desc.targets.map((t) => t.lastScrapeDuration)).toEqual([0.03, 0.02, 0.001]);
  });

  it('shows only unhealthy targets when asked, keeping the job totals', () => {
    const groups = groupTargets(targets, { sortBy: 'health', direction: 'ascending', unhealthyOnly: true });
    expect(groups.map((g) => [g.job, g.targets.length, g.up, g.total])).toEqual([
      ['api', 1, 2, 3],
      ['worker', 1, 0, 1],
    ]);
  });

  it('reads the captured Prometheus answer', () => {
    const groups = groupTargets((targetsFixture as { data: { activeTargets: PromTarget[] } }).data.activeTargets, { sortBy: 'health', direction: 'ascending', unhealthyOnly: false });
    expect(groups.map((g) => g.job)).toEqual(['homebot-api', 'prometheus']);
    expect(groups[0]!.targets[0]!.lastError).toMatch(/connection refused/);
  });
});
