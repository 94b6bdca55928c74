import type { AppEndpointHealth, AppHealth, DependencyCheck, FactSection } from '../../server/health/types';
import { probeStateLabel, StateText } from './StateText';
import { StatusStrip } from './StatusStrip';
import { latencyText } from './timeText';

const kindLabel = { live: 'Liveness', ready: 'Readiness', deep: 'Deep check' } as const;

export function AppsSection({ apps }: { apps: AppHealth[] }) {
  return (
    <section className="card" aria-labelledby="apps-title">
      <h2 id="apps-title">App health endpoints</h2>
      {apps.length === 0 && (
        <p className="muted">
          No app health endpoint is configured (<code>health:</code> in sightline.config.yaml).
        </p>
      )}
      {apps.map((app) => (
        <section key={app.name} aria-label={`App ${app.name}`}>
          <h3>{app.name}</h3>
          {app.endpoints.map((endpoint) => (
            <Endpoint key={endpoint.kind} app={app.name} endpoint={endpoint} />
          ))}
        </section>
      ))}
    </section>
  );
}

function Endpoint({ app, endpoint }: { app: string; endpoint: AppEndpointHealth }) {
  const latest = endpoint.latest;
  const state = latest?.state ?? 'unknown';
  return (
    <div className="app-endpoint" role="group" aria-label={`${app} ${kindLabel[endpoint.kind]}`}>
      <div className="toolbar">
        <strong>{kindLabel[endpoint.kind]}</strong>
        <code>{endpoint.path}</code>
        <StateText state={state}>{latest ? probeStateLabel[state] : 'Not probed yet'}</StateText>
        {latest?.httpStatus !== undefined && <span>HTTP {latest.httpStatus}</span>}
        {latest?.reported && <span className="muted">status “{latest.reported}”</span>}
        {latest && <span>{latencyText(latest.latencyMs)}</span>}
        <StatusStrip history={endpoint.history} uptimePercent={endpoint.uptimePercent} what={`${app} ${kindLabel[endpoint.kind]}`} />
      </div>
      {latest?.error && <p className="error-text small">{latest.error}</p>}
      {latest && latest.checks.length > 0 && <CheckList checks={latest.checks} />}
      {latest && latest.facts.length > 0 && <Facts sections={latest.facts} />}
    </div>
  );
}

function CheckList({ checks }: { checks: DependencyCheck[] }) {
  return (
    <ul className="check-list" aria-label="Checks">
      {checks.map((check) => (
        <li key={check.name} aria-label={`Check ${check.name}`}>
          <StateText state={check.state}>
            <strong>{check.name}</strong>: {probeStateLabel[check.state]}
          </StateText>
          <span className="muted">({check.reported})</span>
          {check.latencyMs !== undefined && <span>{latencyText(check.latencyMs)}</span>}
          {check.error && <span className="error-text small">{check.error}</span>}
          {check.details.map(([name, value]) => (
            <span key={name} className="muted">
              {name}: {value}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

function Facts({ sections }: { sections: FactSection[] }) {
  return (
    <div className="facts">
      {sections.map((section) => (
        <div key={section.name} role="group" aria-label={`Deep check ${section.name}`}>
          <h4>{section.name}</h4>
          <dl>
            {section.entries.map(([name, value]) => (
              <div key={name} style={{ display: 'contents' }}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
