import type { HistoryEntry } from '../../server/health/types';
import { latencyText } from './timeText';
import { probeStateLabel } from './StateText';

/** The last probes, oldest left; the summary is in the accessible name and beside it in text. */
export function StatusStrip({ history, uptimePercent, what }: { history: HistoryEntry[]; uptimePercent: number | null; what: string }) {
  const answered = history.filter((h) => h.state === 'ok' || h.state === 'degraded').length;
  const summary = `${what}: ${answered} of ${history.length} probes answered`;
  return (
    <span className="strip-with-uptime">
      <span className="status-strip" role="img" aria-label={summary}>
        {history.map((entry) => (
          <span
            key={entry.at}
            className={`strip-${entry.state}`}
            title={`${new Date(entry.at).toLocaleTimeString()}: ${probeStateLabel[entry.state]}, ${latencyText(entry.latencyMs)}`}
          />
        ))}
      </span>{' '}
      <span className="muted">{uptimePercent === null ? 'no history yet' : `${uptimePercent}% up`}</span>
    </span>
  );
}
