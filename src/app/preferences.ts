import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemePreference = 'system' | 'light' | 'dark';
export type TimezonePreference = 'browser' | 'utc';

interface Preferences {
  theme: ThemePreference;
  timezone: TimezonePreference;
  setTheme: (theme: ThemePreference) => void;
  setTimezone: (timezone: TimezonePreference) => void;
}

/** Per-browser preferences, kept in localStorage: not part of a shared link. */
export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      theme: 'system',
      timezone: 'browser',
      setTheme: (theme) => set({ theme }),
      setTimezone: (timezone) => set({ timezone }),
    }),
    { name: 'sightline.preferences' },
  ),
);
