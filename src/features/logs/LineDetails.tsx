import { useState } from 'react';
import { Link, useRouter } from '@tanstack/react-router';
import type { LogLine } from '../../datasources/types';
import { applyDerivedFields, type DerivedFieldRule } from './derivedFields';
import { filterNameFor, type LineField } from './lineFields';
import { parsedLine } from './parsedLine';

export interface LineActions {
  /** Adds a filter for a field (or a stream label) to the query. */
  onFilter: (field: LineField, filterName: string, include: boolean, parser: 'json' | 'logfmt' | null) => void;
  onShowContext: (line: LogLine) => void;
  lineLink: (line: LogLine) => string;
  derivedFields: DerivedFieldRule[];
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** An expanded line: its labels and parsed fields, with filter buttons, links and actions. */
export function LineDetails({ line, actions }: { line: LogLine; actions: LineActions }) {
  const parsed = parsedLine(line);
  const [copied, setCopied] = useState<string | null>(null);
  const router = useRouter();
  const labels: LineField[] = Object.keys(line.labels)
    .sort()
    .map((key) => ({ key, value: line.labels[key], source: 'label', depth: 0 }));
  const links = applyDerivedFields(actions.derivedFields, parsed.text, parsed.fields, line.labels);
  const report = (what: string) => (ok: boolean) => setCopied(ok ? `${what} copied` : `Could not copy: the browser refused clipboard access`);

  const fieldRows = (fields: LineField[], caption: string) =>
    fields.length > 0 && (
      <table className="log-fields">
        <caption>{caption}</caption>
        <tbody>
          {fields.map((f) => {
            const name = filterNameFor(f, line.labels);
            return (
              <tr key={`${f.source}:${f.key}`}>
                <th scope="row" style={{ paddingLeft: `${f.depth * 12 + 4}px` }}>
                  {f.key}
                </th>
                <td className="log-field-value">
                  {f.key === 'trace_id' && parsed.traceId ? (
                    <Link to="/traces/$traceId" params={{ traceId: parsed.traceId }}>
                      {f.value}
                    </Link>
                  ) : (
                    f.value
                  )}
                </td>
                <td className="log-field-actions">
                  <button type="button" aria-label={`Filter for ${name}="${f.value}"`} title="Filter for value" onClick={() => actions.onFilter(f, name, true, parsed.parser)}>
                    +
                  </button>
                  <button type="button" aria-label={`Filter out ${name}="${f.value}"`} title="Filter out value" onClick={() => actions.onFilter(f, name, false, parsed.parser)}>
                    −
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );

  return (
    <div className="log-details" role="group" aria-label="Line details">
      <div className="log-detail-actions">
        <button type="button" onClick={() => void copy(line.line).then(report('Line'))}>
          Copy line
        </button>
        <button type="button" onClick={() => void copy(actions.lineLink(line)).then(report('Link'))}>
          Copy link to line
        </button>
        <a href={actions.lineLink(line)}>Link to line</a>
        <button type="button" onClick={() => actions.onShowContext(line)}>
          Show context
        </button>
        {links.map((l) =>
          l.internal ? (
            <a
              key={l.name + l.value}
              href={l.url}
              className="derived-link"
              onClick={(e) => {
                if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                void router.navigate({ href: l.url });
              }}
            >
              {l.name}: {l.value}
            </a>
          ) : (
            <a key={l.name + l.value} href={l.url} className="derived-link" target="_blank" rel="noreferrer noopener">
              {l.name}: {l.value}
            </a>
          ),
        )}
        <span role="status" className="muted">
          {copied}
        </span>
      </div>
      {fieldRows(labels, 'Labels')}
      {fieldRows(parsed.fields, parsed.parser === 'logfmt' ? 'Fields (logfmt)' : 'Fields (JSON)')}
    </div>
  );
}
