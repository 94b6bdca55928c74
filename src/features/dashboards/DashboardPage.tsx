import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { dashboardRoute, rootRoute } from '../../app/router';
import { useConfig } from '../../app/config';
import { useTimeRange } from '../../app/useTimeRange';
import { QueryError } from '../../app/QueryError';
import { shiftRange, zoomOut, zoomToSelection } from '../../lib/timeZoom';
import { fetchDashboard } from './api';
import { useImportedDashboards } from './importedStore';
import { ALL_VALUE } from './model/interpolate';
import { variablesFromSearch } from './model/variables';
import { useDashboardVariables } from './useDashboardVariables';
import { useTimeShortcuts } from './useTimeShortcuts';
import { VariableBar } from './VariableBar';
import { PanelView } from './PanelView';
import { dashboardFileText, downloadText } from './exportDashboard';
import { DashboardEditor } from './DashboardEditor';
import type { Dashboard } from './model/schema';
import './dashboards.css';
import { ShareViewButton } from '../embed/ShareViewButton';

export function DashboardPage() {
  const { uid } = dashboardRoute.useParams();
  const search = dashboardRoute.useSearch();
  const globalSearch = rootRoute.useSearch();
  const navigate = useNavigate();
  const navigateHere = useNavigate({ from: dashboardRoute.fullPath });
  const config = useConfig();
  const { range, resolved, error: rangeError } = useTimeRange();
  const removeDraft = useImportedDashboards((s) => s.remove);
  const saveDraft = useImportedDashboards((s) => s.save);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const dashboard = useQuery({ queryKey: ['dashboard', uid], queryFn: ({ signal }) => fetchDashboard(uid, signal) });
  const d = dashboard.data;

  // The file's time and refresh apply until the URL says otherwise; written into the URL
  // (replacing the entry) so the link shows them, as Grafana does.
  useEffect(() => {
    if (!d || globalSearch.from || globalSearch.to) return;
    void navigate({ to: '.', replace: true, search: (prev: Record<string, unknown>) => ({ ...prev, from: d.time.from, to: d.time.to, refresh: (prev.refresh as string | undefined) ?? (d.refresh || undefined) }) });
  }, [d, globalSearch.from, globalSearch.to, navigate]);

  const fromUrl = useMemo(() => variablesFromSearch(search as Record<string, unknown>), [search]);
  const variables = useDashboardVariables(d, config, fromUrl, resolved);

  const setRange = (next: { from: string; to: string } | null) => {
    if (next) void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, ...next }) });
  };
  const actions = useMemo(
    () => ({
      zoomOut: () => resolved && setRange(zoomOut(resolved, Date.now())),
      shiftEarlier: () => resolved && setRange(shiftRange(resolved, -1)),
      shiftLater: () => resolved && setRange(shiftRange(resolved, 1)),
    }),
    // setRange only closes over navigate.
    [resolved?.fromMs, resolved?.toMs, navigate],
  );
  useTimeShortcuts(actions);
  const kiosk = Boolean(search.kiosk);
  useEffect(() => {
    if (!kiosk) return;
    const leave = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, kiosk: undefined }) });
    };
    window.addEventListener('keydown', leave);
    return () => window.removeEventListener('keydown', leave);
  }, [kiosk, navigate]);
  const onZoom = useCallback(
    (fromMs: number, toMs: number) => {
      const next = zoomToSelection(fromMs, toMs);
      if (next) void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, ...next }) });
    },
    [navigate],
  );

  if (dashboard.error) {
    return (
      <section className="page" aria-labelledby="page-title">
        <h1 id="page-title">Dashboard {uid}</h1>
        <QueryError error={dashboard.error} />
        <p>
          <Link to="/dashboards">All dashboards</Link>
        </p>
      </section>
    );
  }
  if (!d) return <p className="page muted">Loading dashboard…</p>;

  const applyEdit = (edited: Dashboard) => {
    saveDraft(edited, 'edited');
    void queryClient.invalidateQueries({ queryKey: ['dashboard', edited.uid] });
    // A new uid is a new dashboard: go there, and leave the one being edited as it was.
    if (edited.uid !== d.uid) void navigate({ to: '/d/$uid', params: { uid: edited.uid } });
  };
  const panels = search.viewPanel ? d.panels.filter((p) => p.id === search.viewPanel) : d.panels;
  const vars = variables.data?.values;
  const waitingForVariables = d.variables.length > 0 && !vars;

  return (
    <section className="page dashboard" aria-labelledby="page-title">
      <div className="dashboard-title-row">
        <h1 id="page-title">{d.title}</h1>
        {kiosk ? (
          <p className="kiosk-hint muted">
            {range.from} to {range.to}
            {globalSearch.refresh ? `, refreshing every ${globalSearch.refresh}` : ''}. Press Esc to leave kiosk mode.
          </p>
        ) : (
        <div className="dashboard-actions" role="group" aria-label="Time range actions">
          <button type="button" onClick={actions.shiftEarlier} title="Shift earlier (t ←)">
            ‹ Earlier
          </button>
          <button type="button" onClick={actions.zoomOut} title="Zoom out (t z)">
            Zoom out
          </button>
          <button type="button" onClick={actions.shiftLater} title="Shift later (t →)">
            Later ›
          </button>
          <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            Edit
          </button>
          <button type="button" onClick={() => downloadText(`${d.uid}.json`, dashboardFileText(d))}>
            Export
          </button>
          <ShareViewButton />
          <Link to="." search={(prev: Record<string, unknown>) => ({ ...prev, kiosk: true, viewPanel: undefined })}>
            Kiosk mode
          </Link>
        </div>
        )}
      </div>
      {d.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {d.tags.map((tag) => (
            <li key={tag}>
              <Link to="/dashboards" search={{ tag }}>
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {d.draft && (
        <div className="draft-note" role="note">
          {d.draft === 'edited' ? 'Edited draft' : 'Imported draft'}, kept in this browser only. Export it and add the file to the dashboards folder to share it.{' '}
          <button
            type="button"
            onClick={() => {
              removeDraft(d.uid);
              void dashboard.refetch();
              // An edit of a file goes back to the file; an import has nothing to go back to.
              if (d.draft !== 'edited') void navigate({ to: '/dashboards' });
            }}
          >
            Discard draft
          </button>
        </div>
      )}
      {editing && !kiosk && <DashboardEditor key={d.uid} dashboard={d} onApply={applyEdit} onClose={() => setEditing(false)} />}
      {rangeError && <QueryError error={rangeError} />}
      <VariableBar
        variables={d.variables}
        values={vars ?? {}}
        options={variables.data?.options ?? {}}
        errors={variables.data?.errors ?? {}}
        isAll={(name) => [fromUrl[name]].flat().includes(ALL_VALUE)}
        onChange={(name, values) => void navigateHere({ search: (prev) => ({ ...prev, [`var-${name}` as const]: values }) })}
      />
      {variables.error && <QueryError error={variables.error} />}
      {search.viewPanel && panels.length === 0 && <p role="alert">This dashboard has no panel "{search.viewPanel}".</p>}
      {resolved && !waitingForVariables && (
        <div className={search.viewPanel ? 'panel-single' : 'panel-grid'}>
          {panels.map((panel) => (
            <PanelView
              key={panel.id}
              panel={panel}
              config={config}
              range={resolved}
              rangeText={range}
              vars={vars ?? {}}
              viewed={Boolean(search.viewPanel)}
              dashboardUid={d.uid}
              onZoom={onZoom}
            />
          ))}
        </div>
      )}
    </section>
  );
}
