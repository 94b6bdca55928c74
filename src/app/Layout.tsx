import { useEffect } from 'react';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Header } from './Header';
import { DemoBanner } from './DemoBanner';
import { useConfig } from './config';
import { useAutoRefresh } from './useAutoRefresh';
import { useApplyTheme } from './theme';

interface Chrome {
  embed: boolean;
  kiosk: boolean;
  /** An embed's `theme=`: the wiki's theme, not the viewer's preference. */
  theme?: 'light' | 'dark';
  transparent: boolean;
}

/** A flag given as `?kiosk`, `?kiosk=true` or `?kiosk=1`; absent, undefined or `false` is off. */
function flag(value: unknown): boolean {
  return value !== undefined && value !== false && value !== 'false';
}

function chromeFor(pathname: string, search: Record<string, unknown>): Chrome {
  const embed = pathname.startsWith('/embed/');
  const theme = embed && (search.theme === 'light' || search.theme === 'dark') ? search.theme : undefined;
  return {
    embed,
    kiosk: pathname.startsWith('/d/') && flag(search.kiosk),
    theme,
    transparent: embed && flag(search.transparent),
  };
}

export function Layout() {
  const config = useConfig();
  const { embed, kiosk, theme, transparent } = useRouterState({
    select: (state) => chromeFor(state.location.pathname, state.location.search as Record<string, unknown>),
    structuralSharing: true,
  });
  useApplyTheme(theme);
  useAutoRefresh();
  useEffect(() => {
    if (transparent) document.documentElement.dataset.transparent = '';
    else delete document.documentElement.dataset.transparent;
  }, [transparent]);
  // Embedded panels live inside someone else's page: no navigation, no picker, no banner.
  if (embed) return <Outlet />;
  // Kiosk: a dashboard on the team TV, nothing but the panels, larger text.
  if (kiosk)
    return (
      <main id="main" className="kiosk">
        <Outlet />
      </main>
    );
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
