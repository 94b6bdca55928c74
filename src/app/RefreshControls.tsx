import { useNavigate } from '@tanstack/react-router';
import { rootRoute } from './router';
import { useRefreshStore } from './refresh';
import { traceUserAction } from '../telemetry/userAction';
import { REFRESH_CHOICES } from '../lib/timeRange';

export function RefreshControls() {
  const { refresh } = rootRoute.useSearch();
  const bump = useRefreshStore((s) => s.refresh);
  const navigate = useNavigate();
  return (
    <div className="refresh-controls" role="group" aria-label="Refresh">
      <button
        type="button"
        onClick={() => {
          traceUserAction('refresh');
          bump();
        }}
        title="Refresh now"
      >
        Refresh
      </button>
      <select
        aria-label="Auto-refresh interval"
        value={refresh ?? ''}
        onChange={(e) => navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, refresh: e.target.value || undefined }) })}
      >
        {REFRESH_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {choice ? `Every ${choice}` : 'Auto-refresh off'}
          </option>
        ))}
      </select>
    </div>
  );
}
