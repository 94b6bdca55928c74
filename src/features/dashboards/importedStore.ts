import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Dashboard } from './model/schema';

export type DraftOrigin = 'imported' | 'edited';

interface ImportedDashboards {
  /** Dashboards imported or edited in this browser (Grafana JSON or our files), by uid, until exported as files. */
  drafts: Record<string, Dashboard>;
  /** How each draft came about; drafts saved before this was kept count as imported. */
  origins: Record<string, DraftOrigin>;
  save: (dashboard: Dashboard, origin?: DraftOrigin) => void;
  remove: (uid: string) => void;
}

export const useImportedDashboards = create<ImportedDashboards>()(
  persist(
    (set) => ({
      drafts: {},
      origins: {},
      save: (dashboard, origin = 'imported') =>
        set((s) => ({ drafts: { ...s.drafts, [dashboard.uid]: dashboard }, origins: { ...s.origins, [dashboard.uid]: origin } })),
      remove: (uid) =>
        set((s) => {
          const drafts = { ...s.drafts };
          const origins = { ...s.origins };
          delete drafts[uid];
          delete origins[uid];
          return { drafts, origins };
        }),
    }),
    { name: 'sightline.importedDashboards' },
  ),
);
