import type { PromAlert } from '../../datasources/prometheus/types';
import { alertService, alertTriage } from './alertTriage';

const alert = (labels: Record<string, string>, activeAt?: string): PromAlert =>
  ({ labels, annotations: {}, state: 'firing', activeAt, value: '1e+00' }) as PromAlert;

describe('alertTriage', () => {
  it('queries the logs and failed spans of the alert service from 30 minutes before it fired', () => {
    const now = Date.UTC(2026, 10, 22, 14, 0, 0);
    const triage = alertTriage(alert({ alertname: 'HighScanErrorRate', service: 'homebot' }, '2026-11-22T13:21:01.706972768Z'), now);
    expect(triage).toEqual({
      service: 'homebot',
      range: { from: String(Date.UTC(2026, 10, 22, 12, 51, 1, 706)), to: String(now) },
      logsQuery: '{service_name="homebot"} |~ "(?i)(error|exception|fail)"',
      tracesQuery: '{ resource.service.name = "homebot" && status = error }',
    });
  });

  it('falls back to the job label, and to the last hour without activeAt', () => {
    expect(alertService(alert({ job: 'api' }))).toBe('api');
    expect(alertTriage(alert({ job: 'api' }), 0)?.range).toEqual({ from: 'now-1h', to: 'now' });
  });

  it('quotes label values safely and gives nothing without a service', () => {
    expect(alertTriage(alert({ service: 'we"ird' }), 0)?.logsQuery).toBe('{service_name="we\\"ird"} |~ "(?i)(error|exception|fail)"');
    expect(alertTriage(alert({ alertname: 'Watchdog' }), 0)).toBeNull();
  });
});
