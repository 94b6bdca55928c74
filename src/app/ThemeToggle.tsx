import { usePreferences, type ThemePreference } from './preferences';

export function ThemeToggle() {
  const theme = usePreferences((p) => p.theme);
  const setTheme = usePreferences((p) => p.setTheme);
  return (
    <label className="compact-field">
      <span className="visually-hidden">Theme</span>
      <select value={theme} onChange={(e) => setTheme(e.target.value as ThemePreference)} aria-label="Theme">
        <option value="system">System theme</option>
        <option value="dark">Dark</option>
        <option value="light">Light</option>
      </select>
    </label>
  );
}
