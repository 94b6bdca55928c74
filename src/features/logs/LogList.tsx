import { useCallback, useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LogLine } from '../../datasources/types';
import type { DedupRow } from './dedup';
import { LineDetails, type LineActions } from './LineDetails';
import { LogLineRow } from './LogLineRow';

export interface LogListProps {
  rows: DedupRow<LogLine>[];
  terms: Array<string | RegExp>;
  utc: boolean;
  wrap: boolean;
  /** A line to scroll to and mark (link to line). */
  selectedId?: string;
  /** Keep the newest (last) row in view as lines arrive (live tail). */
  followTail?: boolean;
  actions: LineActions;
  label?: string;
}

/**
 * Only the rows in view (plus a margin) are in the DOM, so 5,000 or 100,000 lines paint as fast
 * as fifty. Rows are measured after render: wrapped and expanded lines are taller.
 */
export function LogList({ rows, terms, utc, wrap, selectedId, followTail, actions, label = 'Log lines' }: LogListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(selectedId ? [selectedId] : []));
  const toggle = useCallback(
    (id: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 24,
    overscan: 12,
    getItemKey: (i) => rows[i].line.id,
  });

  // Re-measure when wrapping changes every row's height.
  useEffect(() => virtualizer.measure(), [wrap, virtualizer]);

  const selectedIndex = selectedId ? rows.findIndex((r) => r.line.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
    // Only when the linked line first shows up, not on every new page.
  }, [selectedIndex >= 0]);

  useEffect(() => {
    if (followTail && rows.length) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [followTail, rows.length, virtualizer]);

  return (
    <div ref={scroller} className={`log-scroller${wrap ? ' log-wrap' : ''}`} tabIndex={0} aria-label={`${label}, scrollable`}>
      <div role="list" aria-label={label} aria-rowcount={rows.length} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          const isExpanded = expanded.has(row.line.id);
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              data-line-id={row.line.id}
              ref={virtualizer.measureElement}
              className="log-item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <LogLineRow
                line={row.line}
                terms={terms}
                expanded={isExpanded}
                selected={row.line.id === selectedId}
                utc={utc}
                duplicates={row.duplicates}
                onToggle={toggle}
              />
              {isExpanded && <LineDetails line={row.line} actions={actions} />}
            </div>
          );
        })}
      </div>
    </div>
  );
}
