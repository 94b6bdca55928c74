import { Link } from '@tanstack/react-router';
import { TimeRangePicker } from './TimeRangePicker';
import { RefreshControls } from './RefreshControls';
import { ThemeToggle } from './ThemeToggle';
import { TimezoneSelect } from './TimezoneSelect';
import { HeaderStatus } from '../features/health/HeaderStatus';

const NAV = [
  { to: '/health', label: 'Health' },
  { to: '/dashboards', label: 'Dashboards' },
  { to: '/explore/metrics', label: 'Explore metrics' },
  { to: '/logs', label: 'Logs' },
  { to: '/traces', label: 'Traces' },
] as const;

export function Header() {
  return (
    <header className="app-header">
      <Link to="/" className="brand" aria-label="Sightline home">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span>Sightline</span>
      </Link>
      <nav aria-label="Main">
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <Link to={item.to} activeProps={{ 'aria-current': 'page', className: 'active' }}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-controls">
        <HeaderStatus />
        <TimeRangePicker />
        <RefreshControls />
        <TimezoneSelect />
        <ThemeToggle />
      </div>
    </header>
  );
}
