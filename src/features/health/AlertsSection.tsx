import { Link } from '@tanstack/react-router';
import type { PromAlert } from '../../datasources/prometheus/types';
import { alertTriage } from './alertTriage';
import { LabelList } from './LabelList';
import { StateText } from './StateText';
import { shortDuration } from './timeText';

const stateOrder = { firing: 0, pending: 1, inactive: 2 } as const;

/** Firing first, then pending; each with severity, summary, description and how long it has been active. */
export function AlertsSection({ alerts, nowMs }: { alerts: PromAlert[]; nowMs: number }) {
  const shown = alerts.filter((a) => a.state !== 'inactive').sort((a, b) => stateOrder[a.state] - stateOrder[b.state]);
  if (shown.length === 0) return <p className="muted">No alert is firing or pending.</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">Alert</th>
          <th scope="col">Severity</th>
          <th scope="col">Summary</th>
          <th scope="col">Active since</th>
          <th scope="col">Labels</th>
          <th scope="col">Evidence</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((alert, i) => {
          const since = Date.parse(alert.activeAt ?? '');
          return (
            <tr key={`${alert.labels.alertname}-${i}`} aria-label={`Alert ${alert.labels.alertname ?? '(unnamed)'} ${alert.state}`}>
              <td>
                <StateText state={alert.state}>{alert.state === 'firing' ? 'Firing' : 'Pending'}</StateText>
              </td>
              <th scope="row">{alert.labels.alertname ?? '(unnamed)'}</th>
              <td>{alert.labels.severity ?? <span className="muted">none</span>}</td>
              <td>
                {alert.annotations.summary && <div>{alert.annotations.summary}</div>}
                {alert.annotations.description && <div className="muted">{alert.annotations.description}</div>}
                {alert.annotations.runbook_url && /^https?:\/\//.test(alert.annotations.runbook_url) && (
                  <a href={alert.annotations.runbook_url} rel="noreferrer noopener" target="_blank">
                    Runbook
                  </a>
                )}
              </td>
              <td title={alert.activeAt}>
                {Number.isFinite(since) ? (
                  <>
                    {new Date(since).toLocaleString()} <span className="muted">(for {shortDuration(nowMs - since)})</span>
                  </>
                ) : (
                  '–'
                )}
              </td>
              <td>
                <LabelList labels={alert.labels} skip={['alertname', 'severity']} />
              </td>
              <td>
                <TriageLinks alert={alert} nowMs={nowMs} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The alert's service's error logs and failed traces over the time it has been active. */
function TriageLinks({ alert, nowMs }: { alert: PromAlert; nowMs: number }) {
  const triage = alertTriage(alert, nowMs);
  if (!triage) return <span className="muted">no service label</span>;
  const name = alert.labels.alertname ?? 'this alert';
  return (
    <span className="triage-links">
      <Link to="/logs" search={{ q: triage.logsQuery, ...triage.range }} aria-label={`Error logs of ${triage.service} for ${name}`}>
        Logs
      </Link>{' '}
      <Link to="/traces" search={{ q: triage.tracesQuery, ...triage.range }} aria-label={`Failed traces of ${triage.service} for ${name}`}>
        Traces
      </Link>
    </span>
  );
}
