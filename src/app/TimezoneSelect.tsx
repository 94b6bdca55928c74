import { usePreferences, type TimezonePreference } from './preferences';

/** Browser time or UTC for every chart axis, tooltip and time shown, on every page (Grafana's two common choices). */
export function TimezoneSelect() {
  const timezone = usePreferences((p) => p.timezone);
  const setTimezone = usePreferences((p) => p.setTimezone);
  return (
    <label className="compact-field">
      <span className="visually-hidden">Timezone</span>
      <select value={timezone} onChange={(e) => setTimezone(e.target.value as TimezonePreference)} aria-label="Timezone">
        <option value="browser">Browser time</option>
        <option value="utc">UTC</option>
      </select>
    </label>
  );
}
