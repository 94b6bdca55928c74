import { Link } from '@tanstack/react-router';
import { useId, useMemo, type ReactNode } from 'react';
import { pickDatasource } from '../../app/config';
import { QueryError } from '../../app/QueryError';
import type { PublicConfig } from '../../datasources/types';
import type { ResolvedRange } from '../../lib/timeRange';
import { useElementWidth } from '../../lib/useElementWidth';
import { TimeSeriesChart } from '../metrics/TimeSeriesChart';
import { planPanelQuery, type PanelQueryPlan } from './model/panelQuery';
import type { ScopedVars } from './model/interpolate';
import type { Panel } from './model/schema';
import { BarGaugePanel } from './panels/BarGaugePanel';
import { GaugePanel } from './panels/GaugePanel';
import { LogsPanel } from './panels/LogsPanel';
import { StatPanel } from './panels/StatPanel';
import { TablePanel } from './panels/TablePanel';
import { useInstantSamples, useLogLines, useRangeSeries, type PanelQueryState } from './panels/usePanelQueries';
import { panelRequestUrls } from './panels/requestUrls';
import { PanelInspector } from './panels/PanelInspector';
import { PanelShareButton } from '../embed/PanelShareButton';

export const ROW_HEIGHT_PX = 30;

export interface PanelViewProps {
  panel: Panel;
  config: PublicConfig;
  range: ResolvedRange;
  /** The range as written in the URL, for links that keep it relative. */
  rangeText: { from: string; to: string };
  vars: ScopedVars;
  onZoom: (fromMs: number, toMs: number) => void;
  /** Shown alone, full width. */
  viewed?: boolean;
  /** Inside an iframe on someone else's page: fills the frame, no links into Sightline. */
  embedded?: boolean;
  /** The dashboard this panel is shared from (link and embed snippet). */
  dashboardUid?: string;
}

export function PanelView(props: PanelViewProps) {
  const { panel, config, range, vars, viewed, embedded } = props;
  const titleId = useId();
  const [bodyRef, width] = useElementWidth<HTMLDivElement>(400);
  const kind = panel.type === 'logs' ? 'loki' : 'prometheus';
  const datasource = pickDatasource(config, [kind], panel.datasource);
  const wrongDatasource = panel.datasource && datasource?.uid !== panel.datasource;
  const plan = datasource && !wrongDatasource ? planPanelQuery(panel, range, width, vars) : null;
  const heightPx = embedded ? Math.max(160, window.innerHeight - 40) : viewed ? 560 : panel.gridPos.h * ROW_HEIGHT_PX;
  const style = viewed ? undefined : { gridColumn: `${panel.gridPos.x + 1} / span ${panel.gridPos.w}`, gridRow: `${panel.gridPos.y + 1} / span ${panel.gridPos.h}` };
  const firstExpr = plan?.exprs[0]?.expr;

  return (
    <section className="panel" style={style} aria-labelledby={titleId} data-panel-id={panel.id} data-panel-type={panel.type}>
      <header className="panel-header">
        <h2 id={titleId} title={panel.description}>
          {panel.title || 'Untitled panel'}
        </h2>
        {!embedded && <div className="panel-links">
          {firstExpr && kind === 'prometheus' && (
            <Link to="/explore/metrics" search={{ q: firstExpr, ds: datasource?.uid, ...props.rangeText }} aria-label={`Explore the query of ${panel.title || 'this panel'}`}>
              Explore
            </Link>
          )}
          <Link to="." search={(prev: Record<string, unknown>) => ({ ...prev, viewPanel: viewed ? undefined : panel.id })} aria-label={viewed ? 'Back to the dashboard' : `View ${panel.title || 'panel'} alone`}>
            {viewed ? 'Back' : 'View'}
          </Link>
          {props.dashboardUid && <PanelShareButton dashboardUid={props.dashboardUid} panel={panel} />}
        </div>}
      </header>
      <div ref={bodyRef} className="panel-body" style={{ height: heightPx - 36 }}>
        {!datasource || wrongDatasource ? (
          <div role="alert" className="error-box">
            {panel.datasource ? `Datasource "${panel.datasource}" is not configured` : `No ${kind === 'loki' ? 'Loki' : 'Prometheus'} datasource is configured`}
          </div>
        ) : (
          <PanelContent {...props} plan={plan!} uid={datasource.uid} chartHeight={heightPx - 36} />
        )}
      </div>
    </section>
  );
}

