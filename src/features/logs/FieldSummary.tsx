import { useDeferredValue, useMemo } from 'react';
import type { LogLine } from '../../datasources/types';
import { summarizeFields } from './fieldSummary';
import { filterNameFor, type LineField } from './lineFields';
import { parsedLine } from './parsedLine';

/** The summary reads the newest lines only, so it stays cheap however many lines are held. */
const SAMPLE = 1000;
const EMPTY: LogLine[] = [];

export function FieldSummary({ lines: current, onFilter }: { lines: LogLine[]; onFilter: (field: LineField, name: string, parser: 'json' | 'logfmt' | null) => void }) {
  // Parsing the sample waits until the lines themselves are on screen.
  const lines = useDeferredValue(current, EMPTY);
  const sample = useMemo(() => (lines.length > SAMPLE ? lines.slice(0, SAMPLE) : lines), [lines]);
  const { stats, parserOf, labelsOf } = useMemo(() => {
    const parserOf = new Map<string, 'json' | 'logfmt' | null>();
    const labelsOf = new Map<string, Record<string, string>>();
    const perLine = sample.map((l) => {
      const p = parsedLine(l);
      for (const f of p.fields) if (!parserOf.has(f.key)) {
        parserOf.set(f.key, p.parser);
        labelsOf.set(f.key, l.labels);
      }
      return p.fields;
    });
    return { stats: summarizeFields(perLine, 15, 5), parserOf, labelsOf };
  }, [sample]);
  if (!stats.length) return null;
  return (
    <aside className="field-summary" aria-labelledby="field-summary-title">
      <h2 id="field-summary-title">Fields</h2>
      <p className="muted">
        In the {sample.length === lines.length ? '' : 'newest '}
        {sample.length} loaded lines
      </p>
      <ul>
        {stats.map((f) => (
          <li key={f.key}>
            <details>
              <summary>
                {f.key} <span className="muted">{Math.round((f.count / sample.length) * 100)}%</span>
              </summary>
              <ul aria-label={`Top values of ${f.key}`}>
                {f.values.map((v) => {
                  const field: LineField = { key: f.key, value: v.value, source: 'json', depth: 0 };
                  const name = filterNameFor(field, labelsOf.get(f.key) ?? {});
                  return (
                    <li key={v.value}>
                      <button type="button" className="link-button" aria-label={`Filter for ${name}="${v.value}"`} onClick={() => onFilter(field, name, parserOf.get(f.key) ?? null)}>
                        {v.value || '(empty)'}
                      </button>{' '}
                      <span className="muted">{v.count}</span>
                    </li>
                  );
                })}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </aside>
  );
}
