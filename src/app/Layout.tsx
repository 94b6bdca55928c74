import { Outlet, useRouterState } from '@tanstack/react-router';
import { Header } from './Header';
import { DemoBanner } from './DemoBanner';
import { useConfig } from './config';
import { useAutoRefresh } from './useAutoRefresh';
import { useApplyTheme } from './theme';

export function Layout() {
  const config = useConfig();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  useApplyTheme();
  useAutoRefresh();
  // Embedded panels live inside someone else's page: no navigation, no picker, no banner.
  if (pathname.startsWith('/embed/')) return <Outlet />;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      {config.demo && <DemoBanner />}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
