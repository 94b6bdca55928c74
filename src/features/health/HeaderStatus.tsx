import { useEffect } from 'react';
import { Link } from '@tanstack/react-router';
import { levelLabel, titleWithStatus } from './overallStatus';
import { useOverallStatus } from './useHealthData';
import './health.css';

/** The overall status in the header on every route, and in the tab title. Text, not only colour. */
export function HeaderStatus() {
  const { status, loading } = useOverallStatus();
  const label = loading ? 'Checking…' : levelLabel[status.level];
  const why = status.reasons.map((r) => r.text).join('; ');

  useEffect(() => {
    if (!loading) document.title = titleWithStatus(document.title, status.level);
  }, [loading, status.level]);

  return (
    <Link
      to="/health"
      className={`header-status level-${loading ? 'unknown' : status.level}`}
      aria-label={`Overall status: ${label}${why ? `. ${why}` : ''}. Open Health`}
      title={why || 'All checks pass'}
    >
      <span className="status-dot" aria-hidden="true" />
      <span>Status: {label}</span>
    </Link>
  );
}
