import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TraceSearchHit } from '../../../datasources/types';
import { useTimeFormatters } from '../../../lib/timeFormat';

interface Point {
  t: number;
  ms: number;
  traceId: string;
  name: string;
  error: boolean;
}


/** Duration over time, one dot per trace (errors in red); a click opens the trace. The table lists the same traces. */
export function DurationScatter({ hits, onOpen }: { hits: TraceSearchHit[]; onOpen: (traceId: string) => void }) {
  const points: Point[] = hits.map((h) => ({
    t: h.startUs / 1000,
    ms: h.durationMs,
    traceId: h.traceId,
    name: `${h.rootServiceName ?? '?'}: ${h.rootTraceName ?? '(root span not received)'}`,
    error: Boolean(h.errorCount),
  }));
  const span = points.length ? Math.max(...points.map((p) => p.t)) - Math.min(...points.map((p) => p.t)) : 0;
  // The header's zone (browser or UTC); the date joins the time once the hits span more than a day.
  const { axis: time, full } = useTimeFormatters(span);
  const ok = points.filter((p) => !p.error);
  const errors = points.filter((p) => p.error);
  const open = (data: unknown) => {
    const point = (data as { payload?: Point }).payload ?? (data as Point);
    if (point?.traceId) onOpen(point.traceId);
  };
  return (
    <figure className="duration-scatter" aria-label="Trace duration over time (click a dot to open the trace)">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={time} stroke="var(--muted)" fontSize={11} />
          <YAxis dataKey="ms" type="number" unit=" ms" stroke="var(--muted)" fontSize={11} width={70} />
          <Tooltip
            isAnimationActive={false}
            cursor={false}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as Point | undefined;
              return p ? (
                <div className="card">
                  <div>{p.name}</div>
                  <div className="mono">
                    {p.ms} ms at {full(p.t)}
                  </div>
                </div>
              ) : null;
            }}
          />
          <Scatter data={ok} fill="var(--accent)" isAnimationActive={false} onClick={open} cursor="pointer" />
          <Scatter data={errors} fill="var(--error)" isAnimationActive={false} onClick={open} cursor="pointer" />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
