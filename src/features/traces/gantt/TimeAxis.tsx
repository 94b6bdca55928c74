import { formatDurationUs } from '../layout/format';
import { timeTicks } from '../layout/timeTicks';
import type { ViewWindow } from './viewWindow';

/** Tick labels over the bar column, relative to the trace's start (as Jaeger UI draws them). */
export function TimeAxis({ view, width }: { view: ViewWindow; width: number }) {
  const ticks = timeTicks(view.startUs, view.endUs, Math.max(2, Math.floor(width / 110)));
  const span = view.endUs - view.startUs;
  return (
    <div className="gantt-axis" aria-hidden="true">
      {ticks.map((t) => {
        const left = ((t - view.startUs) / span) * 100;
        return (
          <span key={t} className={left > 92 ? 'gantt-tick end' : 'gantt-tick'} style={{ left: `${left}%` }}>
            {t === 0 ? '0' : formatDurationUs(t)}
          </span>
        );
      })}
    </div>
  );
}
