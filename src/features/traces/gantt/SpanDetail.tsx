import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { AttributeValue, Span } from '../../../datasources/types';
import { formatDurationUs } from '../layout/format';
import type { TraceLayout } from '../layout/traceLayout';
import { spanLogsSearch } from '../logsLink';

function text(value: AttributeValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Attribute values are always rendered as text: they come from the traced app, not from us. */
function Attributes({ title, attributes }: { title: string; attributes: Record<string, AttributeValue> }) {
  const keys = Object.keys(attributes).sort();
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {keys.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <table className="data kv">
          <tbody>
            {keys.map((key) => (
              <tr key={key}>
                <th scope="row" className="mono">
                  {key}
                </th>
                <td className="mono">{text(attributes[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface SpanDetailProps {
  layout: TraceLayout;
  node: number;
  ds?: string;
  onClose: () => void;
  onSelectSpan: (spanId: string) => void;
}

export function SpanDetail({ layout, node, ds, onClose, onSelectSpan }: SpanDetailProps) {
  const { tree } = layout;
  const span: Span = tree.spans[node];
  const [copied, setCopied] = useState<string | null>(null);
  const parent = tree.parent[node] >= 0 ? tree.spans[tree.parent[node]] : undefined;
  const logs = spanLogsSearch(span);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(span, null, 2));
      setCopied('Span copied as JSON.');
    } catch (error) {
      setCopied(`Could not copy: ${(error as Error).message}`);
    }
  };

  return (
    <aside className="span-detail" aria-label="Span details">
      <header>
        <h2>{span.name}</h2>
        <button type="button" onClick={onClose} aria-label="Close span details">
          ✕
        </button>
      </header>
      <dl className="span-facts">
        <dt>Service</dt>
        <dd>{span.serviceName}</dd>
        <dt>Duration</dt>
        <dd className="mono">{formatDurationUs(span.durationUs)}</dd>
        <dt>Self time</dt>
        <dd className="mono">{formatDurationUs(layout.selfUs[node])}</dd>
        <dt>Start</dt>
        <dd className="mono">+{formatDurationUs(tree.startUs[node])}</dd>
        <dt>Kind</dt>
        <dd>{span.kind}</dd>
        <dt>Status</dt>
        <dd className={span.status.code === 'error' ? 'error-text' : undefined}>
          {span.status.code}
          {span.status.message && <>: {span.status.message}</>}
        </dd>
        <dt>Span ID</dt>
        <dd className="mono">{span.spanId}</dd>
        <dt>Parent</dt>
        <dd className="mono">
          {parent ? (
            <button type="button" className="link-button" onClick={() => onSelectSpan(parent.spanId)}>
              {parent.name}
            </button>
          ) : span.parentSpanId ? (
            `${span.parentSpanId} (not in this trace)`
          ) : (
            'none (root)'
          )}
        </dd>
        {layout.path.onPath[node] === 1 && (
          <>
            <dt>Critical path</dt>
            <dd className="mono">{formatDurationUs(layout.path.timeUs[node])}</dd>
          </>
        )}
        {tree.skewed[node] === 1 && (
          <>
            <dt>Clock skew</dt>
            <dd>This span lies partly outside its parent: the hosts' clocks probably disagree.</dd>
          </>
        )}
      </dl>
      <p className="span-actions">
        <Link to="/logs" search={{ q: logs.q, from: logs.from, to: logs.to }}>
          Logs for this span
        </Link>
        <button type="button" onClick={() => void copy()}>
          Copy as JSON
        </button>
        <span role="status">{copied}</span>
      </p>
      <Attributes title="Attributes" attributes={span.attributes} />
      <Attributes title="Resource" attributes={span.resource} />
      <section aria-label="Events">
        <h3>Events ({span.events.length})</h3>
        {span.events.length === 0 ? (
          <p className="muted">None</p>
        ) : (
          <ol className="span-events">
            {span.events.map((event, i) => (
              <li key={i}>
                <span className="mono">+{formatDurationUs(event.timeUs - span.startUs)}</span> <strong>{event.name}</strong>
                {Object.keys(event.attributes).length > 0 && (
                  <ul>
                    {Object.entries(event.attributes).map(([k, v]) => (
                      <li key={k} className="mono">
                        {k} = {text(v)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-label="Links">
        <h3>Links ({span.links.length})</h3>
        {span.links.length === 0 ? (
          <p className="muted">None</p>
        ) : (
          <ul>
            {span.links.map((link, i) => (
              <li key={i}>
                {link.traceId === span.traceId ? (
                  <button type="button" className="link-button mono" onClick={() => onSelectSpan(link.spanId)}>
                    span {link.spanId} in this trace
                  </button>
                ) : (
                  <Link to="/traces/$traceId" params={{ traceId: link.traceId }} search={{ ds, span: link.spanId }} className="mono">
                    trace {link.traceId}
                  </Link>
                )}
                {Object.keys(link.attributes).length > 0 && <span className="muted mono"> {text(link.attributes)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
