import { CompactSelect } from './CompactSelect';
import { usePreferences } from './preferences';

/** Browser time or UTC for every chart axis, tooltip and time shown, on every page (Grafana's two common choices). */
export function TimezoneSelect() {
  const timezone = usePreferences((p) => p.timezone);
  const setTimezone = usePreferences((p) => p.setTimezone);
  return <CompactSelect label="Timezone" value={timezone} onChange={setTimezone} options={[['browser', 'Browser time'], ['utc', 'UTC']]} />;
}
