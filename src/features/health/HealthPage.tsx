import { QueryError } from '../../app/QueryError';
import { pickDatasource, useConfig } from '../../app/config';
import { AlertsSection } from './AlertsSection';
import { AppsSection } from './AppsSection';
import { OverallBanner } from './OverallBanner';
import { RulesSection } from './RulesSection';
import { StoresSection } from './StoresSection';
import { TargetsSection } from './TargetsSection';
import { HEALTH_POLL_MS, useHealthChecks, useOverallStatus, usePromAlerts, usePromRules, usePromTargets } from './useHealthData';
import './health.css';

/** "Is the stack healthy?": stores, scrape targets, app endpoints, alerts and rules on one page. */
export function HealthPage() {
  const prometheus = pickDatasource(useConfig(), ['prometheus']);
  const checks = useHealthChecks();
  const targets = usePromTargets();
  const alerts = usePromAlerts();
  const rules = usePromRules();
  const { status, loading } = useOverallStatus();
  const nowMs = Date.now();

  return (
    <section className="page health-page" aria-labelledby="page-title">
      <h1 id="page-title">Health</h1>
      <p className="hint">
        Probed by the Sightline server every {Math.round((checks.data?.intervalMs ?? HEALTH_POLL_MS) / 1000)}s; this page refreshes every{' '}
        {HEALTH_POLL_MS / 1000}s.
      </p>
      <OverallBanner status={status} loading={loading} />

      {checks.error ? (
        <section className="card" aria-label="Probes">
          <h2>Stores and app endpoints</h2>
          <QueryError error={checks.error} />
        </section>
      ) : checks.data ? (
        <>
          <StoresSection stores={checks.data.stores} />
          <AppsSection apps={checks.data.apps} />
        </>
      ) : (
        <p className="muted">Probing stores and app endpoints…</p>
      )}

      {!prometheus ? (
        <section className="card">
          <h2>Alerts, rules and scrape targets</h2>
          <p className="muted">No Prometheus datasource is configured.</p>
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="alerts-title">
            <h2 id="alerts-title">Alerts</h2>
            {alerts.error ? <QueryError error={alerts.error} /> : alerts.data ? <AlertsSection alerts={alerts.data} nowMs={nowMs} /> : <p className="muted">Loading…</p>}
          </section>
          <section className="card" aria-labelledby="targets-title">
            <h2 id="targets-title">Scrape targets</h2>
            {targets.error ? (
              <QueryError error={targets.error} />
            ) : targets.data ? (
              <TargetsSection targets={targets.data.activeTargets} nowMs={nowMs} />
            ) : (
              <p className="muted">Loading…</p>
            )}
          </section>
          <section className="card" aria-labelledby="rules-title">
            <h2 id="rules-title">Rules</h2>
            {rules.error ? <QueryError error={rules.error} /> : rules.data ? <RulesSection groups={rules.data} nowMs={nowMs} /> : <p className="muted">Loading…</p>}
          </section>
        </>
      )}
    </section>
  );
}
