import { memo, type KeyboardEvent } from 'react';
import { formatDurationUs } from '../layout/format';
import type { TraceLayout } from '../layout/traceLayout';
import type { ViewWindow } from './viewWindow';

export const ROW_HEIGHT = 28;

interface GanttRowProps {
  layout: TraceLayout;
  node: number;
  rowIndex: number;
  top: number;
  view: ViewWindow;
  collapsed: boolean;
  selected: boolean;
  /** The one row reachable with Tab (roving focus, as a treegrid expects). */
  tabbable: boolean;
  match: 'none' | 'match' | 'current';
  highlightCritical: boolean;
  onToggle: (node: number) => void;
  onSelect: (node: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, rowIndex: number, node: number) => void;
}

const pct = (us: number, view: ViewWindow) => ((us - view.startUs) / (view.endUs - view.startUs)) * 100;

/** One span: name cell (indent, toggle, service) and its bar on the shared time axis. */
export const GanttRow = memo(function GanttRow(props: GanttRowProps) {
  const { layout, node, rowIndex, top, view, collapsed, selected, match, highlightCritical } = props;
  const { tree } = layout;
  const span = tree.spans[node];
  const depth = tree.depth[node];
  const hasChildren = tree.childCount[node] > 0;
  const error = span.status.code === 'error';
  const color = layout.serviceColor.get(span.serviceName);
  const duration = formatDurationUs(span.durationUs);
  const left = pct(tree.startUs[node], view);
  const right = pct(tree.endUs[node], view);
  // The duration label goes after the bar, else before it, else inside its end.
  const labelAt = right <= 82 ? 'after' : left >= 14 ? 'before' : 'inside';

  const classes = ['gantt-row'];
  if (selected) classes.push('selected');
  if (match !== 'none') classes.push(match === 'current' ? 'match-current' : 'match');
  if (error) classes.push('error');

  return (
    <div
      role="row"
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)` }}
      aria-rowindex={rowIndex + 1}
      aria-level={Math.min(depth, 9998) + 1}
      aria-expanded={hasChildren ? !collapsed : undefined}
      aria-selected={selected}
      aria-label={`${span.name}, ${span.serviceName}, ${duration}${error ? ', error' : ''}`}
      data-row-index={rowIndex}
      onKeyDown={(event) => props.onKeyDown(event, rowIndex, node)}
    >
      <div role="gridcell" className="gantt-name" style={{ paddingLeft: 4 + Math.min(depth, 40) * 14 }}>
        {hasChildren ? (
          <button
            type="button"
            className="gantt-toggle"
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${span.name}`}
            tabIndex={-1}
            onClick={() => props.onToggle(node)}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="gantt-toggle-space" />
        )}
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
        <button type="button" className="gantt-span-button" tabIndex={props.tabbable ? 0 : -1} onClick={() => props.onSelect(node)}>
          {error && (
            <span className="gantt-error-mark" title="Error status">
              <span aria-hidden="true">!</span>
            </span>
          )}
          <span className="gantt-span-name">{span.name}</span>
          <span className="gantt-service">{span.serviceName}</span>
          {collapsed && <span className="gantt-hidden-count">+{tree.subtreeEnd[node] - node - 1}</span>}
          {tree.orphan[node] === 1 && <span className="badge muted">parent missing</span>}
        </button>
      </div>
      <div role="gridcell" className="gantt-timeline" onClick={() => props.onSelect(node)}>
        <div
          className="gantt-bar"
          style={{ left: `${left}%`, width: `${Math.max(0, right - left)}%`, background: color }}
        />
        {highlightCritical && layout.path.onPath[node] === 1 && <CriticalSections layout={layout} node={node} view={view} />}
        {span.events.map((event, i) => (
          <span
            key={i}
            className="gantt-event"
            style={{ left: `${pct(event.timeUs - tree.traceStartUs, view)}%` }}
            title={`${event.name} at +${formatDurationUs(event.timeUs - span.startUs)}`}
          />
        ))}
        <span
          className={`gantt-duration ${labelAt}`}
          style={
            labelAt === 'after'
              ? { left: `calc(${Math.max(0, right)}% + 4px)` }
              : { right: `calc(${Math.max(0, 100 - (labelAt === 'before' ? left : right))}% + 4px)` }
          }
        >
          {duration}
        </span>
      </div>
    </div>
  );
});

function CriticalSections({ layout, node, view }: { layout: TraceLayout; node: number; view: ViewWindow }) {
  const out = [];
  for (let k = layout.sectionStart[node]; k < layout.sectionStart[node + 1]; k++) {
    const section = layout.path.sections[layout.sectionOrder[k]];
    const left = pct(section.startUs, view);
    const width = pct(section.endUs, view) - left;
    out.push(<span key={k} className="gantt-critical" style={{ left: `${left}%`, width: `${width}%` }} />);
  }
  return <>{out}</>;
}
