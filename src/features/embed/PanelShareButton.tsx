import { useRouterState } from '@tanstack/react-router';
import { ShareButton } from './ShareDialog';

/** A panel's "Share": a link to the panel alone and the embed snippet for wikis. */
export function PanelShareButton({ dashboardUid, panel }: { dashboardUid: string; panel: { id: string; title: string } }) {
  const search = useRouterState({ select: (state) => state.location.search as Record<string, unknown> });
  const title = panel.title || 'Untitled panel';
  return (
    <ShareButton
      label="Share"
      target={{ path: `/d/${encodeURIComponent(dashboardUid)}`, search: { ...search, kiosk: undefined, viewPanel: panel.id } }}
      panel={{ dashboardUid, panelId: panel.id, title }}
    />
  );
}
