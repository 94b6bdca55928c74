import { create } from 'zustand';

interface RefreshState {
  /** The "now" that relative ranges resolve against; bumped by refresh so every view re-queries together. */
  nowMs: number;
  refresh: () => void;
}

export const useRefreshStore = create<RefreshState>()((set) => ({
  nowMs: Date.now(),
  refresh: () => set({ nowMs: Date.now() }),
}));
