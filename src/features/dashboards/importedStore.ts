import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Dashboard } from './model/schema';

interface ImportedDashboards {
  /** Dashboards imported in this browser (Grafana JSON or our files), by uid, until exported as files. */
  drafts: Record<string, Dashboard>;
  save: (dashboard: Dashboard) => void;
  remove: (uid: string) => void;
}

export const useImportedDashboards = create<ImportedDashboards>()(
  persist(
    (set) => ({
      drafts: {},
      save: (dashboard) => set((s) => ({ drafts: { ...s.drafts, [dashboard.uid]: dashboard } })),
      remove: (uid) =>
        set((s) => {
          const drafts = { ...s.drafts };
          delete drafts[uid];
          return { drafts };
        }),
    }),
    { name: 'sightline.importedDashboards' },
  ),
);
