import { CompactSelect } from './CompactSelect';
import { usePreferences } from './preferences';

export function ThemeToggle() {
  const theme = usePreferences((p) => p.theme);
  const setTheme = usePreferences((p) => p.setTheme);
  return <CompactSelect label="Theme" value={theme} onChange={setTheme} options={[['system', 'System theme'], ['dark', 'Dark'], ['light', 'Light']]} />;
}
