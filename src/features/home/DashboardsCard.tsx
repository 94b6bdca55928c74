import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { QueryError } from '../../app/QueryError';
import { fetchDashboardList } from '../dashboards/api';

/** The dashboards the server loaded, so the home page is one click from any of them. */
export function DashboardsCard() {
  const list = useQuery({ queryKey: ['dashboards', 'list'], queryFn: ({ signal }) => fetchDashboardList(signal) });
  return (
    <section className="card" aria-labelledby="dashboards-title">
      <h2 id="dashboards-title">Dashboards</h2>
      {list.error && <QueryError error={list.error} />}
      {list.data && list.data.dashboards.length === 0 && <p className="muted">No dashboard files in the configured folder.</p>}
      {list.data && list.data.dashboards.length > 0 && (
        <ul className="plain-list" aria-label="Dashboards on the home page">
          {list.data.dashboards.map((d) => (
            <li key={d.uid}>
              <Link to="/d/$uid" params={{ uid: d.uid }}>
                {d.title}
              </Link>
              {d.tags.length > 0 && <span className="muted"> {d.tags.join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
      {list.data && list.data.errors.length > 0 && (
        <p>
          <Link to="/dashboards">
            {list.data.errors.length} {list.data.errors.length === 1 ? 'file does' : 'files do'} not load: see why
          </Link>
        </p>
      )}
    </section>
  );
}
