import { useRouterState } from '@tanstack/react-router';
import { ShareButton } from './ShareDialog';

/** "Share" for the view on screen: its path and every search param, as the URL holds them. */
export function ShareViewButton() {
  const location = useRouterState({ select: (state) => state.location });
  return <ShareButton target={{ path: location.pathname, search: location.search as Record<string, unknown> }} />;
}
