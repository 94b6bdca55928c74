import { demoHealthChecks } from './healthChecks.ts';

const NOW = 1_795_353_661_706;

describe('demoHealthChecks', () => {
  const checks = demoHealthChecks(NOW);

  it('has every demo store ready with its version', () => {
    expect(checks.stores.map((s) => [s.uid, s.latest?.state, s.version])).toEqual([
      ['prometheus', 'ok', '2.42.0+ds'],
      ['loki', 'ok', '2.9.4'],
      ['tempo', 'ok', '2.3.1'],
      ['jaeger', 'ok', undefined],
    ]);
  });

  it('has one degraded dependency in homebot deep check and failures in readiness history', () => {
    const [live, ready, deep] = checks.apps[0]!.endpoints;
    expect(live!.latest?.state).toBe('ok');
    expect(ready!.latest?.state).toBe('ok');
    expect(ready!.uptimePercent).toBe(96.7);
    expect(deep!.latest).toMatchObject({ state: 'degraded', error: 'unwell: barcode-lookup-provider (unhealthy)' });
    expect(deep!.history).toHaveLength(60);
  });
});
