import { useMemo, useState } from 'react';
import type { PromTarget } from '../../datasources/prometheus/types';
import { LabelList } from './LabelList';
import { StateText } from './StateText';
import { groupTargets, type TargetSortKey, type TargetView } from './targetGroups';
import { agoText, latencyText } from './timeText';

const columns: { key: TargetSortKey; label: string }[] = [
  { key: 'endpoint', label: 'Endpoint' },
  { key: 'health', label: 'State' },
  { key: 'lastScrape', label: 'Last scrape' },
  { key: 'duration', label: 'Scrape duration' },
];

const healthLabel = { up: 'Up', down: 'Down', unknown: 'Unknown' } as const;
const healthState = { up: 'ok', down: 'failing', unknown: 'unknown' } as const;

export function TargetsSection({ targets, nowMs }: { targets: PromTarget[]; nowMs: number }) {
  const [view, setView] = useState<TargetView>({ sortBy: 'health', direction: 'ascending', unhealthyOnly: false });
  const groups = useMemo(() => groupTargets(targets, view), [targets, view]);
  const sortBy = (key: TargetSortKey) =>
    setView((v) => ({ ...v, sortBy: key, direction: v.sortBy === key && v.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    <>
      <label className="toolbar">
        <input type="checkbox" checked={view.unhealthyOnly} onChange={(e) => setView((v) => ({ ...v, unhealthyOnly: e.target.checked }))} />
        Unhealthy only
      </label>
      {groups.length === 0 && <p className="muted">{view.unhealthyOnly ? 'Every target is up.' : 'Prometheus has no active targets.'}</p>}
      {groups.map((group) => (
        <section key={group.job} aria-label={`Job ${group.job}`}>
          <h3>
            {group.job}{' '}
            <span className="muted">
              ({group.up} of {group.total} up)
            </span>
          </h3>
          <table className="data targets-table">
            <thead>
              <tr>
                {columns.map((col) => (
                  <th key={col.key} scope="col" aria-sort={view.sortBy === col.key ? view.direction : 'none'}>
                    <button type="button" className="sort-button" onClick={() => sortBy(col.key)}>
                      {col.label}
                      {view.sortBy === col.key ? (view.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                ))}
                <th scope="col">Labels</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {group.targets.map((target) => (
                <tr key={target.scrapeUrl} aria-label={`Target ${target.labels.instance ?? target.scrapeUrl}`}>
                  <td>
                    <code>{target.scrapeUrl}</code>
                  </td>
                  <td>
                    <StateText state={healthState[target.health]}>{healthLabel[target.health]}</StateText>
                  </td>
                  <td title={target.lastScrape}>{agoText(target.lastScrape, nowMs)}</td>
                  <td>{latencyText(target.lastScrapeDuration * 1000)}</td>
                  <td>
                    <LabelList labels={target.labels} skip={['job']} />
                  </td>
                  <td className="error-text small">{target.lastError}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
