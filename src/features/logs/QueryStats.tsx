import type { LogQueryStats } from '../../datasources/types';

const bytes = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat();

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return bytes.format(n / 1024);
}

/** What Loki reports it did for the query (from `data.stats.summary`). */
export function QueryStats({ stats }: { stats?: LogQueryStats }) {
  if (!stats) return null;
  const parts = [
    stats.bytesProcessed !== undefined && `${formatBytes(stats.bytesProcessed)} processed`,
    stats.linesProcessed !== undefined && `${count.format(stats.linesProcessed)} lines scanned`,
    stats.execTimeSeconds !== undefined && `${Math.round(stats.execTimeSeconds * 1000)} ms in Loki`,
  ].filter(Boolean);
  return (
    <span className="query-stats" aria-label="Query stats">
      {parts.join(' · ')}
    </span>
  );
}
