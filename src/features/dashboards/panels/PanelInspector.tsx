import { Link } from '@tanstack/react-router';
import { formatPromDuration } from '../../../lib/step';
import type { PanelQueryPlan } from '../model/panelQuery';

/** Each target as sent (variables substituted), its request and the trace of its last run. */
export function PanelInspector({ plan, urls, traceIds }: { plan: PanelQueryPlan; urls: string[]; traceIds: (string | undefined)[] }) {
  return (
    <details className="panel-inspector">
      <summary>Inspect</summary>
      <p className="muted">Step {formatPromDuration(plan.stepMs)}</p>
      <ol>
        {plan.exprs.map((e, i) => (
          <li key={i}>
            <code>{e.expr}</code>
            <div className="mono muted">GET {urls[i]}</div>
            {traceIds[i] ? (
              <Link to="/traces/$traceId" params={{ traceId: traceIds[i]! }}>
                Trace {traceIds[i]}
              </Link>
            ) : (
              <span className="muted">Trace not sampled</span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
