import { useId } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { dashboardsRoute } from '../../app/router';
import { QueryError } from '../../app/QueryError';
import { fetchDashboardList } from './api';
import { useImportedDashboards } from './importedStore';
import { allTags, filterDashboards } from './model/filterDashboards';
import { ImportDashboard } from './ImportDashboard';
import './dashboards.css';

export function DashboardsPage() {
  const { query = '', tag } = dashboardsRoute.useSearch();
  const navigate = useNavigate({ from: dashboardsRoute.fullPath });
  const searchId = useId();
  const list = useQuery({ queryKey: ['dashboards'], queryFn: ({ signal }) => fetchDashboardList(signal), staleTime: 0 });
  const drafts = Object.values(useImportedDashboards((s) => s.drafts));
  const dashboards = list.data?.dashboards ?? [];
  const shown = filterDashboards(dashboards, query, tag);

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">Dashboards</h1>
      <div className="toolbar">
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder="Title or tag"
          onChange={(e) => void navigate({ replace: true, search: (prev) => ({ ...prev, query: e.target.value || undefined }) })}
        />
        <label>
          Tag{' '}
          <select value={tag ?? ''} onChange={(e) => void navigate({ search: (prev) => ({ ...prev, tag: e.target.value || undefined }) })}>
            <option value="">Any tag</option>
            {allTags(dashboards).map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
      </div>
      {list.error && <QueryError error={list.error} />}
      {list.isLoading && <p className="muted">Loading dashboards…</p>}
      {list.data && (
        <ul className="dashboard-list" aria-label="Dashboards">
          {shown.map((d) => (
            <li key={d.uid}>
              <Link to="/d/$uid" params={{ uid: d.uid }}>
                {d.title}
              </Link>
              <span className="muted mono"> {d.file}</span>
              {d.tags.map((t) => (
                <Link key={t} className="tag" to="/dashboards" search={{ tag: t }}>
                  {t}
                </Link>
              ))}
            </li>
          ))}
          {shown.length === 0 && <li className="muted">No dashboard matches.</li>}
        </ul>
      )}
      {list.data && list.data.errors.length > 0 && (
        <>
          <h2>Files that could not be loaded</h2>
          <ul className="dashboard-errors" aria-label="Invalid dashboard files">
            {list.data.errors.map((e) => (
              <li key={e.file}>
                <span className="mono">{e.file}</span>: <span className="error-text">{e.error}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {drafts.length > 0 && (
        <>
          <h2>Imported in this browser</h2>
          <ul className="dashboard-list" aria-label="Imported dashboards">
            {drafts.map((d) => (
              <li key={d.uid}>
                <Link to="/d/$uid" params={{ uid: d.uid }}>
                  {d.title}
                </Link>{' '}
                <span className="muted">draft</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <ImportDashboard />
    </section>
  );
}
