import { useId, useState } from 'react';
import type { Dashboard } from './model/schema';
import { parseEditedDashboard } from './model/editDashboard';
import { dashboardFileText } from './exportDashboard';

interface DashboardEditorProps {
  dashboard: Dashboard;
  /** A valid edit: the page keeps it as a draft in this browser. */
  onApply: (edited: Dashboard) => void;
  onClose: () => void;
}

/**
 * The dashboard as its file (Grafana's "JSON model"): edit panels, queries, variables and layout
 * as text. Nothing is lost on a bad edit: the text stays, with the parse error or the fields that
 * do not validate named next to it.
 */
export function DashboardEditor({ dashboard, onApply, onClose }: DashboardEditorProps) {
  const id = useId();
  const [text, setText] = useState(() => dashboardFileText(dashboard));
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    try {
      onApply(parseEditedDashboard(text));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="dashboard-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Edit dashboard</h2>
      <p className="muted">
        The dashboard file as JSON (YAML works too). Applying keeps a draft in this browser; export it to put it in the dashboards folder.
      </p>
      <label htmlFor={`${id}-text`}>Dashboard file</label>
      <textarea
        id={`${id}-text`}
        className="mono dashboard-editor-text"
        rows={18}
        value={text}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) apply();
        }}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="primary" onClick={apply} title="Apply (Ctrl+Enter)">
          Apply
        </button>
        <button type="button" onClick={onClose}>
          Close editor
        </button>
      </div>
    </section>
  );
}
