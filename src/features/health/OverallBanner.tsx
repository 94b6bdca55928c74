import { levelLabel, type OverallStatus } from './overallStatus';

/** The overall status and every reason for it, as a live region so a change is announced. */
export function OverallBanner({ status, loading }: { status: OverallStatus; loading: boolean }) {
  return (
    <div className={`overall-banner level-${loading ? 'unknown' : status.level}`} role="status" aria-label="Overall status">
      <strong>Overall: {loading ? 'Checking…' : levelLabel[status.level]}</strong>
      {!loading && status.reasons.length === 0 && status.level === 'ok' && <span className="muted">Every store is ready, every target up, no alert firing.</span>}
      {status.reasons.length > 0 && (
        <ul>
          {status.reasons.map((reason, i) => (
            <li key={i}>
              {reason.level === 'down' ? 'Down' : 'Degraded'}: {reason.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
