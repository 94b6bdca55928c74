import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { embedPanelRoute } from '../../app/router';
import { useConfig } from '../../app/config';
import { useTimeRange } from '../../app/useTimeRange';
import { QueryError } from '../../app/QueryError';
import { stringifySearch } from '../../app/urlSearch';
import { fetchDashboard } from '../dashboards/api';
import { variablesFromSearch } from '../dashboards/model/variables';
import { useDashboardVariables } from '../dashboards/useDashboardVariables';
import { PanelView } from '../dashboards/PanelView';
import '../dashboards/dashboards.css';
import './embed.css';

const ignoreZoom = () => undefined;

/**
 * One panel for someone else's page (a wiki iframe): no navigation, no editor, no time picker.
 * Range, refresh and variables come from the URL; auto-refresh is the shell's (refresh=).
 */
export function EmbedPanelPage() {
  const { uid, panelId } = embedPanelRoute.useParams();
  const search = embedPanelRoute.useSearch();
  const config = useConfig();
  const { range, resolved, error: rangeError } = useTimeRange();
  const dashboard = useQuery({ queryKey: ['dashboard', uid], queryFn: ({ signal }) => fetchDashboard(uid, signal) });
  const fromUrl = useMemo(() => variablesFromSearch(search as Record<string, unknown>), [search]);
  const variables = useDashboardVariables(dashboard.data, config, fromUrl, resolved);
  const panel = dashboard.data?.panels.find((p) => p.id === panelId);
  const vars = variables.data?.values;
  const backSearch = stringifySearch({ ...search, theme: undefined, transparent: undefined, hideTitle: undefined, viewPanel: panelId });

  return (
    <div className="embed-page">
      {dashboard.error && <QueryError error={dashboard.error} />}
      {rangeError && <QueryError error={rangeError} />}
      {dashboard.data && !panel && <p role="alert">Dashboard "{uid}" has no panel "{panelId}".</p>}
      {variables.error && <QueryError error={variables.error} />}
      {panel && resolved && (vars || dashboard.data?.variables.length === 0) && (
        <div className="embed-panel">
          <PanelView panel={search.hideTitle ? { ...panel, title: '' } : panel} config={config} range={resolved} rangeText={range} vars={vars ?? {}} onZoom={ignoreZoom} viewed embedded />
        </div>
      )}
      <p className="embed-backlink">
        <a href={`/d/${encodeURIComponent(uid)}${backSearch}`} target="_blank" rel="noopener noreferrer">
          Open in Sightline
        </a>
      </p>
    </div>
  );
}
