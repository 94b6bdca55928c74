import { Link } from '@tanstack/react-router';
import { levelLabel } from '../health/overallStatus';
import { StateText } from '../health/StateText';
import { useHealthChecks, useOverallStatus, usePromAlerts, usePromTargets } from '../health/useHealthData';
import '../health/health.css';

/** The home page's answer to "is the stack healthy?": the overall word, why, and counts linking to Health. */
export function StatusSummary() {
  const { status, loading } = useOverallStatus();
  const checks = useHealthChecks().data;
  const alerts = usePromAlerts().data ?? [];
  const targets = usePromTargets().data?.activeTargets ?? [];
  const firing = alerts.filter((a) => a.state === 'firing');
  const pending = alerts.filter((a) => a.state === 'pending').length;
  const readyStores = checks?.stores.filter((s) => s.latest?.state === 'ok').length ?? 0;
  const upTargets = targets.filter((t) => t.health === 'up').length;
  const level = loading ? 'unknown' : status.level;

  return (
    <div className="home-status">
      <p className={`level-${level}`}>
        <StateText state={level === 'down' ? 'failing' : level}>
          <strong>{loading ? 'Checking…' : levelLabel[status.level]}</strong>
        </StateText>
      </p>
      {status.reasons.length > 0 && (
        <ul className="reasons" aria-label="Why">
          {status.reasons.slice(0, 5).map((reason, i) => (
            <li key={i}>{reason.text}</li>
          ))}
        </ul>
      )}
      <ul className="plain-list">
        {checks && (
          <li>
            Stores ready: {readyStores} of {checks.stores.length}
          </li>
        )}
        {targets.length > 0 && (
          <li>
            Scrape targets up: {upTargets} of {targets.length}
          </li>
        )}
        <li>
          Alerts firing: {firing.length}
          {firing.length > 0 && ` (${firing.map((a) => a.labels.alertname ?? '(unnamed)').join(', ')})`}, pending: {pending}
        </li>
      </ul>
      <p>
        <Link to="/health">Open Health</Link>
      </p>
    </div>
  );
}
