import type { PromAlert, PromTarget } from '../../datasources/prometheus/types';
import type { AppHealth, HealthChecksResponse, ProbeResult, StoreHealth } from '../../server/health/types';
import { deriveOverallStatus, titleWithStatus } from './overallStatus';

const probe = (state: ProbeResult['state'], error?: string): ProbeResult => ({ at: 0, state, latencyMs: 1, error, checks: [], facts: [] });
const store = (name: string, state: ProbeResult['state'], error?: string): StoreHealth => ({
  uid: name.toLowerCase(),
  type: 'prometheus',
  name,
  readinessPath: '-/ready',
  latest: probe(state, error),
  history: [],
  uptimePercent: 100,
});
const app = (name: string, endpoints: [AppHealth['endpoints'][number]['kind'], ProbeResult['state'], string?][]): AppHealth => ({
  name,
  endpoints: endpoints.map(([kind, state, error]) => ({ kind, path: `/health/${kind}`, latest: probe(state, error), history: [], uptimePercent: 100 })),
});
const checks = (stores: StoreHealth[], apps: AppHealth[] = []): HealthChecksResponse => ({ demo: false, generatedAt: 0, intervalMs: 15000, historySize: 60, stores, apps });
const alert = (alertname: string, state: PromAlert['state'], severity?: string): PromAlert => ({
  labels: severity ? { alertname, severity } : { alertname },
  annotations: {},
  state,
  value: '1e+00',
});
const target = (job: string, health: PromTarget['health']): PromTarget =>
  ({ labels: { job, instance: 'x' }, scrapePool: job, health, lastError: '', lastScrape: '', lastScrapeDuration: 0 }) as unknown as PromTarget;

describe('deriveOverallStatus', () => {
  it('is ok when everything was read and is well; pending alerts do not count', () => {
    const status = deriveOverallStatus({ checks: checks([store('Prometheus', 'ok')]), alerts: [alert('Slow', 'pending', 'critical')], targets: [target('api', 'up')] });
    expect(status).toEqual({ level: 'ok', reasons: [] });
  });

  it('is down when a store is not ready, naming it and why', () => {
    const status = deriveOverallStatus({ checks: checks([store('Loki', 'failing', 'connect ECONNREFUSED 127.0.0.1:3100')]), alerts: [], targets: [] });
    expect(status.level).toBe('down');
    expect(status.reasons).toEqual([{ level: 'down', text: 'Loki not ready: connect ECONNREFUSED 127.0.0.1:3100' }]);
  });

  it('is down for a failing app readiness, degraded for a degraded deep check', () => {
    expect(deriveOverallStatus({ checks: checks([], [app('homebot', [['ready', 'failing', 'HTTP 503 (not_ready); failing: redis']])]) }).reasons).toEqual([
      { level: 'down', text: 'homebot ready: HTTP 503 (not_ready); failing: redis' },
    ]);
    const deep = deriveOverallStatus({ checks: checks([], [app('homebot', [['ready', 'ok'], ['deep', 'degraded', 'unwell: barcode (unhealthy)']])]) });
    expect(deep).toEqual({ level: 'degraded', reasons: [{ level: 'degraded', text: 'homebot deep: unwell: barcode (unhealthy)' }] });
  });

  it('is down for a critical firing alert and degraded for a warning one', () => {
    expect(deriveOverallStatus({ alerts: [alert('DiskFull', 'firing', 'critical')] }).level).toBe('down');
    expect(deriveOverallStatus({ alerts: [alert('HighScanErrorRate', 'firing', 'warning')] })).toEqual({
      level: 'degraded',
      reasons: [{ level: 'degraded', text: 'alert HighScanErrorRate firing (warning)' }],
    });
  });

  it('is degraded for down scrape targets, counting them by job', () => {
    const status = deriveOverallStatus({ targets: [target('api', 'up'), target('worker', 'down'), target('db', 'down')] });
    expect(status).toEqual({ level: 'degraded', reasons: [{ level: 'degraded', text: '2 scrape targets down (worker, db)' }] });
  });

  it('puts down reasons before degraded ones', () => {
    const status = deriveOverallStatus({ checks: checks([store('Tempo', 'failing', 'HTTP 503')]), targets: [target('api', 'down')] });
    expect(status.reasons.map((r) => r.level)).toEqual(['down', 'degraded']);
  });

  it('is degraded when part of the picture could not be read, unknown when none of it could', () => {
    expect(deriveOverallStatus({ checks: checks([]), alertsError: 'Datasource "prometheus" answered 502' }).level).toBe('degraded');
    expect(deriveOverallStatus({ checksError: 'HTTP 500', alertsError: 'x', targetsError: 'y' }).level).toBe('unknown');
  });
});

describe('titleWithStatus', () => {
  it('prefixes the status once, replacing an earlier one', () => {
    expect(titleWithStatus('Sightline', 'degraded')).toBe('Degraded · Sightline');
    expect(titleWithStatus('Degraded · Sightline', 'ok')).toBe('OK · Sightline');
  });
});
