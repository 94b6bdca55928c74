import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useElementWidth } from '../../../lib/useElementWidth';
import { findSpans } from '../layout/findSpans';
import type { TraceLayout } from '../layout/traceLayout';
import { revealNode, rowOfNode, toggleCollapsed, visibleRows } from '../layout/visibleRows';
import { FindBar } from './FindBar';
import { GanttRow, ROW_HEIGHT } from './GanttRow';
import { Minimap } from './Minimap';
import { TimeAxis } from './TimeAxis';
import type { ViewWindow } from './viewWindow';
import { baseCollapsed, collapsedFromSearch, toggleSearch, viewFromSearch, zoomSearch, type GanttSearch } from './ganttUrl';

interface TraceGanttProps {
  layout: TraceLayout;
  selectedNode: number;
  onSelect: (node: number) => void;
  /** The view as the URL had it when this trace opened. */
  search: GanttSearch;
  /** Gets the view whenever it changes (after a pause), to keep the URL a link to it. */
  onSearch: (search: GanttSearch) => void;
}

/** How long the view must stay put before the URL follows (a drag on the minimap moves it every frame). */
const URL_DELAY_MS = 250;

const MAX_DEPTH_CHOICES = 12;

export function TraceGantt({ layout, selectedNode, onSelect, search, onSearch }: TraceGanttProps) {
  const { tree } = layout;
  // Read from the URL once; from then on the URL follows this state (below), not the reverse.
  const [collapsed, setCollapsed] = useState<Uint8Array>(() => collapsedFromSearch(tree, search));
  const [depth, setDepth] = useState(search.depth);
  const [view, setView] = useState<ViewWindow>(() => viewFromSearch(search.zoom, tree.durationUs));
  const [highlightCritical, setHighlightCritical] = useState(true);
  const [findQuery, setFindQuery] = useState(search.find ?? '');
  const [currentMatch, setCurrentMatch] = useState(-1);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [axisRef, axisWidth] = useElementWidth<HTMLDivElement>();

  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const deferredQuery = useDeferredValue(findQuery);
  const matches = useMemo(() => findSpans(tree, deferredQuery), [tree, deferredQuery]);
  const matchSet = useMemo(() => new Set(matches), [matches]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // A span chosen elsewhere (URL, find, summary, detail pane) becomes a visible row in view.
  useEffect(() => {
    if (selectedNode < 0) return;
    const next = revealNode(tree, collapsed, selectedNode);
    if (next !== collapsed) {
      setCollapsed(next);
      return;
    }
    const row = rowOfNode(rows, selectedNode);
    if (row >= 0) virtualizer.scrollToIndex(row, { align: 'auto' });
    // Only when the selection changes (or the rows it needs appear), not on every collapse.
  }, [selectedNode, rows]);

  // A layout effect, so a row already rendered has focus before the next key is handled: a key
  // pressed before a frame had moved it acted on the previous row (holding ArrowDown stalled).
  // A row scrolled into view is rendered, and focused, a frame later.
  useLayoutEffect(() => {
    if (focusRow === null) return;
    const focus = () => scroller.current?.querySelector<HTMLElement>(`[data-row-index="${focusRow}"] .gantt-span-button`)?.focus();
    virtualizer.scrollToIndex(focusRow, { align: 'auto' });
    focus();
    const id = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(id);
  }, [focusRow]);

  const base = useMemo(() => baseCollapsed(tree, depth), [tree, depth]);
  const searchRef = useRef(search);
  searchRef.current = search;
  useEffect(() => {
    const timer = setTimeout(() => {
      const next: GanttSearch = { depth, toggle: toggleSearch(tree, collapsed, base), zoom: zoomSearch(view, tree.durationUs), find: findQuery || undefined };
      const current = searchRef.current;
      if (next.depth !== current.depth || next.toggle !== current.toggle || next.zoom !== current.zoom || next.find !== current.find) onSearch(next);
    }, URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [tree, collapsed, base, depth, view, findQuery, onSearch]);

  const onToggle = useCallback((node: number) => setCollapsed((c) => toggleCollapsed(c, node)), []);

  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, rowIndex: number, node: number) => {
      const hasChildren = tree.childCount[node] > 0;
      let handled = true;
      switch (event.key) {
        case 'ArrowDown':
          setFocusRow(Math.min(rowIndex + 1, rows.length - 1));
          break;
        case 'ArrowUp':
          setFocusRow(Math.max(rowIndex - 1, 0));
          break;
        case 'Home':
          setFocusRow(0);
          break;
        case 'End':
          setFocusRow(rows.length - 1);
          break;
        case 'ArrowRight':
          if (hasChildren && collapsed[node]) setCollapsed((c) => toggleCollapsed(c, node));
          else if (hasChildren) setFocusRow(rowIndex + 1);
          break;
        case 'ArrowLeft':
          if (hasChildren && !collapsed[node]) setCollapsed((c) => toggleCollapsed(c, node));
          else if (tree.parent[node] >= 0) setFocusRow(rowOfNode(rows, tree.parent[node]));
          break;
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    },
    [tree, rows, collapsed],
  );

  const step = (direction: 1 | -1) => {
    if (matches.length === 0) return;
    const next = currentMatch < 0 ? (direction === 1 ? 0 : matches.length - 1) : (currentMatch + direction + matches.length) % matches.length;
    setCurrentMatch(next);
    onSelect(matches[next]);
  };

  const depthChoices = Math.min(tree.maxDepth, MAX_DEPTH_CHOICES);
  const tabbableRow = selectedNode >= 0 && rowOfNode(rows, selectedNode) >= 0 ? selectedNode : rows[0];
  const currentMatchNode = currentMatch >= 0 ? matches[currentMatch] : -1;

  return (
    <div className="gantt">
      <div className="gantt-toolbar toolbar">
        <label>
          Collapse to depth{' '}
          <select
            value=""
            onChange={(e) => {
              const value = e.target.value;
              if (value === '') return;
              const chosen = value === 'all' ? undefined : Number(value);
              setDepth(chosen);
              setCollapsed(baseCollapsed(tree, chosen));
            }}
          >
            <option value="">choose…</option>
            <option value="all">expand all</option>
            {Array.from({ length: depthChoices }, (_, d) => (
              <option key={d} value={d}>
                {d + 1}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={highlightCritical} onChange={(e) => setHighlightCritical(e.target.checked)} /> Highlight critical path
        </label>
        <FindBar
          query={findQuery}
          onQuery={(q) => {
            setFindQuery(q);
            setCurrentMatch(-1);
          }}
          matchCount={deferredQuery === findQuery ? matches.length : 0}
          current={currentMatch}
          onStep={step}
        />
      </div>
      <Minimap layout={layout} view={view} onChange={setView} />
      <div className="gantt-header" aria-hidden="true">
        <div className="gantt-name">Span</div>
        <div className="gantt-timeline" ref={axisRef}>
          <TimeAxis view={view} width={axisWidth} />
        </div>
      </div>
      <div
        ref={scroller}
        className="gantt-rows"
        role="treegrid"
        aria-label="Spans"
        aria-rowcount={rows.length}
        aria-multiselectable={false}
        style={{ height: Math.min(rows.length * ROW_HEIGHT + 2, 640) }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="presentation">
          {virtualizer.getVirtualItems().map((item) => {
            const node = rows[item.index];
            return (
              <GanttRow
                key={node}
                layout={layout}
                node={node}
                rowIndex={item.index}
                top={item.start}
                view={view}
                collapsed={collapsed[node] === 1}
                selected={node === selectedNode}
                tabbable={node === tabbableRow}
                match={node === currentMatchNode ? 'current' : matchSet.has(node) ? 'match' : 'none'}
                highlightCritical={highlightCritical}
                onToggle={onToggle}
                onSelect={onSelect}
                onKeyDown={onRowKeyDown}
              />
            );
          })}
        </div>
      </div>
      <ServiceLegend layout={layout} />
    </div>
  );
}

function ServiceLegend({ layout }: { layout: TraceLayout }) {
  return (
    <ul className="legend gantt-legend" aria-label="Services">
      {layout.services.map((s) => (
        <li key={s.name}>
          <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {s.name} <span className="muted">({s.spanCount})</span>
        </li>
      ))}
      <li>
        <span className="gantt-legend-critical" aria-hidden="true" /> critical path
      </li>
      <li>
        <span className="gantt-legend-event" aria-hidden="true" /> event
      </li>
    </ul>
  );
}
