import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { labels as fetchLabels } from '../../datasources/loki';
import { QueryError } from '../../app/QueryError';
import { withQuerySpan } from '../../telemetry/query';
import { labelValueCounts } from './labelCounts';
import { selectorFromSelection } from './queryBuild';

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} B`;
}

interface LabelBrowserProps {
  uid: string;
  fromMs: number;
  toMs: number;
  onUse: (selector: string) => void;
  onClose: () => void;
}

/** Pick label values by clicking; the stream selector is built as you go, as in Grafana's browser. */
export function LabelBrowser({ uid, fromMs, toMs, onUse, onClose }: LabelBrowserProps) {
  const [focused, setFocused] = useState<string | null>(null);
  const [selection, setSelection] = useState<Array<[string, string[]]>>([]);
  const names = useQuery({
    queryKey: ['loki', 'labels', uid, fromMs, toMs],
    queryFn: ({ signal }) => withQuerySpan('logs labels', { 'datasource.uid': uid }, () => fetchLabels(uid, { start: fromMs, end: toMs }, signal)),
  });
  const values = useQuery({
    queryKey: ['loki', 'label-value-counts', uid, focused, fromMs, toMs],
    enabled: focused !== null,
    queryFn: ({ signal }) => withQuerySpan('logs label values', { 'datasource.uid': uid }, () => labelValueCounts(uid, focused!, fromMs, toMs, signal)),
  });
  const selectedValues = (name: string) => selection.find(([n]) => n === name)?.[1] ?? [];
  const toggleValue = (name: string, value: string) =>
    setSelection((prev) => {
      const current = prev.find(([n]) => n === name)?.[1] ?? [];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return prev.some(([n]) => n === name) ? prev.map((e): [string, string[]] => (e[0] === name ? [name, next] : e)) : [...prev, [name, next]];
    });
  const selector = selectorFromSelection(selection);
  const empty = selector === '{}';

  return (
    <section className="label-browser" aria-labelledby="label-browser-title">
      <h2 id="label-browser-title">Label browser</h2>
      {names.error && <QueryError error={names.error} />}
      <div role="group" aria-label="Label names" className="chip-list">
        {names.data?.map((name) => (
          <button key={name} type="button" className="chip" aria-pressed={focused === name} onClick={() => setFocused(focused === name ? null : name)}>
            {name}
            {selectedValues(name).length > 0 && ` (${selectedValues(name).length})`}
          </button>
        ))}
      </div>
      {focused && (
        <div role="group" aria-label={`Values of ${focused}`} className="chip-list">
          {values.isFetching && <span className="muted">Loading values…</span>}
          {values.error && <QueryError error={values.error} />}
          {values.data?.map(({ value, streams, bytes }) => (
            <button key={value} type="button" className="chip" aria-pressed={selectedValues(focused).includes(value)} onClick={() => toggleValue(focused, value)}>
              {value} <span className="muted">{bytes !== undefined ? formatBytes(bytes) : `${streams} ${streams === 1 ? 'stream' : 'streams'}`}</span>
            </button>
          ))}
        </div>
      )}
      <p>
        Selector: <code aria-label="Built selector">{empty ? 'pick label values above' : selector}</code>
      </p>
      <div className="toolbar">
        <button type="button" className="primary" disabled={empty} onClick={() => onUse(selector)}>
          Show logs
        </button>
        <button type="button" disabled={!selection.length} onClick={() => setSelection([])}>
          Clear
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
