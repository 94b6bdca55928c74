import { formatLegend, planPanelQuery } from './panelQuery';
import { seriesStats, thresholdColor } from './reduce';
import type { Panel } from './schema';

const panel = (over: Partial<Panel> = {}): Panel => ({
  id: 'p',
  title: '',
  type: 'timeseries',
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  targets: [{ expr: 'rate(x{job=~"$job"}[$__rate_interval])' }, { expr: 'hidden', hide: true }],
  ...over,
});

describe('planPanelQuery', () => {
  const hour = { fromMs: 1_700_000_000_000, toMs: 1_700_003_600_000 };

  it('takes one point per pixel, rounded to a readable step, aligned to it', () => {
    const plan = planPanelQuery(panel(), hour, 600, { job: { values: ['a', 'b'], asRegex: true } });
    // 3600 s / 600 px = 6 s, rounded up to 10 s.
    expect(plan.stepMs).toBe(10_000);
    expect(plan.fromMs % 10_000).toBe(0);
    expect(plan.toMs % 10_000).toBe(0);
    // $__rate_interval = max(10s + 15s, 60s) with the default 15 s scrape interval.
    expect(plan.exprs).toEqual([{ expr: 'rate(x{job=~"(a|b)"}[1m])', legend: undefined, refIndex: 0 }]);
  });

  it('never goes below the min interval, which also drives $__rate_interval', () => {
    const plan = planPanelQuery(panel({ minInterval: '30s' }), hour, 2000, {});
    expect(plan.stepMs).toBe(30_000);
    expect(plan.exprs[0].expr).toBe('rate(x{job=~"$job"}[2m])');
  });

  it('honours maxDataPoints below the width', () => {
    expect(planPanelQuery(panel({ maxDataPoints: 60 }), hour, 1000, {}).stepMs).toBe(60_000);
  });
});

describe('formatLegend', () => {
  it('fills {{label}} templates', () => {
    expect(formatLegend('{{endpoint}} {{ status }}', { endpoint: '/a', status: '500' }, 'x')).toBe('/a 500');
    expect(formatLegend(undefined, {}, 'up{job="a"}')).toBe('up{job="a"}');
  });
});

describe('seriesStats and thresholds', () => {
  it('ignores NaN and gaps', () => {
    expect(seriesStats([1, NaN, 3, 2])).toEqual({ last: 2, min: 1, max: 3, mean: 2 });
    expect(seriesStats([NaN])).toEqual({ last: null, min: null, max: null, mean: null });
  });

  it('picks the highest step the value reaches', () => {
    const steps = [{ color: 'green' }, { value: 10, color: 'orange' }, { value: 20, color: '#ff0000' }];
    expect(thresholdColor(5, steps)).toBe('var(--ok)');
    expect(thresholdColor(10, steps)).toBe('var(--warn)');
    expect(thresholdColor(25, steps)).toBe('#ff0000');
    expect(thresholdColor(null, steps)).toBeUndefined();
  });
});