function PanelContent(props: PanelViewProps & { plan: PanelQueryPlan; uid: string; chartHeight: number }) {
  const { panel, plan, uid } = props;
  if (panel.type === 'logs') return <LogsContent {...props} />;
  if (panel.type === 'table') return <TableContent {...props} />;
  return <SeriesContent {...props} plan={plan} uid={uid} />;
}

function SeriesContent({ panel, plan, uid, onZoom, chartHeight }: PanelViewProps & { plan: PanelQueryPlan; uid: string; chartHeight: number }) {
  const state = useRangeSeries(uid, plan, panel.title);
  // Stable props, so the memoized chart redraws only for new data or a new range.
  const names = useMemo(() => state.data?.map((s) => s.name), [state.data]);
  const chartRange = useMemo(() => ({ fromMs: plan.fromMs, toMs: plan.toMs }), [plan.fromMs, plan.toMs]);
  return (
    <QueryState state={state} plan={plan} urls={panelRequestUrls('range', uid, plan)} isEmpty={(d) => d.length === 0}>
      {(series) => {
        if (panel.type === 'stat') return <StatPanel panel={panel} series={series} />;
        if (panel.type === 'gauge') return <GaugePanel panel={panel} series={series} />;
        if (panel.type === 'bargauge') return <BarGaugePanel panel={panel} series={series} />;
        const legendRows = Math.min(series.length + 1, 5);
        return (
          <TimeSeriesChart
            series={series}
            names={names}
            height={Math.max(80, chartHeight - 12 - legendRows * 19)}
            style={panel.style}
            stacked={panel.stacked}
            unit={panel.unit}
            decimals={panel.decimals}
            min={panel.min}
            max={panel.max}
            thresholds={panel.thresholds}
            thresholdsStyle={panel.thresholdsStyle}
            range={chartRange}
            onZoom={onZoom}
            syncId="dashboard"
          />
        );
      }}
    </QueryState>
  );
}

function TableContent({ panel, plan, uid }: PanelViewProps & { plan: PanelQueryPlan; uid: string }) {
  const state = useInstantSamples(uid, plan, panel.title);
  return (
    <QueryState state={state} plan={plan} urls={panelRequestUrls('instant', uid, plan)} isEmpty={(d) => d.length === 0}>
      {(samples) => <TablePanel panel={panel} samples={samples} />}
    </QueryState>
  );
}

function LogsContent({ panel, plan, uid, rangeText }: PanelViewProps & { plan: PanelQueryPlan; uid: string }) {
  const state = useLogLines(uid, plan, panel.limit ?? 100, panel.title);
  return (
    <QueryState state={state} plan={plan} urls={panelRequestUrls('logs', uid, plan, panel.limit ?? 100)} isEmpty={(d) => d.length === 0}>
      {(lines) => <LogsPanel lines={lines} query={plan.exprs[0]?.expr ?? ''} from={rangeText.from} to={rangeText.to} />}
    </QueryState>
  );
}

/** Loading (with Cancel), the backend's error, "No data" with the query, or the panel. */
function QueryState<T>({ state, plan, urls, isEmpty, children }: { state: PanelQueryState<T>; plan: PanelQueryPlan; urls: string[]; isEmpty: (data: T) => boolean; children: (data: T) => ReactNode }) {
  const queries = plan.exprs.map((e) => e.expr).join('\n');
  const status = state.error ? 'error' : state.data === undefined ? 'loading' : isEmpty(state.data) ? 'empty' : 'ready';
  // data-state lets the bench (and tests) tell when every panel has drawn.
  return (
    <div className="panel-content" data-state={status}>
      {state.isFetching && (
        <div className="panel-progress" role="status">
          <span className="spinner" aria-hidden="true" /> Loading…
          <button type="button" onClick={state.cancel}>
            Cancel
          </button>
        </div>
      )}
      {state.error ? (
        <QueryError error={state.error} />
      ) : state.data === undefined ? null : isEmpty(state.data) ? (
        <p className="no-data">
          No data for <code>{queries}</code>
        </p>
      ) : (
        children(state.data)
      )}
      <PanelInspector plan={plan} urls={urls} runs={state.runs} />
    </div>
  );
}
