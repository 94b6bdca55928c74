import { Link } from '@tanstack/react-router';
import { formatPromDuration } from '../../../lib/step';
import { formatBytes } from '../../metrics/Inspector';
import type { PanelQueryPlan } from '../model/panelQuery';
import type { TargetRun } from './targetRuns';

/** Each target as sent (variables substituted), its request, what came back and its trace. */
export function PanelInspector({ plan, urls, runs }: { plan: PanelQueryPlan; urls: string[]; runs: (TargetRun | undefined)[] }) {
  return (
    <details className="panel-inspector">
      <summary>Inspect</summary>
      <p className="muted">Step {formatPromDuration(plan.stepMs)}</p>
      <ol>
        {plan.exprs.map((e, i) => {
          const run = runs[i];
          return (
            <li key={i}>
              <code>{e.expr}</code>
              <div className="mono muted">GET {urls[i]}</div>
              {run ? (
                <div className="inspector-run">
                  Status {run.status ?? 'no response'}
                  {run.error ? `: ${run.error}` : ''} · {run.durationMs} ms · {formatBytes(run.responseBytes)}
                  {run.returned ? ` · ${run.returned}` : ''}
                </div>
              ) : (
                <div className="muted">Not run yet</div>
              )}
              {run?.traceId ? (
                <Link to="/traces/$traceId" params={{ traceId: run.traceId }}>
                  Trace {run.traceId}
                </Link>
              ) : (
                <span className="muted">Trace not sampled</span>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
