import { Link } from '@tanstack/react-router';
import { useConfig } from '../../app/config';
import { StatusSummary } from './StatusSummary';
import { DashboardsCard } from './DashboardsCard';

const TYPE_LABEL = { prometheus: 'Metrics (Prometheus API)', loki: 'Logs (Loki)', tempo: 'Traces (Tempo)', jaeger: 'Traces (Jaeger)' } as const;

export function HomePage() {
  const config = useConfig();
  const has = (type: keyof typeof TYPE_LABEL) => config.datasources.some((ds) => ds.type === type);
  return (
    <section className="page home" aria-labelledby="page-title">
      <h1 id="page-title">Sightline</h1>
      <div className="home-grid">
        <section className="card" aria-labelledby="status-title">
          <h2 id="status-title">Status</h2>
          <StatusSummary />
        </section>
        <DashboardsCard />
        <section className="card" aria-labelledby="ds-title">
          <h2 id="ds-title">Datasources</h2>
          {config.datasources.length === 0 ? (
            <p>No datasource is configured.</p>
          ) : (
            <ul className="plain-list">
              {config.datasources.map((ds) => (
                <li key={ds.uid}>
                  <strong>{ds.name}</strong> <span className="muted">({TYPE_LABEL[ds.type]}, uid <code>{ds.uid}</code>)</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="start-title">
          <h2 id="start-title">Start here</h2>
          <ul className="plain-list">
            {has('prometheus') && (
              <li>
                <Link to="/explore/metrics" search={{ q: 'up' }}>
                  Which scrape targets are up
                </Link>
              </li>
            )}
            {has('prometheus') && config.demo && (
              <li>
                <Link to="/explore/metrics" search={{ q: 'rate(homebot_scans_total[1m])' }}>
                  Scans per second by token
                </Link>
              </li>
            )}
            {has('loki') && (
              <li>
                <Link to="/logs" search={{ q: '{service_name="homebot"} | json | level="error"' }}>
                  Error logs of homebot
                </Link>
              </li>
            )}
            {has('tempo') && (
              <li>
                <Link to="/traces" search={{ q: '{ resource.service.name = "homebot" && duration > 500ms }' }}>
                  Slow homebot traces
                </Link>
              </li>
            )}
          </ul>
        </section>
      </div>
    </section>
  );
}
