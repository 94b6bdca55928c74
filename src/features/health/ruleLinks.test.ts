import type { PromRule } from '../../datasources/prometheus/types';
import rulesFixture from '../../datasources/prometheus/__fixtures__/rules.json';
import { exploreRangeForRule } from './ruleLinks';

const rules = (rulesFixture as { data: { groups: { rules: PromRule[] }[] } }).data.groups.flatMap((g) => g.rules);
const NOW = Date.parse('2026-11-22T14:00:00Z');

describe('exploreRangeForRule', () => {
  it('starts 30 minutes before the earliest active alert and ends now', () => {
    const firing = rules.find((r) => r.name === 'HighScanErrorRate')!;
    const activeAt = Date.parse((firing as { alerts: { activeAt: string }[] }).alerts[0]!.activeAt);
    expect(exploreRangeForRule(firing, NOW)).toEqual({ from: String(activeAt - 30 * 60_000), to: String(NOW) });
  });

  it('uses the last hour for an inactive alerting rule and a recording rule', () => {
    expect(exploreRangeForRule(rules.find((r) => r.name === 'CircuitBreakerOpen')!, NOW)).toEqual({ from: 'now-1h', to: 'now' });
    expect(exploreRangeForRule(rules.find((r) => r.type === 'recording')!, NOW)).toEqual({ from: 'now-1h', to: 'now' });
  });
});
